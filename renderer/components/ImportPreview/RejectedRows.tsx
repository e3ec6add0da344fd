import { Table, Text } from '@mantine/core';
import type { ImportRejection } from '../../../shared/api/contract';
import { formatNumber, pluralize } from '../../lib/format';

const SHOWN = 200;

export function RejectedRows({ rejected }: { rejected: ImportRejection[] }) {
  const shown = rejected.slice(0, SHOWN);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder fz="sm" verticalSpacing={4} data-testid="rejected-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right" w={80}>
                Ligne
              </Table.Th>
              <Table.Th w="22%">Colonne</Table.Th>
              <Table.Th>Motif</Table.Th>
              <Table.Th w="16%">Identifiant</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((rejection, index) => (
              <Table.Tr key={`${rejection.row}-${rejection.column ?? ''}-${index}`}>
                <Table.Td ta="right">{formatNumber(rejection.row)}</Table.Td>
                <Table.Td>{rejection.column ?? '—'}</Table.Td>
                <Table.Td>{rejection.reason}</Table.Td>
                <Table.Td>{rejection.externalId ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rejected.length > SHOWN && (
        <Text size="sm" c="gray.7" mt="xs">
          … et {pluralize(rejected.length - SHOWN, 'autre ligne rejetée', 'autres lignes rejetées')}.
        </Text>
      )}
    </>
  );
}
