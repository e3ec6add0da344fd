import { Button, Divider, Group, Loader, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { DossierScores } from '../../../shared/domain/review';
import { useApiQuery } from '../../hooks/use-api-query';
import { useProfile } from '../../hooks/use-profile';
import { formatDateTime } from '../../lib/format';
import { formatScore } from '../../lib/review-format';
import { useNotificationStore } from '../../stores/notification-store';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { Section } from '../Section/Section';
import { AggregateLine, ReviewerScores } from './ReviewerScores';
import { ScoreForm } from './ScoreForm';
import { useCurrentGrid } from '../../hooks/use-current-grid';

export const SCORE_TABLES: readonly string[] = ['scores', 'grids'];

/** « Notation »: the user's own sheet on the current grid, then everyone's. */
export function ScoringCard({ dossierId }: { dossierId: number }) {
  const profile = useProfile();
  const grid = useCurrentGrid();
  const scores = useApiQuery('scores:get', { dossierId }, SCORE_TABLES);
  const notify = useNotificationStore((state) => state.notify);
  const [editing, setEditing] = useState(false);
  const mine = scores.data?.reviewers.find((reviewer) => reviewer.reviewerId === profile.id);
  const outdated = mine !== undefined && grid.data !== undefined && mine.gridId !== grid.data.id;

  function saved(result: DossierScores): void {
    setEditing(false);
    scores.refetch();
    const own = result.reviewers.find((reviewer) => reviewer.reviewerId === profile.id);
    notify({ color: 'green', title: 'Notation enregistrée', message: `Votre moyenne pondérée : ${formatScore(own?.weightedMean)}.` });
  }

  const aside = grid.data ? `${grid.data.name} · v${grid.data.version} · échelle ${grid.data.scaleMin} à ${grid.data.scaleMax}` : undefined;
  return (
    <Section title="Notation" aside={aside}>
      <ErrorAlert error={scores.error ?? grid.error} title="La notation n’a pas pu être chargée" />
      {!scores.data || !grid.data ? (
        !scores.error && !grid.error && <Loader size="sm" aria-label="Chargement de la notation" />
      ) : (
        <Stack gap="md">
          {mine && !editing ? (
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                Vous avez noté ce dossier le {formatDateTime(mine.at)} : moyenne pondérée <strong>{formatScore(mine.weightedMean)}</strong>.
                {outdated && ' La grille a changé depuis : mettez à jour votre notation.'}
              </Text>
              <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)} style={{ flexShrink: 0 }}>
                Modifier ma notation
              </Button>
            </Group>
          ) : (
            <ScoreForm
              key={`${grid.data.id}-${mine?.at ?? 'new'}`}
              dossierId={dossierId}
              grid={grid.data}
              previous={mine}
              onSaved={saved}
              onCancel={mine ? () => setEditing(false) : undefined}
            />
          )}
          <Divider />
          <AggregateLine scores={scores.data} grid={grid.data} />
          <ReviewerScores scores={scores.data} grid={grid.data} />
        </Stack>
      )}
    </Section>
  );
}
