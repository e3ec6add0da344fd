import { Alert, Anchor, Button, Center, Group, Kbd, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconColumns, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { COMPARE_MAX, COMPARE_MIN, OPINION_LABELS } from '../../shared/domain/review';
import type { DossierScores, Opinion } from '../../shared/domain/review';
import { buildComparison, countDifferences, moveFocus, onlyDifferences } from '../components/Comparison/comparison-rows';
import { ComparisonTable } from '../components/Comparison/ComparisonTable';
import type { DrawerTab } from '../components/Comparison/ComparisonTable';
import { ReviewDrawer } from '../components/Comparison/ReviewDrawer';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { useApiQuery } from '../hooks/use-api-query';
import { useCurrentGrid } from '../hooks/use-current-grid';
import { pluralize } from '../lib/format';
import { formatScore } from '../lib/review-format';
import { routeHref } from '../router/routes';
import { navigate } from '../router/use-route';
import { useNotificationStore } from '../stores/notification-store';
import { useReportReady } from '../stores/page-ready-store';
import { canCompare, useSelectionStore } from '../stores/selection-store';

const COMPARE_TABLES = ['dossiers', 'opinions', 'scores', 'grids', 'dossier_warnings'];

/** Typing in a field or pressing a button keeps its own meaning for the arrow and Enter keys. */
function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('input, textarea, select, button, a, [role="radio"], [role="option"], [contenteditable="true"]') !== null;
}

