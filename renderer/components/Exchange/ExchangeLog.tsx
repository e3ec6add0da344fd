import { Badge, Table, Text } from '@mantine/core';
import type { ExchangeLogEntry } from '../../../shared/domain/exchange';
import { PACKAGE_KIND_LABELS } from '../../../shared/domain/exchange';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime, pluralize } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { Section } from '../Section/Section';

const KIND_LABELS: Record<ExchangeLogEntry['kind'], string> = { ...PACKAGE_KIND_LABELS, workbook: 'Classeur rempli' };

function summary(entry: ExchangeLogEntry): string {
  const c = entry.counts;
  if (entry.kind === 'workbook') return `${pluralize(c.new ?? 0, 'nouvel avis', 'nouveaux avis')}, ${pluralize(c.updated ?? 0, 'mis à jour', 'mis à jour')}, ${pluralize(c.conflicts ?? 0, 'conflit', 'conflits')}, ${pluralize(c.rejected ?? 0, 'ligne refusée', 'lignes refusées')}`;
  const dossiers = entry.kind === 'dossiers' ? `${pluralize(c.dossiersNew ?? 0, 'dossier créé', 'dossiers créés')}, ` : '';
  return `${dossiers}${pluralize(c.new ?? 0, 'nouvel avis', 'nouveaux avis')}, ${pluralize(c.updated ?? 0, 'mis à jour', 'mis à jour')}, ${pluralize(c.conflicts ?? 0, 'conflit', 'conflits')}`;
}

/** Packages and workbooks imported into this database (only those that changed something). */
export function ExchangeLog() {
  const log = useApiQuery('exchange:log', {}, ['exchange_log']);
  const entries = log.data ?? [];
  return (
    <Section title="Historique des imports" aside={log.data ? pluralize(entries.length, 'fichier importé', 'fichiers importés') : undefined}>
      <ErrorAlert error={log.error} />
      {log.data && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun paquet ni classeur importé dans cette base.
        </Text>
      )}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder fz="sm" verticalSpacing={4} data-testid="exchange-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Importé le</Table.Th>
                <Table.Th>Fichier</Table.Th>
                <Table.Th>Dépt</Table.Th>
                <Table.Th>Expéditeur</Table.Th>
                <Table.Th>Résultat</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.slice(0, 50).map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    {formatDateTime(entry.importedAt)}
                    <Text size="xs" c="dimmed">
                      par {entry.importedBy}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="xs" tt="none" mr={6}>
                      {KIND_LABELS[entry.kind]}
                    </Badge>
                    {entry.fileName}
                  </Table.Td>
                  <Table.Td>{entry.departmentCode}</Table.Td>
                  <Table.Td>
                    {entry.senderName ?? '—'}
                    {!entry.signed && (
                      <Badge color="orange" variant="light" size="xs" tt="none" ml={6} title="Rien ne prouve qui a rempli le classeur : ses avis sont enregistrés au nom de la préfecture, avec le nom de qui l’a importé.">
                        non signé (classeur)
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{summary(entry)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
