import { Paper, Table, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { SessionHistoryEntry } from '../../../shared/domain/committee';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { historyChanges } from './history-view';

const ANY_TABLE: readonly string[] = [];

function Changes({ entry }: { entry: SessionHistoryEntry }) {
  const changes = historyChanges(entry.before, entry.after);
  if (changes.length === 0) return null;
  return (
    <>
      {changes.map((change) => (
        <Text key={change.key} size="xs" c="gray.8">
          {change.label && (
            <Text span size="xs" fw={600}>
              {change.label} :{' '}
            </Text>
          )}
          {change.before !== null && (
            <>
              <Text span size="xs" td={change.before === '—' ? undefined : 'line-through'} c="gray.6">
                {change.before}
              </Text>{' '}
              <IconArrowRight size={11} aria-label="devient" style={{ verticalAlign: 'middle' }} />{' '}
            </>
          )}
          {change.after}
        </Text>
      ))}
    </>
  );
}

/** Who changed what and when on the session and its decisions, newest first. */
export function SessionHistory({ sessionId }: { sessionId: number }) {
  const history = useApiQuery('sessions:history', { sessionId }, ANY_TABLE);
  const entries = history.data ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-label="Historique de la séance">
      <Title order={3} size="h4" mb="sm">
        Historique de la séance
      </Title>
      <ErrorAlert error={history.error} title="L’historique n’a pas pu être chargé" />
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {history.loading ? 'Chargement…' : 'Aucune modification enregistrée.'}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" layout="fixed" striped data-testid="session-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>Quand</Table.Th>
              <Table.Th w={160}>Qui</Table.Th>
              <Table.Th>Quoi</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...entries]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((entry, index) => (
                <Table.Tr key={`${entry.at}-${index}`}>
                  <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.by}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.summary}</Text>
                    <Changes entry={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
