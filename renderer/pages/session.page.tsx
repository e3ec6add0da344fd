import { Alert, Anchor, Center, Grid, Loader, Stack, Tabs } from '@mantine/core';
import { IconClipboardList, IconFileText, IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionDetail } from '../../shared/domain/committee';
import { SessionHeader } from '../components/Committee/SessionHeader';
import { capabilities } from '../components/Committee/session-view';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { MinutesPanel } from '../components/MinutesPanel/MinutesPanel';
import { SessionAgenda } from '../components/SessionAgenda/SessionAgenda';
import { SessionConflicts } from '../components/SessionConflicts/SessionConflicts';
import { SessionHistory } from '../components/SessionHistory/SessionHistory';
import { SessionPresence } from '../components/SessionPresence/SessionPresence';
import { SessionTotals } from '../components/SessionTotals/SessionTotals';
import { useApiQuery } from '../hooks/use-api-query';
import { isNational, useProfile } from '../hooks/use-profile';
import { routeHref } from '../router/routes';
import { useReportReady } from '../stores/page-ready-store';
import { NationalOnly } from './committees.page';

const EMPTY_REQUEST = {};
/** A decision changes dossiers, decisions and totals: refetch the session on any change. */
const ANY_TABLE: readonly string[] = [];

type Tab = 'session' | 'minutes' | 'history';

/**
 * The session as the backend last returned it: a write answers with the new session at once,
 * and the refetch that db:changed triggers replaces it when it arrives.
 */
function useSession(id: number) {
  const query = useApiQuery('sessions:get', { id }, ANY_TABLE);
  const [override, setOverride] = useState<{ base: SessionDetail | undefined; detail: SessionDetail } | null>(null);
  const data = override && override.base === query.data ? override.detail : query.data;
  const apply = (detail: SessionDetail) => setOverride({ base: query.data, detail });
  return { ...query, data, apply };
}

function SessionView({ id }: { id: number }) {
  const session = useSession(id);
  const members = useApiQuery('members:list', EMPTY_REQUEST, ANY_TABLE);
  const [tab, setTab] = useState<Tab>('session');
  useReportReady(!session.loading && !members.loading);

  if (session.error && !session.data) {
    return (
      <Stack gap="md" maw={720}>
        <ErrorAlert error={session.error} title="Cette séance n’a pas pu être ouverte" />
        <Anchor href={routeHref({ name: 'committees' })}>Retour aux séances</Anchor>
      </Stack>
    );
  }
  const detail = session.data;
  if (!detail) {
    return (
      <Center h={300}>
        <Loader aria-label="Chargement de la séance" />
      </Center>
    );
  }
  const can = capabilities(detail.status);
  return (
    <Stack gap="md">
      <SessionHeader session={detail} members={members.data ?? []} onChange={session.apply} />
      {can.explanation && detail.status !== 'VALIDATED' && (
        <Alert color="blue" variant="light" p="xs" icon={<IconInfoCircle size={18} />} data-testid="session-explanation">
          {can.explanation}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'session')}>
            <Tabs.List mb="md">
              <Tabs.Tab value="session" leftSection={<IconClipboardList size={16} aria-hidden />}>
                Séance
              </Tabs.Tab>
              <Tabs.Tab value="minutes" leftSection={<IconFileText size={16} aria-hidden />}>
                Procès-verbal
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
                Historique
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="session">
              <Stack gap="md">
                <Grid gap="md">
                  <Grid.Col span={{ base: 12, md: 6 }}>
                    <SessionPresence session={detail} editable={can.prepare} onChange={session.apply} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 6 }}>
                    <SessionConflicts session={detail} editable={can.prepare} onChange={session.apply} />
                  </Grid.Col>
                </Grid>
                <SessionAgenda session={detail} can={can} onChange={session.apply} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="minutes">
              <MinutesPanel session={detail} onChange={session.apply} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <SessionHistory sessionId={detail.id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <SessionTotals totals={detail.totals} agendaCount={detail.agenda.length} live={detail.status === 'IN_PROGRESS'} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function SessionPage({ id }: { id: number }) {
  const profile = useProfile();
  if (!isNational(profile)) return <NationalOnly />;
  return <SessionView id={id} />;
}
