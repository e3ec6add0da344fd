import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import type { WorkbookPreview } from '../../../shared/domain/exchange';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { formatNumber, pluralize } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { OpinionBadge } from '../OpinionCard/OpinionHistory';
import { ExchangeDropZone } from './ExchangeDropZone';
import { readPicked } from './exchange-format';

const SHOWN = 200;

function importLabel(toWrite: number, conflicts: number): string {
  const parts = [toWrite > 0 ? pluralize(toWrite, 'avis valide', 'avis valides') : null, conflicts > 0 ? pluralize(conflicts, 'conflit', 'conflits') : null].filter(Boolean);
  return `Importer ${parts.join(' et ')}`;
}

function Counts({ preview }: { preview: WorkbookPreview }) {
  const c = preview.counts;
  const stats = [
    ['Lignes', c.rows, undefined],
    ['Nouveaux avis', c.new, 'green.8'],
    ['Avis mis à jour', c.updated, 'blue.8'],
    ['Conflits', c.conflicts, 'orange.8'],
    ['Inchangés', c.unchanged, undefined],
    ['Sans avis', c.empty, undefined],
    ['Lignes refusées', c.rejected, 'red.8'],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 4, lg: 7 }} spacing="xs" data-testid="workbook-counts">
      {stats.map(([label, value, color]) => (
        <Paper key={label} withBorder p="xs" aria-label={`${label} : ${formatNumber(value)}`}>
          <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text size="lg" fw={700} c={value > 0 ? color : undefined}>
            {formatNumber(value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** A filled department workbook: previewed row by row, then its valid rows recorded together. */
export function WorkbookImport() {
  const [preview, setPreview] = useState<WorkbookPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const notify = useNotificationStore((state) => state.notify);

  function pick([file]: File[]): void {
    if (!file) return;
    setPreview(null);
    setError(null);
    setDone(false);
    setBusy(true);
    readPicked(file)
      .then((picked) => api['exchange:previewWorkbook'](picked))
      .then(setPreview)
      .catch((caught: unknown) => setError(toApiError(caught)))
      .finally(() => setBusy(false));
  }

  function commit(): void {
    if (!preview) return;
    setBusy(true);
    api['exchange:importWorkbook']({ token: preview.token })
      .then((result) => {
        setDone(true);
        const c = result.counts;
        const conflicts = c.conflicts > 0 ? `, ${pluralize(c.conflicts, 'conflit à résoudre', 'conflits à résoudre')}` : '';
        notify({ color: 'green', title: 'Classeur importé', message: `${pluralize(c.new, 'nouvel avis', 'nouveaux avis')}, ${pluralize(c.updated, 'avis mis à jour', 'avis mis à jour')}${conflicts} ; ${pluralize(c.rejected, 'ligne refusée', 'lignes refusées')}.` });
      })
      .catch((caught: unknown) => setError(toApiError(caught)))
      .finally(() => setBusy(false));
  }

  const toWrite = preview ? preview.counts.new + preview.counts.updated : 0;
  const conflicts = preview?.counts.conflicts ?? 0;
  return (
    <Stack gap="sm">
      <ExchangeDropZone onFiles={pick} accept=".xlsx" label="Déposez ici un classeur départemental rempli (.xlsx, enregistré par Excel ou LibreOffice)." button="Choisir un classeur…" disabled={busy} />
      {busy && !preview && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">Lecture du classeur…</Text>
        </Group>
      )}
      <ErrorAlert error={error} title="Classeur refusé" />
      {preview && (
        <Paper withBorder p="md" data-testid="workbook-preview" aria-label={`Aperçu de ${preview.fileName}`}>
          <Stack gap="sm">
            <Group justify="space-between">
              <div>
                <Text fw={700}>{preview.fileName}</Text>
                <Text size="xs" c="dimmed">
                  Feuilles lues : {preview.sheets.join(', ')}
                </Text>
              </div>
              <Button onClick={commit} loading={busy} disabled={done || toWrite + conflicts === 0}>
                {done ? 'Importé' : toWrite + conflicts === 0 ? 'Rien à importer' : importLabel(toWrite, conflicts)}
              </Button>
            </Group>
            {preview.alreadyImported && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle />} p="xs">
                Ce classeur a déjà été importé : seules les lignes qui diffèrent des avis en vigueur seraient enregistrées.
              </Alert>
            )}
            <Counts preview={preview} />
            <Text size="xs" c="dimmed">
              Import non signé (classeur) : les avis seront enregistrés au nom de la préfecture du département, avec votre nom comme importateur. Une ligne modifiée alors que l’avis a changé dans cette base depuis l’export du classeur devient un conflit à arbitrer, jamais un écrasement.
            </Text>
            {preview.errors.length > 0 && (
              <>
                <Group gap="xs">
                  <IconAlertTriangle size={18} color="var(--mantine-color-red-7)" aria-hidden />
                  <Text size="sm" fw={600}>
                    Lignes refusées (non importées) : corrigez-les dans le classeur puis importez-le de nouveau.
                  </Text>
                </Group>
                <Table.ScrollContainer minWidth={720}>
                  <Table striped withTableBorder fz="sm" verticalSpacing={4} data-testid="workbook-errors">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Feuille</Table.Th>
                        <Table.Th ta="right">Ligne</Table.Th>
                        <Table.Th>Colonne</Table.Th>
                        <Table.Th>Identifiant</Table.Th>
                        <Table.Th w="40%">Motif</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.errors.slice(0, SHOWN).map((e, i) => (
                        <Table.Tr key={`${e.sheet}-${e.row}-${i}`}>
                          <Table.Td>{e.sheet}</Table.Td>
                          <Table.Td ta="right">{e.row}</Table.Td>
                          <Table.Td>{e.column ?? '—'}</Table.Td>
                          <Table.Td>{e.externalId ?? '—'}</Table.Td>
                          <Table.Td>{e.reason}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
            {preview.changes.length > 0 && (
              <Text size="sm" fw={600}>
                Avis qui seront enregistrés (une nouvelle version par dossier, l’historique est conservé) et conflits qui seront ouverts
              </Text>
            )}
            {preview.changes.length > 0 && (
              <Table.ScrollContainer minWidth={720}>
                <Table striped withTableBorder fz="sm" verticalSpacing={4} data-testid="workbook-changes">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w="32%">Dossier</Table.Th>
                      <Table.Th w={170}>Avis en vigueur</Table.Th>
                      <Table.Th w={230}>Avis du classeur</Table.Th>
                      <Table.Th>Commentaire</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.changes.slice(0, SHOWN).map((c) => (
                      <Table.Tr key={c.externalId} data-action={c.action}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            ID {c.externalId}
                          </Text>
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {c.name ?? 'Structure sans nom'} · {c.sheet}, ligne {c.row}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {c.before ? <OpinionBadge opinion={c.before.opinion} size="xs" /> : <Text size="xs">Sans avis</Text>}
                          {c.action === 'conflict' && (
                            <Badge color="orange" variant="light" size="xs" tt="none" ml={4}>
                              Conflit
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <OpinionBadge opinion={c.after.opinion} size="xs" />
                            <Text size="xs">{pluralize(c.after.postsSupported, 'poste', 'postes')}</Text>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" lineClamp={2}>
                            {c.after.comment}
                          </Text>
                          {c.reason && (
                            <Text size="xs" c="orange.9">
                              {c.reason}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
