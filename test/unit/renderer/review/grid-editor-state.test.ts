import { describe, expect, it } from 'vitest';
import {
  draftChanged,
  draftFromGrid,
  gridDraftErrors,
  keyFromLabel,
  toGridInput,
  weightShares,
} from '../../../../renderer/components/GridEditor/grid-editor-state';
import { GRID } from './fixtures';

describe('grid drafts', () => {
  it('start from the current grid, unchanged and valid', () => {
    const draft = draftFromGrid(GRID);
    expect(draftChanged(draft, GRID)).toBe(false);
    expect(gridDraftErrors(draft)).toEqual([]);
    expect(toGridInput(draft).criteria.map((criterion) => criterion.key)).toEqual(GRID.criteria.map((criterion) => criterion.key));
  });

  it('refuses a weight of -1 or an empty weight with a French message', () => {
    const draft = draftFromGrid(GRID);
    draft.criteria[0] = { ...draft.criteria[0]!, weight: -1 };
    expect(draftChanged(draft, GRID)).toBe(true);
    expect(gridDraftErrors(draft)).toEqual([
      'Le poids du critère « Besoins identifiés et offre existante » doit être un nombre strictement positif (-1 saisi).',
    ]);
    draft.criteria[0] = { ...draft.criteria[0], weight: '' };
    expect(gridDraftErrors(draft)[0]).toContain('doit être un nombre strictement positif');
  });

  it('refuses an inverted scale', () => {
    expect(gridDraftErrors({ ...draftFromGrid(GRID), scaleMin: 5, scaleMax: 0 }).join(' ')).toContain('note maximale plus grande');
  });

  it('gives a new criterion a key from its label, unique in the grid', () => {
    const draft = draftFromGrid(GRID);
    draft.criteria.push({ key: '', label: 'Besoins', description: '', weight: 1 }, { key: '', label: 'Présence à l’accueil', description: '', weight: 1 });
    draft.criteria[0] = { ...draft.criteria[0]!, key: 'besoins' };
    const keys = toGridInput(draft).criteria.map((criterion) => criterion.key);
    expect(keys.slice(-2)).toEqual(['besoins-2', 'presence-a-l-accueil']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows each weight’s share of the mean', () => {
    const shares = weightShares(draftFromGrid(GRID));
    expect(shares[0]).toBeCloseTo(3 / 11.5);
    expect(shares.reduce<number>((sum, share) => sum + (share ?? 0), 0)).toBeCloseTo(1);
    expect(weightShares({ ...draftFromGrid(GRID), criteria: [{ key: 'a', label: 'A', description: '', weight: -1 }] })).toEqual([null]);
  });
});

describe('keyFromLabel', () => {
  it('strips accents and punctuation', () => {
    expect(keyFromLabel('Capacité à recruter (3 mois)', new Set())).toBe('capacite-a-recruter-3-mois');
    expect(keyFromLabel('!!!', new Set())).toBe('critere');
    expect(keyFromLabel('!!!', new Set(['critere']))).toBe('critere-2');
  });
});
