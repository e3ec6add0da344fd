import { Drawer, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ComparisonItem, DossierScores, Opinion, ScoringGrid } from '../../../shared/domain/review';
import { useProfile } from '../../hooks/use-profile';
import { pluralize } from '../../lib/format';
import { OpinionForm } from '../OpinionCard/OpinionForm';
import { ScoreForm } from '../ScoringCard/ScoreForm';
import type { DrawerTab } from './ComparisonTable';

interface ReviewDrawerProps {
  item: ComparisonItem | null;
  tab: DrawerTab;
  grid: ScoringGrid | undefined;
  onTabChange: (tab: DrawerTab) => void;
  onClose: () => void;
  onOpinionSaved: (opinion: Opinion) => void;
  onScoresSaved: (scores: DossierScores) => void;
}

/** Gives an opinion or scores one compared dossier without leaving the comparison. */
export function ReviewDrawer({ item, tab, grid, onTabChange, onClose, onOpinionSaved, onScoresSaved }: ReviewDrawerProps) {
  const profile = useProfile();
  const dossier = item?.dossier;
  const mine = item?.scores.reviewers.find((reviewer) => reviewer.reviewerId === profile.id);
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size={640}
      title={dossier ? `ID ${dossier.externalId} – ${dossier.name ?? 'Structure sans nom'}` : ''}
      closeButtonProps={{ 'aria-label': 'Fermer (Échap)' }}
      styles={{ title: { fontWeight: 700 } }}
    >
      {item && dossier && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {pluralize(dossier.postsRequested, 'poste demandé', 'postes demandés')} · Échap pour revenir à la comparaison
          </Text>
          <SegmentedControl
            fullWidth
            value={tab}
            onChange={(value) => onTabChange(value)}
            data={[
              { value: 'opinion', label: 'Avis de la préfecture' },
              { value: 'score', label: 'Notation' },
            ]}
          />
          {tab === 'opinion' ? (
            <OpinionForm
              key={`opinion-${dossier.id}-${item.opinion?.id ?? 'new'}`}
              dossierId={dossier.id}
              postsRequested={dossier.postsRequested}
              current={item.opinion}
              onSaved={onOpinionSaved}
              onCancel={onClose}
            />
          ) : grid ? (
            <ScoreForm key={`score-${dossier.id}-${grid.id}-${mine?.at ?? 'new'}`} dossierId={dossier.id} grid={grid} previous={mine} onSaved={onScoresSaved} onCancel={onClose} />
          ) : (
            <Text c="dimmed">Chargement de la grille…</Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
