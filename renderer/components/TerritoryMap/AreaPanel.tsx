import { Alert, Anchor, Button, Checkbox, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowsLeftRight, IconInfoCircle, IconListNumbers, IconX } from '@tabler/icons-react';
import { memo, useEffect, useState } from 'react';
import type { TargetVersion } from '../../../shared/api/contract';
import { getRegion } from '../../../shared/domain/geography';
import type { UserProfile } from '../../../shared/domain/review';
import { COMPARE_MIN, OPINION_LABELS } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { isNational } from '../../hooks/use-profile';
import { toApiError } from '../../lib/errors';
import { OPINION_COLORS } from '../../lib/review-format';
import { formatDateTime, formatNumber, pluralize } from '../../lib/format';
import { routeHref } from '../../router/routes';
import { useNotificationStore } from '../../stores/notification-store';
import { cellText, type TableRow } from './table-cells';
import { COMPARE_LIMIT, useMapViewStore } from './map-view-store';
import { formatMeasure, MEASURES, measureOf, type MeasureKey } from './measures';
import { describeVersion, targetSource } from './target-source';
import classes from './AreaPanel.module.css';

const RANKING_TABLES = ['rankings', 'dossiers', 'opinions', 'department_targets'];
const FIRST_ROWS = 25;

function Figure({ label, value, current }: { label: string; value: string; current?: boolean }) {
  return (
    <div className={classes.figure} data-current={current || undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="sm">
        {value}
      </Text>
    </div>
  );
}

function Figures({ row, measure }: { row: TableRow; measure: MeasureKey }) {
  return (
    <SimpleGrid cols={2} spacing={6} verticalSpacing={6} aria-label="Chiffres">
      <Figure label="Population" value={`${cellText('population', row)} hab.`} />
      <Figure label="Objectif" value={row.target === null ? 'aucun' : pluralize(row.target, 'poste', 'postes')} />
      {MEASURES.map((m) => (
        <Figure key={m.key} label={m.label} value={formatMeasure(m, m.value(row))} current={m.key === measure} />
      ))}
    </SimpleGrid>
  );
}

function TargetEdit({ code, target }: { code: string; target: number | null }) {
  const [value, setValue] = useState<number | ''>(target ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notify = useNotificationStore((state) => state.notify);
  useEffect(() => setValue(target ?? ''), [target]);

  function save(next: number | null): void {
    setSaving(true);
    setError(null);
    api['targets:set']({ departmentCode: code, target: next })
      .then((result) =>
        notify({
          color: 'green',
          title: 'Objectif enregistré',
          message: result.target === null ? `${code} : plus d’objectif.` : `${code} : ${pluralize(result.target, 'poste', 'postes')}.`,
        }),
      )
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setSaving(false));
  }

  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={`target-${code}`}>
        Objectif du département (accord préalable)
      </Text>
      <Group gap="xs" wrap="nowrap">
        <NumberInput
          aria-labelledby={`target-${code}`}
          value={value}
          onChange={(next) => setValue(typeof next === 'number' ? next : '')}
          allowDecimal={false}
          allowNegative={false}
          min={0}
          w={110}
          size="xs"
          suffix=" postes"
        />
        <Button size="xs" onClick={() => value !== '' && save(value)} loading={saving} disabled={value === '' || value === target}>
          Enregistrer
        </Button>
        <Button size="xs" variant="default" onClick={() => save(null)} disabled={saving || target === null}>
          Retirer
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Memoised: the list does not change with the measure shown. */
const Dossiers = memo(function Dossiers({ code }: { code: string }) {
  const ranking = useApiQuery('ranking:get', { departmentCode: code }, RANKING_TABLES);
  const compareIds = useMapViewStore((state) => state.compareIds);
  const toggleCompare = useMapViewStore((state) => state.toggleCompare);
  const [all, setAll] = useState(false);
  if (ranking.error) return <Text c="red.8">{ranking.error.message}</Text>;
  if (!ranking.data) return <Loader size="sm" aria-label="Chargement des dossiers" />;
  const entries = ranking.data.entries;
  if (entries.length === 0) return <Text size="sm" c="dimmed">Aucun dossier dans ce département.</Text>;
  const shown = all ? entries : entries.slice(0, FIRST_ROWS);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={700}>
        Dossiers par ordre de priorité ({formatNumber(entries.length)})
      </Text>
      <div className={classes.dossiers}>
        <Table fz="xs" verticalSpacing={3} horizontalSpacing={4} stickyHeader striped data-testid="panel-dossiers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">Rang</Table.Th>
              <Table.Th>Dossier</Table.Th>
              <Table.Th ta="right" title="Postes demandés">Dem.</Table.Th>
              <Table.Th>Avis</Table.Th>
              <Table.Th ta="right" title="Postes soutenus">Sout.</Table.Th>
              <Table.Th aria-label="Comparer" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={e.dossierId} data-dossier-id={e.dossierId}>
                <Table.Td ta="right">{e.rank}</Table.Td>
                <Table.Td>
                  <Anchor href={routeHref({ name: 'dossier', id: e.dossierId })} size="xs" className={classes.dossierName}>
                    {e.externalId} – {e.name ?? 'sans nom'}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(e.postsRequested)}</Table.Td>
                <Table.Td>
                  {e.opinion ? (
                    <Text size="xs" fw={600} c={`${OPINION_COLORS[e.opinion]}.8`} className={classes.opinion}>
                      {OPINION_LABELS[e.opinion]}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed" className={classes.opinion}>
                      sans avis
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(e.postsSupported)}</Table.Td>
                <Table.Td>
                  <Checkbox
                    size="xs"
                    checked={compareIds.includes(e.dossierId)}
                    disabled={!compareIds.includes(e.dossierId) && compareIds.length >= COMPARE_LIMIT}
                    onChange={() => toggleCompare(e.dossierId)}
                    aria-label={`Comparer le dossier ${e.externalId}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {entries.length > FIRST_ROWS && (
        <Button size="compact-xs" variant="subtle" onClick={() => setAll(!all)}>
          {all ? `Afficher les ${FIRST_ROWS} premiers` : `Afficher les ${formatNumber(entries.length)} dossiers`}
        </Button>
      )}
      <Anchor size="sm" href={routeHref({ name: 'ranking', department: code })}>
        <Group gap={4} wrap="nowrap">
          <IconListNumbers size={16} aria-hidden />
          Classement du département
        </Group>
      </Anchor>
      <Group gap="xs">
        <Button
          component="a"
          size="xs"
          leftSection={<IconArrowsLeftRight size={14} aria-hidden />}
          href={compareIds.length >= COMPARE_MIN ? routeHref({ name: 'comparison', ids: compareIds }) : undefined}
          disabled={compareIds.length < COMPARE_MIN}
        >
          Comparer ({compareIds.length})
        </Button>
        <Text size="xs" c="dimmed">
          Cochez de {COMPARE_MIN} à {COMPARE_LIMIT} dossiers.
        </Text>
      </Group>
    </Stack>
  );
});

interface AreaPanelProps {
  level: 'department' | 'region';
  row: TableRow;
  measure: MeasureKey;
  profile: UserProfile;
  history: readonly TargetVersion[] | undefined;
  /** Region level: its departments, to open one. */
  members: readonly TableRow[];
  onOpenDepartment: (code: string) => void;
  onClose: () => void;
}

/** The figures of the area clicked on the map; for a department of the profile's scope, its dossiers too. */
export function AreaPanel({ level, row, measure, profile, history, members, onOpenDepartment, onClose }: AreaPanelProps) {
  const inScope = level === 'department' && (isNational(profile) || profile.departments.includes(row.code));
  const source = level === 'department' && inScope && history ? targetSource(history, row.code) : null;
  const current = measureOf(measure);
  return (
    <Paper withBorder p="sm" className={classes.panel} aria-labelledby="area-panel-title" role="region" data-testid="area-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={3} size="h4" id="area-panel-title" tabIndex={-1}>
              {level === 'department' ? `${row.code} – ${row.name}` : row.name}
            </Title>
            <Text size="xs" c="dimmed">
              {level === 'department' ? `Région ${getRegion(row.regionCode ?? '')?.name ?? ''}` : `Région · ${pluralize(row.departments ?? 0, 'département', 'départements')}`}
            </Text>
          </div>
          <UnstyledButton onClick={onClose} aria-label="Fermer le panneau" className={classes.close}>
            <IconX size={18} aria-hidden />
          </UnstyledButton>
        </Group>
        <Figures row={row} measure={measure} />
        {source && (
          <Text size="xs" c="dimmed" data-testid="target-source">
            Objectif : {describeVersion(source)}, par {source.setBy} le {formatDateTime(source.setAt)}.
          </Text>
        )}
        {level === 'department' && isNational(profile) && <TargetEdit code={row.code} target={row.target} />}
        {level === 'department' && !inScope && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle />} p="xs">
            <Text size="sm">Département hors de votre périmètre ({profile.departments.join(', ')}) : seuls ses chiffres agrégés sont affichés.</Text>
          </Alert>
        )}
        {level === 'department' && inScope && <Dossiers code={row.code} />}
        {level === 'region' && (
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              Ses départements ({current.short})
            </Text>
            {members.map((m) => (
              <UnstyledButton key={m.code} className={classes.member} onClick={() => onOpenDepartment(m.code)}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {m.code} – {m.name}
                  </Text>
                  <Text size="sm" fw={600}>
                    {formatMeasure(current, current.value(m))}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
