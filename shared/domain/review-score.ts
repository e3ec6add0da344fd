/**
 * Score aggregation: each reviewer's weighted mean, then the mean across reviewers with its
 * spread. Pure, so the figures the UI shows can be checked against a hand computation.
 */
import type { CriterionMean, DossierScores, GridInput, ScoreSpread } from './review';

/** A reviewer's values with the grid version they were given on. */
export interface ScoredSheet {
  grid: GridInput;
  values: Record<string, number | null>;
}

export interface ScoreAggregate extends Pick<DossierScores, 'aggregate' | 'spread' | 'perCriterion'> {
  /** Each sheet's weighted mean on the current grid's scale, in the order given. */
  means: (number | null)[];
}

/**
 * Weighted mean of the assessed criteria on the grid's own scale. "Not assessable" criteria
 * (null or absent) are left out and the remaining weights renormalised, so a criterion nobody
 * could judge neither lowers nor raises the score. Null when nothing was assessable.
 */
export function weightedMean(grid: GridInput, values: Record<string, number | null>): number | null {
  let sum = 0;
  let weights = 0;
  for (const criterion of grid.criteria) {
    const value = Object.hasOwn(values, criterion.key) ? values[criterion.key] : null;
    if (value === null || value === undefined) continue;
    sum += criterion.weight * value;
    weights += criterion.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * A value given on one grid version's scale, expressed on another's: the same relative position.
 * Identical scales (the usual case) leave the value untouched, so hand computations match exactly.
 */
export function rescale(value: number, from: GridInput, to: GridInput): number {
  if (from.scaleMin === to.scaleMin && from.scaleMax === to.scaleMax) return value;
  return to.scaleMin + ((value - from.scaleMin) * (to.scaleMax - to.scaleMin)) / (from.scaleMax - from.scaleMin);
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Population standard deviation: the reviewers are all the reviewers, not a sample of them. */
export function spreadOf(values: readonly number[]): ScoreSpread | null {
  const m = mean(values);
  if (m === null) return null;
  const variance = values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length;
  return { min: Math.min(...values), max: Math.max(...values), stdDev: Math.sqrt(variance) };
}

/**
 * Aggregate of several reviewers' sheets, on the current grid's scale. Sheets made with an older
 * grid version count with that version's criteria and weights; per-criterion means cover the
 * current grid's criteria, matched by key, over the reviewers who assessed each one.
 */
export function aggregateScores(current: GridInput, sheets: readonly ScoredSheet[]): ScoreAggregate {
  const means = sheets.map((sheet) => {
    const m = weightedMean(sheet.grid, sheet.values);
    return m === null ? null : rescale(m, sheet.grid, current);
  });
  const assessed = means.filter((m): m is number => m !== null);
  const perCriterion: CriterionMean[] = current.criteria.map((criterion) => {
    const values: number[] = [];
    for (const sheet of sheets) {
      const value = sheet.values[criterion.key];
      const known = sheet.grid.criteria.some((c) => c.key === criterion.key);
      if (known && value !== null && value !== undefined) values.push(rescale(value, sheet.grid, current));
    }
    return { key: criterion.key, label: criterion.label, mean: mean(values), assessed: values.length };
  });
  return { means, aggregate: mean(assessed), spread: spreadOf(assessed), perCriterion };
}
