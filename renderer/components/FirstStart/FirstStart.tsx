import { Button, Divider, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/review';
import type { UserProfile } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { toApiError } from '../../lib/errors';
import { useReportReady } from '../../stores/page-ready-store';
import { useNotificationStore } from '../../stores/notification-store';
import { ProfileForm } from '../ProfileForm/ProfileForm';

const EMPTY_REQUEST = {};

/**
 * Shown instead of every page while no profile is current: opinions and scores are signed
 * with a name, and a prefecture agent only sees the dossiers of their departments.
 */
export function FirstStart({ onChosen }: { onChosen: (profile: UserProfile) => void }) {
  const profiles = useApiQuery('profile:list', EMPTY_REQUEST);
  const notify = useNotificationStore((state) => state.notify);
  const [switching, setSwitching] = useState<number | null>(null);
  useReportReady(!profiles.loading);

  function resume(profile: UserProfile): void {
    setSwitching(profile.id);
    api['profile:switch']({ id: profile.id })
      .then(onChosen)
      .catch((error: unknown) => notify({ color: 'red', title: 'Profil non repris', message: toApiError(error).message }))
      .finally(() => setSwitching(null));
  }

  const existing = profiles.data ?? [];
  return (
    <Paper withBorder p="xl" maw={640} mx="auto" mt="md" component="section" aria-labelledby="first-start-title">
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon size={48} radius="md" variant="light">
            <IconUserCircle size={30} aria-hidden />
          </ThemeIcon>
          <div>
            <Title order={2} id="first-start-title">
              Qui êtes-vous ?
            </Title>
            <Text c="dimmed">Une seule fois, avant de commencer : vos avis et vos notes seront signés de ce nom.</Text>
          </div>
        </Group>
        {existing.length > 0 && (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Reprendre un profil déjà créé sur ce poste
            </Text>
            <Group gap="xs">
              {existing.map((profile) => (
                <Button key={profile.id} variant="light" loading={switching === profile.id} onClick={() => resume(profile)}>
                  {profile.name} · {ROLE_LABELS[profile.role]}
                </Button>
              ))}
            </Group>
            <Divider label="ou créer un nouveau profil" labelPosition="center" />
          </Stack>
        )}
        <ProfileForm profile={null} submitLabel="Commencer" onSaved={onChosen} />
      </Stack>
    </Paper>
  );
}
