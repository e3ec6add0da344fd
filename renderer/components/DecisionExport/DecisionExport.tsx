import { Alert, Anchor, Button, Group, MultiSelect, Progress, Radio, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconCheck, IconDownload, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { ExportSessionOption } from '../../../shared/api/exports-contract';
import { DEPARTMENTS } from '../../../shared/domain/geography';
import { useApiQuery } from '../../hooks/use-api-query';
import { isNational, useProfile } from '../../hooks/use-profile';
import { formatDate, formatNumber, pluralize } from '../../lib/format';
import { routeHref } from '../../router/routes';
import { hasActiveFilters, toDossierFilter, useDossierListStore } from '../../stores/dossier-list-store';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { Section } from '../Section/Section';
import { cancelExport, selectionOf, startExport, useDecisionExportStore } from './decision-export-store';

// Decisions, opinions, targets and sessions all change what an export holds.
const EXPORT_TABLES = ['decisions', 'dossiers', 'committee_sessions', 'session_members', 'department_targets', 'settings'];

const sessionLabel = (s: ExportSessionOption) =>
  `COSELEC ${s.number}${s.date ? ` du ${formatDate(s.date)}` : ''} · ${pluralize(s.decisions, 'décision', 'décisions')}${s.source === 'platform' ? ' (plateforme)' : ''}`;

function ProgressPanel() {
  const running = useDecisionExportStore((s) => s.running)!;
  const percent = running.total > 0 ? (running.done * 100) / running.total : 0;
  const label =
    running.phase === 'starting'
      ? 'Préparation de l’export…'
      : running.phase === 'fetching'
        ? 'Fichier prêt, téléchargement…'
        : `${formatNumber(running.done)} / ${formatNumber(running.total)} décisions écrites`;
  return (
    <Stack gap={6} data-testid="export-progress">
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {label}
        </Text>
        <Button size="xs" variant="subtle" color="red" leftSection={<IconX size={14} aria-hidden />} onClick={() => void cancelExport()} disabled={running.phase !== 'writing'}>
          Annuler
        </Button>
      </Group>
      <Progress value={running.phase === 'fetching' ? 100 : percent} animated={running.phase !== 'fetching'} aria-label="Avancement de l’export" />
    </Stack>
  );
}

/** Tab « Décisions d’attribution » of the Exports page: choose, export, download. */
export function DecisionExport() {
  const profile = useProfile();
  const national = isNational(profile);
  const { scope, sessions, department, format, running, error, lastFile, setScope, setSessions, setDepartment, setFormat } = useDecisionExportStore();
  const listFilters = useDossierListStore((s) => s.filters);
  const listFilter = useMemo(() => toDossierFilter(listFilters), [listFilters]);
  const selection = useMemo(() => selectionOf({ scope, sessions, department }, listFilter), [scope, sessions, department, listFilter]);
  const options = useApiQuery('exports:sessions', {}, EXPORT_TABLES);
  const incomplete = (scope === 'sessions' && sessions.length === 0) || (scope === 'department' && !department);
  const count = useApiQuery('exports:count', incomplete ? {} : selection, EXPORT_TABLES);
  const departments = national ? DEPARTMENTS : DEPARTMENTS.filter((d) => profile.departments.includes(d.code));

  return (
    <Stack gap="md" maw={880}>
      <Text size="sm">
        Le classeur Excel contient une ligne par décision en cours (y compris celles reprises de la plateforme), la subvention et ses trois tranches, puis les totaux par
        département, par région et par séance. Le CSV (séparateur « ; », UTF-8) reprend les mêmes colonnes de décisions pour les outils de la plateforme.
        {!national && ` Seules les décisions de votre périmètre (${profile.departments.join(', ')}) sont exportées.`}
      </Text>
      <Section title="Décisions à exporter" aside={!incomplete && count.data ? pluralize(count.data.rows, 'décision', 'décisions') : undefined}>
        <Radio.Group value={scope} onChange={(value) => setScope(value)} name="export-scope" aria-label="Décisions à exporter">
          <Stack gap="sm">
            <Radio value="all" label={national ? 'Toutes les décisions' : 'Toutes les décisions de mon périmètre'} />
            <Radio value="sessions" label="Une ou plusieurs séances" />
            {scope === 'sessions' && (
              <MultiSelect
                ml="xl"
                maw={560}
                aria-label="Séances"
                placeholder={sessions.length === 0 ? 'Choisir les séances' : undefined}
                data={(options.data ?? []).map((s) => ({ value: s.number, label: sessionLabel(s) }))}
                value={sessions}
                onChange={setSessions}
                searchable
                nothingFoundMessage="Aucune séance avec des décisions"
              />
            )}
            <Radio value="list" label="La sélection en cours dans la liste des dossiers" />
            {scope === 'list' && (
              <Text size="sm" c="dimmed" ml="xl">
                {hasActiveFilters(listFilters) ? 'Les décisions des dossiers qui répondent aux filtres de la liste. ' : 'Aucun filtre dans la liste des dossiers : toutes les décisions. '}
                <Anchor href={routeHref({ name: 'dossiers' })} size="sm">
                  Modifier les filtres
                </Anchor>
              </Text>
            )}
            <Radio value="department" label="Un département" />
            {scope === 'department' && (
              <Select
                ml="xl"
                maw={360}
                aria-label="Département"
                placeholder="Choisir un département"
                data={departments.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))}
                value={department}
                onChange={setDepartment}
                searchable
                nothingFoundMessage="Aucun département"
              />
            )}
          </Stack>
        </Radio.Group>
      </Section>
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="export-format-label">
            Format
          </Text>
          <SegmentedControl
            aria-labelledby="export-format-label"
            value={format}
            onChange={(value) => setFormat(value)}
            data={[
              { value: 'xlsx', label: 'Excel (.xlsx)' },
              { value: 'csv', label: 'CSV (;)' },
            ]}
          />
        </Stack>
        <Button
          leftSection={<IconDownload size={18} aria-hidden />}
          disabled={incomplete || running !== null || count.data?.rows === 0}
          onClick={() => void startExport({ ...selection, format })}
        >
          Exporter
        </Button>
      </Group>
      {running && <ProgressPanel />}
      <ErrorAlert error={error} title="L’export n’a pas abouti" />
      <ErrorAlert error={count.error} title="Le nombre de décisions n’a pas pu être calculé" />
      {lastFile && !running && (
        <Alert color="green" variant="light" icon={<IconCheck />} data-testid="export-done">
          Dernier fichier téléchargé : {lastFile.fileName} ({pluralize(lastFile.rows, 'décision', 'décisions')}).
        </Alert>
      )}
    </Stack>
  );
}
