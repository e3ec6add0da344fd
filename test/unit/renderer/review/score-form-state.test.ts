import { describe, expect, it } from 'vitest';
import {
  initialScoreValues,
  missingCriteria,
  previewMean,
  scaleSteps,
  scoreFormErrors,
  toScoreInput,
} from '../../../../renderer/components/ScoringCard/score-form-state';
import { GRID, sheet } from './fixtures';

describe('scaleSteps', () => {
  it('lists every whole value of the scale', () => {
    expect(scaleSteps({ scaleMin: 0, scaleMax: 5 })).toEqual([0, 1, 2, 3, 4, 5]);
    expect(scaleSteps({ scaleMin: 1, scaleMax: 3 })).toEqual([1, 2, 3]);
  });
});

describe('initialScoreValues', () => {
  it('starts empty for a new reviewer', () => {
    const form = initialScoreValues(GRID, undefined);
    expect(Object.values(form.values).every((value) => value === undefined)).toBe(true);
    expect(missingCriteria(GRID, form)).toHaveLength(GRID.criteria.length);
  });

  it('carries over a previous sheet, « non évaluable » included, and drops values off the scale', () => {
    const form = initialScoreValues(GRID, sheet({ values: { besoins: 4, accueil: null, collectivites: 9, removed: 2 }, comment: 'À revoir' }));
    expect(form.values).toEqual({ besoins: 4, accueil: null, collectivites: undefined, capacite: undefined, territoires: undefined, finances: undefined });
    expect(form.comment).toBe('À revoir');
  });
});

describe('scores', () => {
  const complete = { values: { besoins: 4, accueil: 3, collectivites: 5, capacite: 2, territoires: null, finances: 3 }, comment: '  ' };

  it('previews the weighted mean of the assessed criteria (hand computation: 35 / 10)', () => {
    expect(previewMean(GRID, complete)).toBe(3.5);
    expect(previewMean(GRID, { values: {}, comment: '' })).toBeNull();
  });

  it('builds the request with every criterion and no blank comment', () => {
    expect(toScoreInput(7, GRID, complete)).toEqual({ dossierId: 7, gridId: 1, values: complete.values, comment: null });
    expect(scoreFormErrors(7, GRID, complete)).toEqual([]);
  });

  it('names each criterion still to score, in French', () => {
    const partial = { values: { ...complete.values, finances: undefined }, comment: '' };
    expect(missingCriteria(GRID, partial)).toEqual(['Solidité financière']);
    expect(scoreFormErrors(7, GRID, partial)).toEqual(['Notez le critère « Solidité financière » ou indiquez qu’il n’est pas évaluable.']);
  });
});
