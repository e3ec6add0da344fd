import { Badge, Code, Table, Text, Tooltip } from '@mantine/core';
import type { Provenance } from '../../../shared/domain/dossier';
import { formatDateTime, formatNumber } from '../../lib/format';
import { PROVENANCE_ACTION_LABELS } from '../../lib/labels';
import { Section } from '../Section/Section';

const ACTION_COLORS: Record<Provenance['action'], string> = { created: 'green', updated: 'blue', unchanged: 'gray' };
const SHORT_HASH_LENGTH = 12;

/** Which file rows this dossier came from: enough to find the source line again. */
export function ProvenanceTable({ provenance }: { provenance: Provenance[] }) {
  return (
    <Section title="Provenance">
      {provenance.length === 0 ? (
        <Text c="dimmed">Ce dossier n’a été importé d’aucun fichier.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fichier</Table.Th>
                <Table.Th>Empreinte</Table.Th>
                <Table.Th ta="right">Ligne</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Par</Table.Th>
                <Table.Th>Effet</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {provenance.map((entry) => (
                <Table.Tr key={`${entry.batchId}-${entry.rowNumber}`}>
                  <Table.Td>{entry.fileName}</Table.Td>
                  <Table.Td>
                    <Tooltip label={`SHA-256 : ${entry.fileHash}`}>
                      <Code>{entry.fileHash.slice(0, SHORT_HASH_LENGTH)}</Code>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(entry.rowNumber)}</Table.Td>
                  <Table.Td>{formatDateTime(entry.importedAt)}</Table.Td>
                  <Table.Td>{entry.importedBy}</Table.Td>
                  <Table.Td>
                    <Badge color={ACTION_COLORS[entry.action]} variant="light" size="sm" tt="none">
                      {PROVENANCE_ACTION_LABELS[entry.action]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
