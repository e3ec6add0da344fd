import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ImportDivergence, ReportedDivergence } from '../../../shared/api/import-contract';
import { describeDivergenceSide } from '../../../shared/import/divergence-labels';
import { formatDateTime, formatNumber, pluralize } from '../../lib/format';
import { routeHref } from '../../router/routes';

const SHOWN = 200;

type Row = (ImportDivergence & { kind: 'preview' }) | (ReportedDivergence & { kind: 'report' });

/**
 * Platform rows that contradict a decision of this base, one line each: the dossier, what the
 * platform says and what this base says. In the preview, whether it is new; in the report, where
 * and when it was found.
 */
export function DivergenceRows({ rows }: { rows: Row[] }) {
  const shown = rows.slice(0, SHOWN);
  const report = rows[0]?.kind === 'report';
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder fz="sm" verticalSpacing={4} data-testid={report ? 'divergence-report' : 'divergence-rows'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">Dossier</Table.Th>
              <Table.Th>La plateforme indique</Table.Th>
              <Table.Th>Cette base indique</Table.Th>
              <Table.Th w={report ? '26%' : 110}>{report ? 'Relevée' : 'Ligne'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d) => (
              <Table.Tr key={d.kind === 'report' ? d.id : `${d.row}-${d.dossierId}`}>
                <Table.Td>
                  <Anchor href={routeHref({ name: 'dossier', id: d.dossierId })} size="sm">
                    ID {d.externalId}
                  </Anchor>{' '}
                  – {d.name ?? 'Structure sans nom'} ({d.departmentCode})
                </Table.Td>
                <Table.Td>{describeDivergenceSide(d.platform)}</Table.Td>
                <Table.Td fw={600}>{describeDivergenceSide(d.base)}</Table.Td>
                <Table.Td>
                  {d.kind === 'report' ? (
                    <Text size="xs">
                      {formatDateTime(d.detectedAt)} par {d.detectedBy}, {`«\u00a0${d.fileName}\u00a0»`} ligne {formatNumber(d.row)}
                    </Text>
                  ) : (
                    <>
                      {formatNumber(d.row)}{' '}
                      {d.alreadyReported && (
                        <Badge color="gray" variant="light" size="xs" tt="none">
                          déjà signalée
                        </Badge>
                      )}
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > SHOWN && (
        <Text size="sm" c="gray.7" mt="xs">
          … et {pluralize(rows.length - SHOWN, 'autre divergence', 'autres divergences')} (toutes dans l’export CSV du rapport).
        </Text>
      )}
    </>
  );
}
