import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionDetail } from '../../shared/domain/committee';
import { SessionForm } from '../components/Committee/SessionForm';
import { SessionList } from '../components/Committee/SessionList';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { useApiQuery } from '../hooks/use-api-query';
import { isNational, useProfile } from '../hooks/use-profile';
import { navigate } from '../router/use-route';
import { useNotificationStore } from '../stores/notification-store';
import { useReportReady } from '../stores/page-ready-store';

const EMPTY_REQUEST = {};
/** Any change may touch a session's counts: the list is small, refetch it on every change. */
const ANY_TABLE: readonly string[] = [];

function CommitteeSessions() {
  const sessions = useApiQuery('sessions:list', EMPTY_REQUEST, ANY_TABLE);
  const members = useApiQuery('members:list', EMPTY_REQUEST, ANY_TABLE);
  const notify = useNotificationStore((state) => state.notify);
  const [creating, setCreating] = useState(false);
  useReportReady(!sessions.loading && !members.loading);

  function created(session: SessionDetail): void {
    notify({ color: 'green', title: 'Séance créée', message: `COSELEC ${session.number} : ${session.agenda.length} dossier(s) déjà à l’ordre du jour.` });
    setCreating(false);
    navigate({ name: 'session', id: session.id });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Comités de sélection</Title>
          <Text size="sm" c="dimmed">
            Les séances numérotées du COSELEC : ordre du jour, présences, décisions et procès-verbal scellé.
          </Text>
        </div>
        {!creating && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} disabled={!members.data}>
            Nouvelle séance
          </Button>
        )}
      </Group>
      {creating && members.data && (
        <Paper withBorder p="md" bg="gray.0">
          <Title order={3} size="h4" mb="sm">
            Nouvelle séance
          </Title>
          <SessionForm session={null} members={members.data} onSaved={created} onCancel={() => setCreating(false)} />
          <Text size="xs" c="dimmed" mt="sm">
            Les dossiers qu’une séance précédente a renvoyés en examen complémentaire, sans décision depuis, sont inscrits automatiquement à l’ordre du jour.
          </Text>
        </Paper>
      )}
      <ErrorAlert error={sessions.error ?? members.error} title="Les séances n’ont pas pu être chargées" />
      <SessionList sessions={sessions.data ?? []} loading={sessions.loading} onOpen={(session) => navigate({ name: 'session', id: session.id })} />
    </Stack>
  );
}

const NATIONAL_ONLY_TEXT =
  'Le détail des séances (ordre du jour, présences, décisions, procès-verbal) est réservé aux membres du comité national et aux administrateurs ANCT. Les décisions prises sur vos dossiers apparaissent sur chaque dossier, dans « Décisions du comité ».';

/** A prefecture agent sees when the committee meets and what it decided in numbers, not the agenda. */
function SessionsForPrefecture() {
  const sessions = useApiQuery('sessions:list', EMPTY_REQUEST, ANY_TABLE);
  useReportReady(!sessions.loading);
  return (
    <Stack gap="md">
      <Title order={2}>Comités de sélection</Title>
      <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
        {NATIONAL_ONLY_TEXT}
      </Alert>
      <ErrorAlert error={sessions.error} title="Les séances n’ont pas pu être chargées" />
      <SessionList sessions={sessions.data ?? []} loading={sessions.loading} />
    </Stack>
  );
}

export function CommitteesPage() {
  const profile = useProfile();
  return isNational(profile) ? <CommitteeSessions /> : <SessionsForPrefecture />;
}

/** A session's page opened by a prefecture agent (a link kept from another profile). */
export function NationalOnly() {
  useReportReady(true);
  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>Séance du comité</Title>
      <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
        {NATIONAL_ONLY_TEXT}
      </Alert>
    </Stack>
  );
}
