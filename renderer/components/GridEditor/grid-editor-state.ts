/**
 * Draft of a new scoring-grid version as edited in Paramètres. Criteria keep their key across
 * versions (scores are matched by key); a new criterion gets a key derived from its label.
 */
import { validateGrid } from '../../../shared/domain/review-rules';
import type { GridInput, ScoringGrid } from '../../../shared/domain/review';

export interface CriterionDraft {
  /** '' for a criterion added in this draft: its key is derived from the label on save. */
  key: string;
  label: string;
  description: string;
  /** '' while the input is empty. */
  weight: number | '';
}

export interface GridDraft {
  name: string;
  scaleMin: number | '';
  scaleMax: number | '';
  criteria: CriterionDraft[];
}

export function draftFromGrid(grid: ScoringGrid): GridDraft {
  return {
    name: grid.name,
    scaleMin: grid.scaleMin,
    scaleMax: grid.scaleMax,
    criteria: grid.criteria.map(({ key, label, description, weight }) => ({ key, label, description, weight })),
  };
}

export const EMPTY_CRITERION: CriterionDraft = { key: '', label: '', description: '', weight: 1 };

/** « Capacité à recruter » → « capacite-a-recruter », made unique among `taken`. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'critere';
  let key = base;
  for (let suffix = 2; taken.has(key); suffix++) key = `${base}-${suffix}`;
  return key;
}

const toNumber = (value: number | '') => (value === '' ? Number.NaN : value);

export function toGridInput(draft: GridDraft): GridInput {
  const taken = new Set(draft.criteria.map((criterion) => criterion.key).filter((key) => key !== ''));
  return {
    name: draft.name.trim(),
    scaleMin: toNumber(draft.scaleMin),
    scaleMax: toNumber(draft.scaleMax),
    criteria: draft.criteria.map((criterion) => {
      let key = criterion.key;
      if (key === '') {
        key = keyFromLabel(criterion.label, taken);
        taken.add(key);
      }
      return { key, label: criterion.label.trim(), description: criterion.description.trim(), weight: toNumber(criterion.weight) };
    }),
  };
}

/** The shared rule's French messages (a weight of -1 or 0, an empty label, an inverted scale…). */
export function gridDraftErrors(draft: GridDraft): string[] {
  return validateGrid(toGridInput(draft));
}

/** Whether the draft differs from the grid it started from (nothing to save otherwise). */
export function draftChanged(draft: GridDraft, grid: ScoringGrid): boolean {
  return JSON.stringify(toGridInput(draft)) !== JSON.stringify(toGridInput(draftFromGrid(grid)));
}

/** Share of each criterion in the weighted mean, for the « 30 % » hint next to each weight. */
export function weightShares(draft: GridDraft): (number | null)[] {
  const weights = draft.criteria.map((criterion) => (typeof criterion.weight === 'number' && criterion.weight > 0 ? criterion.weight : null));
  const total = weights.reduce<number>((sum, weight) => sum + (weight ?? 0), 0);
  return weights.map((weight) => (weight === null || total === 0 ? null : weight / total));
}
