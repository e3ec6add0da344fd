import { Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { DossierScores, ScoringGrid } from '../../../shared/domain/review';
import { formatDateTime, formatNumber, pluralize } from '../../lib/format';
import { formatCriterionValue, formatScore } from '../../lib/review-format';
import classes from './ScoringCard.module.css';

/** « 3,45 / 5 » and the spread between reviewers, or a plain statement when nobody scored. */
export function AggregateLine({ scores, grid }: { scores: DossierScores; grid: ScoringGrid }) {
  if (scores.reviewers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Aucune notation pour l’instant.
      </Text>
    );
  }
  return (
    <Group gap="lg" align="flex-end" wrap="wrap">
      <div>
        <Text size="xs" c="dimmed">
          Note agrégée
        </Text>
        <Text className={classes.aggregate} data-testid="aggregate-score">
          {formatScore(scores.aggregate)}
          <Text span size="sm" c="dimmed" fw={500}>
            {' '}
            / {grid.scaleMax}
          </Text>
        </Text>
      </div>
      <Text size="sm" c="gray.7">
        {scores.reviewers.length === 1 ? 'un seul évaluateur' : `moyenne de ${pluralize(scores.reviewers.length, 'évaluateur', 'évaluateurs')}`}
        {scores.spread && scores.reviewers.length > 1 && (
          <>
            {' '}
            · écart de {formatScore(scores.spread.min)} à {formatScore(scores.spread.max)} · écart-type{' '}
            <span data-testid="score-spread">{formatScore(scores.spread.stdDev)}</span>
          </>
        )}
      </Text>
    </Group>
  );
}

/** Every reviewer's values side by side, each one's weighted mean, and the mean per criterion. */
export function ReviewerScores({ scores, grid }: { scores: DossierScores; grid: ScoringGrid }) {
  if (scores.reviewers.length === 0) return null;
  const means = new Map(scores.perCriterion.map((criterion) => [criterion.key, criterion]));
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} className={classes.scoresTable} data-testid="reviewer-scores">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className={classes.criterionCell}>Critère (poids)</Table.Th>
              {scores.reviewers.map((reviewer) => (
                <Table.Th key={reviewer.reviewerId} ta="center">
                  <Tooltip label={`Notée le ${formatDateTime(reviewer.at)} avec la grille version ${reviewer.gridVersion}`}>
                    <span>{reviewer.reviewerName}</span>
                  </Tooltip>
                  {reviewer.gridVersion !== grid.version && (
                    <Text size="xs" c="orange.8">
                      grille v{reviewer.gridVersion}
                    </Text>
                  )}
                </Table.Th>
              ))}
              <Table.Th ta="center">Moyenne</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grid.criteria.map((criterion) => (
              <Table.Tr key={criterion.key}>
                <Table.Td className={classes.criterionCell}>
                  {criterion.label}{' '}
                  <Text span size="xs" c="dimmed">
                    ({formatNumber(criterion.weight)})
                  </Text>
                </Table.Td>
                {scores.reviewers.map((reviewer) => (
                  <Table.Td key={reviewer.reviewerId} ta="center">
                    {formatCriterionValue(Object.hasOwn(reviewer.values, criterion.key) ? reviewer.values[criterion.key] : undefined)}
                  </Table.Td>
                ))}
                <Table.Td ta="center">{formatScore(means.get(criterion.key)?.mean)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr className={classes.totalRow}>
              <Table.Th scope="row">Moyenne pondérée</Table.Th>
              {scores.reviewers.map((reviewer) => (
                <Table.Td key={reviewer.reviewerId} ta="center" data-testid="reviewer-mean">
                  {formatScore(reviewer.weightedMean)}
                </Table.Td>
              ))}
              <Table.Td ta="center">{formatScore(scores.aggregate)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        N.É. : non évaluable (le critère est retiré de la moyenne et les poids des autres sont recalculés).
      </Text>
      {scores.reviewers
        .filter((reviewer) => reviewer.comment)
        .map((reviewer) => (
          <Text key={reviewer.reviewerId} size="sm" c="gray.8">
            <strong>{reviewer.reviewerName}</strong> : « {reviewer.comment} »
          </Text>
        ))}
    </Stack>
  );
}