function HowToCompare({ ids }: { ids: number[] }) {
  useReportReady(true);
  const selected = useSelectionStore((state) => state.selected);
  return (
    <Stack gap="md" maw={760}>
      <Title order={2}>Comparaison</Title>
      <Paper withBorder p="lg">
        <Stack gap="sm" align="flex-start">
          <Text>
            Comparez côte à côte de {COMPARE_MIN} à {COMPARE_MAX} dossiers : identité, localisation, demande, éligibilité, alertes,
            motivation, notes de chaque évaluateur et avis. Les lignes où les dossiers diffèrent sont surlignées.
          </Text>
          <Text>
            Dans la liste des dossiers, cochez les dossiers à comparer puis cliquez sur <strong>« Comparer (2 à 4) »</strong>. Depuis la
            fiche d’un dossier, le bouton <strong>« Sélectionner pour comparer »</strong> l’ajoute à la sélection.
          </Text>
          {ids.length === 1 && <Text c="orange.8">Un seul dossier est indiqué dans l’adresse : il en faut au moins deux.</Text>}
          <Group gap="sm">
            {canCompare(selected.length) && (
              <Button leftSection={<IconColumns size={18} aria-hidden />} onClick={() => navigate({ name: 'comparison', ids: selected.map((row) => row.id) })}>
                Comparer la sélection ({pluralize(selected.length, 'dossier', 'dossiers')})
              </Button>
            )}
            <Button variant={canCompare(selected.length) ? 'default' : 'filled'} onClick={() => navigate({ name: 'dossiers' })}>
              Choisir des dossiers dans la liste
            </Button>
          </Group>
          {selected.length > COMPARE_MAX && (
            <Text size="sm" c="dimmed">
              {pluralize(selected.length, 'dossier est sélectionné', 'dossiers sont sélectionnés')} : retirez-en pour n’en garder que {COMPARE_MAX} au plus.
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function Comparison({ ids }: { ids: number[] }) {
  const compared = ids.slice(0, COMPARE_MAX);
  const result = useApiQuery('compare:get', { ids: compared }, COMPARE_TABLES);
  const grid = useCurrentGrid();
  const notify = useNotificationStore((state) => state.notify);
  const [focused, setFocused] = useState(0);
  const [drawer, setDrawer] = useState<{ index: number; tab: DrawerTab } | null>(null);
  const [differencesOnly, setDifferencesOnly] = useState(false);
  const headerRefs = useRef<(HTMLTableCellElement | null)[]>([]);
  const items = useMemo(() => (result.loading ? [] : (result.data ?? [])), [result.loading, result.data]);
  const sections = useMemo(() => buildComparison(items, grid.data), [items, grid.data]);
  const differences = countDifferences(sections);
  useReportReady(!result.loading && grid.data !== undefined);

  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (drawer || items.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        if (isInteractive(event.target)) return;
        event.preventDefault();
        const next = moveFocus(focused, event.key === 'ArrowLeft' ? -1 : 1, items.length);
        setFocused(next);
        headerRefs.current[next]?.focus();
      } else if (event.key === 'Enter' && !isInteractive(event.target) && !(event.target instanceof HTMLTableCellElement)) {
        event.preventDefault();
        setDrawer({ index: focused, tab: 'opinion' });
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawer, focused, items.length]);

  function closeDrawer(): void {
    const index = drawer?.index;
    setDrawer(null);
    // Back to the column the user was on, so the arrows keep working.
    if (index !== undefined) requestAnimationFrame(() => headerRefs.current[index]?.focus());
  }

  function opinionSaved(opinion: Opinion): void {
    closeDrawer();
    result.refetch();
    notify({ color: 'green', title: `Avis enregistré (version ${opinion.version})`, message: `${OPINION_LABELS[opinion.opinion]}, ${pluralize(opinion.postsSupported, 'poste soutenu', 'postes soutenus')}.` });
  }

  function scoresSaved(scores: DossierScores): void {
    closeDrawer();
    result.refetch();
    notify({ color: 'green', title: 'Notation enregistrée', message: `Note agrégée du dossier : ${formatScore(scores.aggregate)}.` });
  }

  function remove(index: number): void {
    navigate({ name: 'comparison', ids: compared.filter((_, position) => position !== index) });
  }

  if (result.error && !result.loading) {
    return (
      <Stack gap="md" maw={760}>
        <Title order={2}>Comparaison</Title>
        <ErrorAlert error={result.error} title="La comparaison n’a pas pu être faite" />
        <Anchor href={routeHref({ name: 'dossiers' })}>Retour à la liste des dossiers</Anchor>
      </Stack>
    );
  }
  if (items.length === 0) {
    return (
      <Center h={300}>
        <Loader aria-label="Chargement de la comparaison" />
      </Center>
    );
  }

  const shown = differencesOnly ? onlyDifferences(sections) : sections;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={2} className="print-title">
            Comparaison de {pluralize(items.length, 'dossier', 'dossiers')}
          </Title>
          <Text size="sm" c="dimmed" className="print-subtitle">
            {differences === 0 ? 'Aucune différence sur les lignes comparées.' : `${pluralize(differences, 'ligne diffère', 'lignes diffèrent')} (surlignées).`}
          </Text>
        </div>
        <Group gap="md" className="no-print">
          <Switch label="Seulement les différences" checked={differencesOnly} onChange={(event) => setDifferencesOnly(event.currentTarget.checked)} />
          <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
            Imprimer
          </Button>
        </Group>
      </Group>
      {ids.length > COMPARE_MAX && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle />} className="no-print">
          Au plus {COMPARE_MAX} dossiers se comparent à la fois : seuls les {COMPARE_MAX} premiers sont affichés.
        </Alert>
      )}
      <Text size="sm" className="no-print" data-testid="keyboard-hint">
        <Kbd>←</Kbd> <Kbd>→</Kbd> changer de dossier · <Kbd>Entrée</Kbd> donner l’avis sur le dossier en surbrillance · <Kbd>Échap</Kbd> fermer le
        formulaire
      </Text>
      <ComparisonTable
        items={items}
        sections={shown}
        focused={focused}
        onFocus={setFocused}
        onOpen={(index, tab) => {
          setFocused(index);
          setDrawer({ index, tab });
        }}
        onRemove={remove}
        headerRefs={headerRefs}
      />
      <ReviewDrawer
        item={drawer ? (items[drawer.index] ?? null) : null}
        tab={drawer?.tab ?? 'opinion'}
        grid={grid.data}
        onTabChange={(tab) => setDrawer((current) => (current ? { ...current, tab } : current))}
        onClose={closeDrawer}
        onOpinionSaved={opinionSaved}
        onScoresSaved={scoresSaved}
      />
    </Stack>
  );
}

export function ComparisonPage({ ids }: { ids: number[] }) {
  return ids.length < COMPARE_MIN ? <HowToCompare ids={ids} /> : <Comparison key={ids.join(',')} ids={ids} />;
}
