/** State of one reviewer's scoring form: a value per criterion, « non évaluable », or not chosen yet. */
import { weightedMean } from '../../../shared/domain/review';
import { validateScore } from '../../../shared/domain/review-rules';
import type { ReviewerScore, ScoreInput, ScoringGrid } from '../../../shared/domain/review';

/** undefined: not chosen yet; null: « non évaluable ». */
export type ScoreFormValue = number | null | undefined;

export interface ScoreFormValues {
  values: Record<string, ScoreFormValue>;
  comment: string;
}

/** Whole numbers of the grid's scale, lowest first. */
export function scaleSteps(grid: Pick<ScoringGrid, 'scaleMin' | 'scaleMax'>): number[] {
  const steps: number[] = [];
  for (let value = grid.scaleMin; value <= grid.scaleMax; value++) steps.push(value);
  return steps;
}

/**
 * Starts from the reviewer's previous sheet: its values carry over for the criteria the current
 * grid still has (matched by key) when they fit the current scale.
 */
export function initialScoreValues(grid: ScoringGrid, previous: ReviewerScore | undefined): ScoreFormValues {
  const values: Record<string, ScoreFormValue> = {};
  for (const criterion of grid.criteria) {
    const value = previous && Object.hasOwn(previous.values, criterion.key) ? previous.values[criterion.key] : undefined;
    values[criterion.key] = value === null || (typeof value === 'number' && value >= grid.scaleMin && value <= grid.scaleMax) ? value : undefined;
  }
  return { values, comment: previous?.comment ?? '' };
}

export function missingCriteria(grid: ScoringGrid, form: ScoreFormValues): string[] {
  return grid.criteria.filter((criterion) => form.values[criterion.key] === undefined).map((criterion) => criterion.label);
}

export function toScoreInput(dossierId: number, grid: ScoringGrid, form: ScoreFormValues): ScoreInput {
  const values: Record<string, number | null> = {};
  for (const criterion of grid.criteria) {
    const value = form.values[criterion.key];
    if (value !== undefined) values[criterion.key] = value;
  }
  const comment = form.comment.trim();
  return { dossierId, gridId: grid.id, values, comment: comment === '' ? null : comment };
}

/** The shared rule's French messages (an unchosen criterion is reported by name). */
export function scoreFormErrors(dossierId: number, grid: ScoringGrid, form: ScoreFormValues): string[] {
  return validateScore(toScoreInput(dossierId, grid, form), grid);
}

/** The weighted mean the sheet will have, shown while scoring; null until one criterion is scored. */
export function previewMean(grid: ScoringGrid, form: ScoreFormValues): number | null {
  const values: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(form.values)) values[key] = value ?? null;
  return weightedMean(grid, values);
}
