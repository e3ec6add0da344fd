/** Display of opinions and scores, shared by the detail, list, comparison and ranking views. */
import type { OpinionKind } from '../../shared/domain/review';
import { EMPTY_VALUE } from './format';

export const OPINION_COLORS: Record<OpinionKind, string> = {
  FAVORABLE: 'green',
  DEFAVORABLE: 'red',
  EXAMEN_COMPLEMENTAIRE: 'orange',
  DOUBLON: 'grape',
};

const scoreFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Scores always show two decimals (« 3,50 »), so a column of means lines up and a
 * hand computation can be compared digit for digit.
 */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY_VALUE;
  return scoreFormat.format(value);
}

/** A criterion value as entered: an integer of the scale, or « non évaluable ». */
export function formatCriterionValue(value: number | null | undefined): string {
  if (value === undefined) return EMPTY_VALUE;
  return value === null ? 'N.É.' : String(value);
}
