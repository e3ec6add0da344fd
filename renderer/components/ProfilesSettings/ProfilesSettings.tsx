import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/review';
import type { UserProfile } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { PROFILE_TABLES, useProfile } from '../../hooks/use-profile';
import { toApiError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { useNotificationStore } from '../../stores/notification-store';
import { ProfileForm } from '../ProfileForm/ProfileForm';

const EMPTY_REQUEST = {};

function scopeText(profile: UserProfile): string {
  return profile.role === 'PREFECTURE' ? profile.departments.map(departmentLabel).join(', ') : 'Tous les départements';
}

/** Edit one's profile, create another and switch: two reviewers can share one machine. */
export function ProfilesSettings({ onChanged }: { onChanged: () => void }) {
  const profile = useProfile();
  const profiles = useApiQuery('profile:list', EMPTY_REQUEST, PROFILE_TABLES);
  const notify = useNotificationStore((state) => state.notify);
  const [mode, setMode] = useState<'view' | 'edit' | 'create'>('view');

  function saved(next: UserProfile): void {
    notify({ color: 'green', title: mode === 'create' ? 'Profil créé' : 'Profil enregistré', message: `Vous travaillez en tant que ${next.name}.` });
    setMode('view');
    onChanged();
  }

  function switchTo(target: UserProfile): void {
    api['profile:switch']({ id: target.id })
      .then((switched) => {
        notify({ color: 'blueFrance', title: 'Profil changé', message: `Vous travaillez maintenant en tant que ${switched.name}.` });
        onChanged();
      })
      .catch((error: unknown) => notify({ color: 'red', title: 'Changement de profil impossible', message: toApiError(error).message }));
  }

  if (mode !== 'view') {
    return (
      <Paper withBorder p="md" bg="gray.0">
        <Text fw={600} mb="sm">
          {mode === 'create' ? 'Nouveau profil' : `Modifier le profil de ${profile.name}`}
        </Text>
        <ProfileForm
          profile={mode === 'edit' ? profile : null}
          submitLabel={mode === 'create' ? 'Créer et utiliser ce profil' : 'Enregistrer'}
          onSaved={saved}
          onCancel={() => setMode('view')}
        />
      </Paper>
    );
  }

  return (
    <Stack gap="sm">
      <Table withTableBorder fz="sm" verticalSpacing={6} data-testid="profiles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nom</Table.Th>
            <Table.Th>Rôle</Table.Th>
            <Table.Th>Périmètre</Table.Th>
            <Table.Th>Créé le</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(profiles.data ?? [profile]).map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td fw={600}>{entry.name}</Table.Td>
              <Table.Td>{ROLE_LABELS[entry.role]}</Table.Td>
              <Table.Td>{scopeText(entry)}</Table.Td>
              <Table.Td>{formatDate(entry.createdAt)}</Table.Td>
              <Table.Td ta="right">
                {entry.id === profile.id ? (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Badge variant="light" tt="none">
                      Profil actuel
                    </Badge>
                    <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setMode('edit')}>
                      Modifier
                    </Button>
                  </Group>
                ) : (
                  <Button size="compact-sm" variant="default" onClick={() => switchTo(entry)}>
                    Utiliser ce profil
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setMode('create')}>
          Créer un autre profil
        </Button>
      </Group>
    </Stack>
  );
}
