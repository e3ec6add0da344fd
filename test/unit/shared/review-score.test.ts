import { describe, expect, it } from 'vitest';
import { aggregateScores, weightedMean, type GridInput } from '../../../shared/domain/review';

const GRID: GridInput = {
  name: 'Test',
  scaleMin: 0,
  scaleMax: 5,
  criteria: [
    { key: 'a', label: 'A', description: '', weight: 3 },
    { key: 'b', label: 'B', description: '', weight: 2 },
    { key: 'c', label: 'C', description: '', weight: 1 },
  ],
};

describe('weightedMean', () => {
  it('weights each criterion', () => {
    // (3×2 + 2×5 + 1×1) / 6 = 17 / 6
    expect(weightedMean(GRID, { a: 2, b: 5, c: 1 })).toBeCloseTo(17 / 6, 12);
  });

  it('leaves "not assessable" criteria out and renormalises the weights', () => {
    // (3×4 + 2×3) / (3 + 2) = 18 / 5
    expect(weightedMean(GRID, { a: 4, b: 3, c: null })).toBe(3.6);
    expect(weightedMean(GRID, { a: null, b: null, c: 2 })).toBe(2);
  });

  it('is null when nothing was assessable', () => {
    expect(weightedMean(GRID, { a: null, b: null, c: null })).toBeNull();
  });
});

describe('aggregateScores', () => {
  it('averages the reviewers’ weighted means, with min, max and population standard deviation', () => {
    const result = aggregateScores(GRID, [
      { grid: GRID, values: { a: 4, b: 3, c: null } }, // 3.6
      { grid: GRID, values: { a: 2, b: 5, c: 1 } }, // 17/6 ≈ 2.8333
    ]);
    expect(result.means[0]).toBe(3.6);
    expect(result.means[1]).toBeCloseTo(17 / 6, 12);
    expect(result.aggregate).toBeCloseTo((3.6 + 17 / 6) / 2, 12); // 3.21666…
    expect(result.spread!.min).toBeCloseTo(17 / 6, 12);
    expect(result.spread!.max).toBe(3.6);
    // Two values: the population standard deviation is half their distance.
    expect(result.spread!.stdDev).toBeCloseTo((3.6 - 17 / 6) / 2, 12);
    expect(result.perCriterion).toEqual([
      { key: 'a', label: 'A', mean: 3, assessed: 2 },
      { key: 'b', label: 'B', mean: 4, assessed: 2 },
      { key: 'c', label: 'C', mean: 1, assessed: 1 },
    ]);
  });

  it('ignores a reviewer who could assess nothing, and is empty without reviewers', () => {
    const result = aggregateScores(GRID, [
      { grid: GRID, values: { a: 4, b: 4, c: 4 } },
      { grid: GRID, values: { a: null, b: null, c: null } },
    ]);
    expect(result.aggregate).toBe(4);
    expect(result.spread).toEqual({ min: 4, max: 4, stdDev: 0 });
    expect(aggregateScores(GRID, [])).toMatchObject({ aggregate: null, spread: null, means: [] });
  });

  it('reads sheets of an older version with their own weights, on the current scale, criteria matched by key', () => {
    const older: GridInput = { ...GRID, scaleMin: 0, scaleMax: 10, criteria: [{ key: 'a', label: 'A', description: '', weight: 1 }, { key: 'old', label: 'Old', description: '', weight: 1 }] };
    const result = aggregateScores(GRID, [{ grid: older, values: { a: 10, old: 0 } }]);
    // (10 + 0) / 2 = 5 on 0–10, that is 2.5 on 0–5.
    expect(result.aggregate).toBe(2.5);
    expect(result.perCriterion.find((c) => c.key === 'a')).toEqual({ key: 'a', label: 'A', mean: 5, assessed: 1 });
    expect(result.perCriterion.find((c) => c.key === 'b')).toEqual({ key: 'b', label: 'B', mean: null, assessed: 0 });
  });
});
