import { describe, expect, it } from 'vitest';
import {
  aggregateRegions,
  departmentChecks,
  distributeTargets,
  distributionProblem,
  gapToTarget,
  per100k,
  percentOfTarget,
  reviewedShare,
  targetDeviation,
  type DepartmentFigures,
} from '../../../shared/domain/territory';

describe('derived measures', () => {
  it('per 100,000 inhabitants, 2 decimals', () => {
    expect(per100k(2, 168306)).toBe(1.19);
    expect(per100k(4, 187180)).toBe(2.14);
    expect(per100k(0, 384160)).toBe(0);
    expect(per100k(3, 0)).toBe(0);
  });

  it('percent of target and gap to target, null without a target', () => {
    expect(percentOfTarget(3, 4)).toBe(75);
    expect(percentOfTarget(1, 3)).toBe(33.33);
    expect(percentOfTarget(3, null)).toBeNull();
    expect(percentOfTarget(3, 0)).toBeNull();
    expect(gapToTarget(3, 5)).toBe(-2);
    expect(gapToTarget(7, 5)).toBe(2);
    expect(gapToTarget(0, 0)).toBe(0);
    expect(gapToTarget(3, null)).toBeNull();
  });

  it('share reviewed in percent, null without dossiers', () => {
    expect(reviewedShare(1, 3)).toBe(33.33);
    expect(reviewedShare(2, 2)).toBe(100);
    expect(reviewedShare(0, 0)).toBeNull();
  });
});

describe('distributeTargets', () => {
  const weights = [
    { code: 'A', weight: 500 },
    { code: 'B', weight: 300 },
    { code: 'C', weight: 150 },
    { code: 'D', weight: 50 },
  ];

  it('is proportional and sums exactly, by the largest remainders', () => {
    // Exact shares of 10: 5, 3, 1.5, 0.5 → the tie on .5 goes to the larger weight.
    expect(Object.fromEntries(distributeTargets({ total: 10, weights }))).toEqual({ A: 5, B: 3, C: 2, D: 0 });
    // Shares of 7: 3.5, 2.1, 1.05, 0.35 → 3 + 2 + 1 + 0 = 6, the one left to A (remainder .5).
    expect(Object.fromEntries(distributeTargets({ total: 7, weights }))).toEqual({ A: 4, B: 2, C: 1, D: 0 });
    expect(Object.fromEntries(distributeTargets({ total: 0, weights }))).toEqual({ A: 0, B: 0, C: 0, D: 0 });
  });

  it('raises the departments under the floor to it and shares the rest among the others', () => {
    // Floor 2 of 10: D (0.5) and C (1.5) get 2; the remaining 6 go 500:300 → 3.75 / 2.25 → 4 / 2.
    expect(Object.fromEntries(distributeTargets({ total: 10, floor: 2, weights }))).toEqual({ A: 4, B: 2, C: 2, D: 2 });
    // 12 × 17 / 100 = 2.04 ≥ 2, but once D (0.36) is raised, C's share of the remaining 10 is 1.75: raised in a second round.
    expect(Object.fromEntries(distributeTargets({ total: 12, floor: 2, weights: [{ code: 'A', weight: 80 }, { code: 'C', weight: 17 }, { code: 'D', weight: 3 }] }))).toEqual({ A: 8, C: 2, D: 2 });
    const result = distributeTargets({ total: 8, floor: 2, weights });
    expect([...result.values()]).toEqual([2, 2, 2, 2]);
  });

  it('refuses what cannot be distributed', () => {
    expect(distributionProblem({ total: 7, floor: 2, weights })).toBe('Un plancher de 2 poste(s) pour 4 départements dépasse le total de 7 postes.');
    expect(distributionProblem({ total: 7.5, weights })).toBe('Le total national doit être un nombre entier positif ou nul.');
    expect(distributionProblem({ total: 7, floor: -1, weights })).toBe('Le plancher par département doit être un nombre entier positif ou nul.');
    expect(() => distributeTargets({ total: -1, weights })).toThrow('Le total national');
  });
});

describe('aggregateRegions', () => {
  const dept = (code: string, regionCode: string, granted: number, target: number | null, population: number): DepartmentFigures => ({
    code, name: code, regionCode, population, dossiers: 1, requested: 2, supported: 1, granted, reviewed: 1, target, per100k: per100k(granted, population),
  });

  it('sums the departments of each region; the target is null only when no department has one', () => {
    const regions = aggregateRegions([dept('2A', '94', 2, 5, 168306), dept('2B', '94', 4, null, 187180), dept('971', '01', 3, null, 384160)]);
    expect(regions).toEqual([
      { code: '01', name: 'Guadeloupe', departments: 1, population: 384160, dossiers: 1, requested: 2, supported: 1, granted: 3, reviewed: 1, target: null, per100k: 0.78 },
      { code: '94', name: 'Corse', departments: 2, population: 355486, dossiers: 2, requested: 4, supported: 2, granted: 6, reviewed: 2, target: 5, per100k: 1.69 },
    ]);
  });
});

describe('targetDeviation and departmentChecks', () => {
  it('is over or under only beyond the tolerance, never without a target', () => {
    expect(targetDeviation(11, 10, 10)).toBeNull();
    expect(targetDeviation(12, 10, 10)).toBe('over');
    expect(targetDeviation(9, 10, 10)).toBeNull();
    expect(targetDeviation(8, 10, 10)).toBe('under');
    expect(targetDeviation(1, 0, 10)).toBe('over');
    expect(targetDeviation(0, 0, 10)).toBeNull();
    expect(targetDeviation(100, null, 10)).toBeNull();
  });

  it('flags demand without support, and targets missed either way', () => {
    const base = { name: 'Test', regionCode: '84', population: 100_000, dossiers: 2, requested: 3, reviewed: 0, per100k: 0 };
    const checks = departmentChecks(
      [
        { ...base, code: '01', supported: 0, granted: 0, target: null },
        { ...base, code: '03', supported: 0, granted: 0, target: 0 },
        { ...base, code: '07', supported: 5, granted: 1, target: 4 },
      ],
      10,
    );
    expect(checks.map((c) => [c.code, c.departmentCode])).toEqual([
      ['DEMAND_WITHOUT_SUPPORT', '01'],
      ['DEMAND_WITHOUT_SUPPORT', '03'],
      ['GRANTED_UNDER_TARGET', '07'],
      ['SUPPORTED_OVER_TARGET', '07'],
    ]);
    expect(checks[3]!.message).toBe('07 – Test : 5 poste(s) soutenu(s) par les avis préfectoraux pour un objectif de 4 (125 %), au-delà de la tolérance de 10 %.');
  });
});
