import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconSettings, IconUserPlus } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../../shared/domain/review';
import type { UserProfile } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { PROFILE_TABLES } from '../../hooks/use-profile';
import { toApiError } from '../../lib/errors';
import { navigate } from '../../router/use-route';
import { useNotificationStore } from '../../stores/notification-store';
import classes from './ProfileMenu.module.css';

const EMPTY_REQUEST = {};

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => [...word][0]?.toUpperCase() ?? '').join('') || '?';
}

export function profileScope(profile: UserProfile): string {
  return profile.role === 'PREFECTURE' && profile.departments.length > 0
    ? `${ROLE_LABELS[profile.role]} (${profile.departments.join(', ')})`
    : ROLE_LABELS[profile.role];
}

/** Who is working, and a quick switch so two reviewers can share one machine. */
export function ProfileMenu({ profile, onSwitched }: { profile: UserProfile; onSwitched: () => void }) {
  const profiles = useApiQuery('profile:list', EMPTY_REQUEST, PROFILE_TABLES);
  const notify = useNotificationStore((state) => state.notify);

  function switchTo(target: UserProfile): void {
    api['profile:switch']({ id: target.id })
      .then((switched) => {
        notify({ color: 'blueFrance', title: 'Profil changé', message: `Vous travaillez maintenant en tant que ${switched.name}.` });
        onSwitched();
      })
      .catch((error: unknown) => notify({ color: 'red', title: 'Changement de profil impossible', message: toApiError(error).message }));
  }

  const others = (profiles.data ?? []).filter((other) => other.id !== profile.id);
  return (
    <Menu position="bottom-end" width={300} withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.target} aria-label={`Profil : ${profile.name}, ${profileScope(profile)}. Changer de profil`}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} color="blueFrance" radius="xl">
              {initials(profile.name)}
            </Avatar>
            <div className={classes.text}>
              <Text size="sm" fw={600} truncate data-testid="current-profile-name">
                {profile.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {profileScope(profile)}
              </Text>
            </div>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Profil actuel</Menu.Label>
        <Menu.Item leftSection={<IconCheck size={16} aria-hidden />} disabled>
          {profile.name}
        </Menu.Item>
        {others.length > 0 && <Menu.Label>Changer de profil</Menu.Label>}
        {others.map((other) => (
          <Menu.Item key={other.id} onClick={() => switchTo(other)}>
            <Text size="sm">{other.name}</Text>
            <Text size="xs" c="dimmed">
              {profileScope(other)}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => navigate({ name: 'settings' })}>
          Créer ou modifier un profil…
        </Menu.Item>
        <Menu.Item leftSection={<IconSettings size={16} aria-hidden />} onClick={() => navigate({ name: 'settings' })}>
          Paramètres
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
