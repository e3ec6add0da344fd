import { ActionIcon, Alert, Button, Center, Checkbox, Chip, Group, Loader, Paper, SegmentedControl, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconFocusCentered, IconPhotoDown, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import type { Map as LeafletMap } from 'leaflet';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { getDepartment } from '../../shared/domain/geography';
import { AreaPanel } from '../components/TerritoryMap/AreaPanel';
import { classify } from '../components/TerritoryMap/classes';
import { CoherenceChecks } from '../components/TerritoryMap/CoherenceChecks';
import { exportMapPng, mapFileName } from '../components/TerritoryMap/export-png';
import { FiguresTable, type TableRow } from '../components/TerritoryMap/FiguresTable';
import { mapExtent } from '../components/TerritoryMap/map-features';
import { useMapViewStore, type Level, type View } from '../components/TerritoryMap/map-view-store';
import { MapLegend } from '../components/TerritoryMap/MapLegend';
import { DEFAULT_MEASURE, formatMeasure, MEASURES, measureBySlug, measureOf, type MeasureKey } from '../components/TerritoryMap/measures';
import { TargetsPanel } from '../components/TerritoryMap/TargetsPanel';
import { TerritoryMap, type AreaLabel } from '../components/TerritoryMap/TerritoryMap';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { useApiQuery } from '../hooks/use-api-query';
import { useProfile } from '../hooks/use-profile';
import { toApiError } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { routeHref, type Route } from '../router/routes';
import { useRoute } from '../router/use-route';
import { useNotificationStore } from '../stores/notification-store';
import { useReportReady } from '../stores/page-ready-store';
import classes from './map.module.css';

const EMPTY = {};
/** Figures change with the dossiers (status, posts, opinions are columns of the row) and the targets. */
const FIGURE_TABLES = ['dossiers', 'department_targets'];
const HISTORY_TABLES = ['department_targets', 'target_versions', 'target_agreements'];

type MapRoute = Extract<Route, { name: 'map' }>;

/** The view a `#/carte?…` address asks for; unknown values fall back to the defaults. */
function viewOfRoute(route: MapRoute): { measure: MeasureKey; level: Level; view: View; selected: string | null } {
  return {
    measure: measureBySlug(route.measure)?.key ?? DEFAULT_MEASURE,
    level: route.level ?? 'department',
    view: route.view ?? 'map',
    selected: route.department ?? null,
  };
}

function routeOfView(view: { measure: MeasureKey; level: Level; view: View; selected: string | null }): MapRoute {
  return {
    name: 'map',
    ...(view.selected ? { department: view.selected } : {}),
    ...(view.measure !== DEFAULT_MEASURE ? { measure: measureOf(view.measure).slug } : {}),
    ...(view.level === 'region' ? { level: 'region' as const } : {}),
    ...(view.view === 'table' ? { view: 'table' as const } : {}),
  };
}

/** The address follows the view (replaceState: switching measures must not fill the history). */
function useAddressSync(): void {
  const route = useRoute();
  const { measure, level, view, selected, reset } = useMapViewStore();
  const profile = useProfile();
  const href = route.name === 'map' ? routeHref(route) : '';
  const mounted = useRef(false);
  /** The address this page wrote last: useRoute() sees a replaceState only at a later render. */
  const written = useRef<string | null>(null);

  // Only a new address (a link, the navigation bar) resets the view: `route` and `profile` are read
  // when it changes, not watched.
  const followAddress = useEffectEvent(() => {
    if (route.name !== 'map') return;
    if (mounted.current && href === written.current) return;
    const wanted = viewOfRoute(route);
    const state = useMapViewStore.getState();
    const same = wanted.measure === state.measure && wanted.level === state.level && wanted.view === state.view && wanted.selected === state.selected;
    // On arrival the address decides (the store outlives the page); afterwards only a new address does.
    if (same && mounted.current) return;
    mounted.current = true;
    // A prefecture agent lands on their own department.
    const home = profile.role === 'PREFECTURE' && !route.department && wanted.level === 'department' ? (profile.departments[0] ?? null) : null;
    reset({ ...wanted, selected: wanted.selected ?? home });
  });
  useEffect(() => {
    followAddress();
  }, [href]);

  useEffect(() => {
    // The store, not this render's values: on the first render the effect above has just reset it.
    const next = routeHref(routeOfView(useMapViewStore.getState()));
    written.current = next;
    if (window.location.hash !== next) window.history.replaceState(window.history.state, '', next);
  }, [measure, level, view, selected]);
}

function MeasurePicker() {
  const measure = useMapViewStore((state) => state.measure);
  const setMeasure = useMapViewStore((state) => state.setMeasure);
  return (
    <div role="radiogroup" aria-label="Mesure affichée" className={classes.measures}>
      <Chip.Group multiple={false} value={measure} onChange={(value) => setMeasure(value)}>
        <Group gap={6}>
          {MEASURES.map((m) => (
            <Chip key={m.key} value={m.key} type="radio" size="sm" variant="outline" title={m.label} data-measure={m.key}>
              {m.short}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}

function Toolbar({ exportPng, exporting }: { exportPng: () => void; exporting: boolean }) {
  const { level, view, regionOutlines, setLevel, setView, setRegionOutlines } = useMapViewStore();
  return (
    <Group gap="lg" align="center" wrap="wrap">
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600} id="map-level-label">
          Niveau
        </Text>
        <SegmentedControl
          size="xs"
          value={level}
          onChange={(value) => setLevel(value)}
          aria-labelledby="map-level-label"
          data={[
            { value: 'department', label: 'Départements' },
            { value: 'region', label: 'Régions' },
          ]}
        />
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600} id="map-view-label">
          Affichage
        </Text>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(value) => setView(value)}
          aria-labelledby="map-view-label"
          data={[
            { value: 'map', label: 'Carte' },
            { value: 'table', label: 'Tableau' },
          ]}
        />
      </Group>
      <Checkbox
        label="Contours des régions"
        checked={level === 'region' || regionOutlines}
        disabled={level === 'region' || view === 'table'}
        onChange={(event) => setRegionOutlines(event.currentTarget.checked)}
      />
      <Button size="xs" variant="light" leftSection={<IconPhotoDown size={16} aria-hidden />} onClick={exportPng} loading={exporting} disabled={view !== 'map'}>
        Exporter la carte (PNG)
      </Button>
    </Group>
  );
}

const LEVEL_WORDS: Record<Level, string> = { department: 'par département', region: 'par région' };

export function MapPage() {
  const profile = useProfile();
  useAddressSync();
  const { measure: measureKey, level, view, selected, highlighted, regionOutlines, tolerancePercent, select, setLevel } = useMapViewStore();
  const departments = useApiQuery('stats:departments', EMPTY, FIGURE_TABLES);
  const regions = useApiQuery('stats:regions', EMPTY, FIGURE_TABLES);
  const history = useApiQuery('targets:history', EMPTY, HISTORY_TABLES);
  const checks = useApiQuery('territory:checks', { tolerancePercent }, FIGURE_TABLES);
  const notify = useNotificationStore((state) => state.notify);
  const [tab, setTab] = useState<'area' | 'checks'>('checks');
  const [exporting, setExporting] = useState(false);
  const mapRef = useRef<LeafletMap>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  useReportReady(departments.data !== undefined && regions.data !== undefined && !departments.loading && !regions.loading && !checks.loading);

  const measure = measureOf(measureKey);
  const rows: TableRow[] = useMemo(
    () => (level === 'department' ? (departments.data ?? []) : (regions.data ?? []).map((r) => ({ ...r, regionCode: r.code }))),
    [level, departments.data, regions.data],
  );
  const byCode = useMemo(() => new Map(rows.map((r) => [r.code, r])), [rows]);
  const classification = useMemo(() => classify(measure, rows.map(measure.value)), [measure, rows]);
  const fills = useMemo(() => new Map(rows.map((r) => [r.code, classification.colorOf(measure.value(r))])), [rows, classification, measure]);
  const labelOf = useCallback(
    (code: string): AreaLabel => {
      const row = byCode.get(code);
      const title = level === 'department' ? `${code} – ${row?.name ?? getDepartment(code)?.name ?? ''}` : (row?.name ?? code);
      return { title, value: `${measure.label} : ${row ? formatMeasure(measure, measure.value(row)) : '—'}` };
    },
    [byCode, level, measure],
  );
  const dataAt = useMemo(() => (departments.data ? new Date() : null), [departments.data]);
  const home = useMemo(() => (profile.role === 'PREFECTURE' ? profile.departments : []), [profile]);
  const shownHighlight = useMemo(
    () => (level === 'department' ? highlighted : [...new Set(highlighted.map((code) => getDepartment(code)?.regionCode ?? ''))]),
    [level, highlighted],
  );
  const selectedRow = selected ? byCode.get(selected) : undefined;
  const members = useMemo(
    () => (level === 'region' && selected ? (departments.data ?? []).filter((d) => d.regionCode === selected) : []),
    [level, selected, departments.data],
  );

  useEffect(() => {
    if (selected) setTab('area');
  }, [selected]);

  // In the table view the panel is under the table: bring it into view (and the keyboard focus to it).
  const onTableSelect = useCallback(
    (code: string) => {
      select(code);
      setTab('area');
      requestAnimationFrame(() => {
        const title = document.getElementById('area-panel-title');
        title?.scrollIntoView({ block: 'start', behavior: 'smooth' });
        title?.focus({ preventScroll: true });
      });
    },
    [select],
  );

  const onSelect = useCallback((code: string) => select(code), [select]);

  function exportPng(): void {
    const card = cardRef.current;
    if (!card) return;
    setExporting(true);
    exportMapPng(card, mapFileName(measure.slug, level, new Date()))
      .catch((error: unknown) => notify({ color: 'red', title: 'Export de la carte impossible', message: toApiError(error).message }))
      .finally(() => setExporting(false));
  }

  const failure = departments.error ?? regions.error;
  return (
    <Stack gap="sm">
      <Title order={2}>Carte des postes {LEVEL_WORDS[level]}</Title>
      <MeasurePicker />
      <Toolbar exportPng={exportPng} exporting={exporting} />
      {failure && !departments.data && <ErrorAlert error={failure} title="Les chiffres n’ont pas pu être chargés" />}
      <div className={classes.layout} data-view={view}>
        <div className={classes.main}>
          {!departments.data || !regions.data ? (
            <Center h={420}>
              <Loader aria-label="Chargement de la carte" />
            </Center>
          ) : view === 'map' ? (
            <Paper withBorder p="sm" ref={cardRef} className={classes.card} data-testid="map-card">
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
                <div>
                  <Text fw={700} size="lg" className={classes.cardTitle}>
                    {measure.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {level === 'department' ? 'Par département' : 'Par région'}, France entière, outre-mer compris · données au {formatDateTime(dataAt?.toISOString())}
                    {home.length > 0 ? ` · votre département : ${home.join(', ')} (contour bleu pointillé)` : ''}
                  </Text>
                </div>
                <Group gap={4} data-export="hide" wrap="nowrap">
                  <Tooltip label="Zoom avant">
                    <ActionIcon variant="default" aria-label="Zoom avant" onClick={() => mapRef.current?.zoomIn()}>
                      <IconZoomIn size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Zoom arrière">
                    <ActionIcon variant="default" aria-label="Zoom arrière" onClick={() => mapRef.current?.zoomOut()}>
                      <IconZoomOut size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Vue d’ensemble">
                    <ActionIcon variant="default" aria-label="Vue d’ensemble" onClick={() => mapRef.current?.fitBounds(mapExtent(), { padding: [4, 4] })}>
                      <IconFocusCentered size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
              <MapLegend title={measure.label} classification={classification} level={level} />
              <TerritoryMap
                ref={mapRef}
                level={level}
                fills={fills}
                labelOf={labelOf}
                measureKey={measureKey}
                selected={selected}
                highlighted={shownHighlight}
                home={home}
                regionOutlines={regionOutlines}
                onSelect={onSelect}
              />
              <Text size="xs" c="dimmed" mt={6}>
                Classes : {classification.method.toLowerCase()}. Sources : dossiers, avis et objectifs de cette base ; populations INSEE (COG 2026) ; contours Natural Earth
                simplifiés. Outre-mer et Paris en encarts, à des échelles différentes.
              </Text>
            </Paper>
          ) : (
            <FiguresTable level={level} rows={rows} measure={measureKey} selected={selected} onSelect={onTableSelect} />
          )}
        </div>
        <div className={classes.side}>
          <Tabs value={tab} onChange={(value) => setTab(value === 'area' ? 'area' : 'checks')} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="area">{level === 'department' ? 'Département' : 'Région'}</Tabs.Tab>
              <Tabs.Tab value="checks">Contrôles de cohérence{checks.data ? ` (${checks.data.length})` : ''}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="area" pt="xs">
              {selectedRow ? (
                <AreaPanel
                  level={level}
                  row={selectedRow}
                  measure={measureKey}
                  profile={profile}
                  history={history.data}
                  members={members}
                  onOpenDepartment={(code) => {
                    setLevel('department');
                    select(code);
                  }}
                  onClose={() => select(null)}
                />
              ) : (
                <Alert color="gray" variant="light">
                  Cliquez sur {level === 'department' ? 'un département' : 'une région'} de la carte (ou, au clavier, appuyez sur Entrée), ou sur une ligne du tableau,
                  pour voir ses chiffres{level === 'department' ? ', son objectif et ses dossiers.' : ' et ses départements.'}
                </Alert>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="checks" pt="xs">
              <CoherenceChecks data={checks.data} error={checks.error} loading={checks.loading} />
            </Tabs.Panel>
          </Tabs>
        </div>
      </div>
      <TargetsPanel profile={profile} history={history.data} historyError={history.error} />
    </Stack>
  );
}
