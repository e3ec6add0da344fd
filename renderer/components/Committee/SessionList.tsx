import { Group, Text, Tooltip } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import type { KeyboardEvent } from 'react';
import type { SessionSummary } from '../../../shared/domain/committee';
import { EMPTY_VALUE, formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { SessionStatusBadge } from './SessionStatusBadge';

function Sealed({ session }: { session: SessionSummary }) {
  if (!session.minutesHash) {
    return (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconLockOpen size={14} aria-hidden />
        <Text size="sm">Non</Text>
      </Group>
    );
  }
  return (
    <Tooltip label={`Validé le ${formatDateTime(session.validatedAt)} par ${session.validatedBy ?? EMPTY_VALUE} – empreinte SHA-256 ${session.minutesHash}`}>
      <Group gap={4} wrap="nowrap" c="green.8">
        <IconLock size={14} aria-hidden />
        <Text size="sm" ff="monospace">
          {session.minutesHash.slice(0, 10)}…
        </Text>
      </Group>
    </Tooltip>
  );
}

interface SessionListProps {
  sessions: SessionSummary[];
  loading: boolean;
  /** Absent: the rows only inform (a prefecture agent sees the sessions but not their agenda). */
  onOpen?: (session: SessionSummary) => void;
}

/** Sessions, newest first (as the backend returns them). */
export function SessionList({ sessions, loading, onOpen }: SessionListProps) {
  return (
    <DataTable<SessionSummary>
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      verticalSpacing={6}
      horizontalSpacing="sm"
      fz="sm"
      minHeight={sessions.length === 0 ? 160 : undefined}
      idAccessor="id"
      records={sessions}
      fetching={loading && sessions.length === 0}
      loaderType="dots"
      noRecordsText="Aucune séance : créez la première avec « Nouvelle séance »"
      onRowClick={onOpen ? ({ record }) => onOpen(record) : undefined}
      customRowAttributes={(record) =>
        onOpen
          ? {
              tabIndex: 0,
              'data-session-id': record.id,
              'aria-label': `Ouvrir la séance COSELEC ${record.number}`,
              onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
                if (event.key === 'Enter') onOpen(record);
              },
            }
          : { 'data-session-id': record.id }
      }
      columns={[
        {
          accessor: 'number',
          title: 'Séance',
          width: 124,
          render: (session) => (
            <Text size="sm" fw={700}>
              COSELEC {session.number}
            </Text>
          ),
        },
        { accessor: 'date', title: 'Date', width: 110, render: (session) => formatDate(session.date) },
        { accessor: 'status', title: 'Statut', width: 120, render: (session) => <SessionStatusBadge status={session.status} /> },
        {
          accessor: 'place',
          title: 'Lieu',
          render: (session) => (
            <>
              {session.place || EMPTY_VALUE}
              <Text span size="xs" c="dimmed">
                {` · présidence\u00a0: ${session.chairName ?? 'non désignée'}`}
              </Text>
            </>
          ),
        },
        {
          accessor: 'presentCount',
          title: 'Présents',
          width: 104,
          textAlign: 'right',
          render: (session) => `${formatNumber(session.presentCount)} / ${formatNumber(session.memberCount)}`,
        },
        {
          accessor: 'decidedCount',
          title: <span title="Dossiers décidés / dossiers à l’ordre du jour">Décidés</span>,
          width: 100,
          textAlign: 'right',
          render: (session) => `${formatNumber(session.decidedCount)} / ${formatNumber(session.agendaCount)}`,
        },
        { accessor: 'postsGranted', title: 'Postes accordés', width: 160, textAlign: 'right', render: (session) => formatNumber(session.postsGranted) },
        { accessor: 'minutesHash', title: 'PV scellé', width: 140, render: (session) => <Sealed session={session} /> },
      ]}
    />
  );
}
