import { describe, expect, it } from 'vitest';
import { addMonths, DEFAULT_SUBSIDY_SETTINGS, subsidyFor, subsidyPerPost, tranchesFor, TRANCHES } from '../../../shared/domain/subsidy';

const cui = (cuiPerPost: number | null) => ({ cuiPerPost });

describe('subsidy per post (AMI §3)', () => {
  it('is 40 000 € for a CDI or a contrat de projet, 32 000 € for a CDD, the configured amount for a CUI', () => {
    expect(subsidyPerPost('CDI', DEFAULT_SUBSIDY_SETTINGS)).toBe(40_000);
    expect(subsidyPerPost('CONTRAT_PROJET', DEFAULT_SUBSIDY_SETTINGS)).toBe(40_000);
    expect(subsidyPerPost('CDD', DEFAULT_SUBSIDY_SETTINGS)).toBe(32_000);
    expect(subsidyPerPost('CUI', DEFAULT_SUBSIDY_SETTINGS)).toBeNull();
    expect(subsidyPerPost('CUI', cui(15_000))).toBe(15_000);
    expect(subsidyPerPost(null, cui(15_000))).toBeNull();
  });
});

describe('subsidyFor', () => {
  it('multiplies by the posts and deducts the declared aid', () => {
    expect(subsidyFor('CDD', 2, 5000, DEFAULT_SUBSIDY_SETTINGS)).toEqual({ perPost: 32_000, gross: 64_000, aidDeducted: 5000, total: 59_000 });
    expect(subsidyFor('CDI', 3, null, DEFAULT_SUBSIDY_SETTINGS)).toEqual({ perPost: 40_000, gross: 120_000, aidDeducted: 0, total: 120_000 });
    expect(subsidyFor('CUI', 2, 0, cui(18_500.5))).toEqual({ perPost: 18_500.5, gross: 37_001, aidDeducted: 0, total: 37_001 });
  });

  it('keeps cents exact', () => {
    expect(subsidyFor('CDD', 3, 1234.56, DEFAULT_SUBSIDY_SETTINGS)).toEqual({ perPost: 32_000, gross: 96_000, aidDeducted: 1234.56, total: 94_765.44 });
    expect(subsidyFor('CUI', 3, 0.1, cui(10_000.1)).total).toBe(30_000.2);
  });

  it('never deducts more than the gross amount, nor a negative aid, and counts nothing without an amount per post', () => {
    expect(subsidyFor('CDD', 1, 50_000, DEFAULT_SUBSIDY_SETTINGS)).toEqual({ perPost: 32_000, gross: 32_000, aidDeducted: 32_000, total: 0 });
    expect(subsidyFor('CDI', 1, -500, DEFAULT_SUBSIDY_SETTINGS)).toEqual({ perPost: 40_000, gross: 40_000, aidDeducted: 0, total: 40_000 });
    expect(subsidyFor('CUI', 2, 1000, DEFAULT_SUBSIDY_SETTINGS)).toEqual({ perPost: null, gross: 0, aidDeducted: 0, total: 0 });
    expect(subsidyFor(null, 2, null, DEFAULT_SUBSIDY_SETTINGS)).toEqual({ perPost: null, gross: 0, aidDeducted: 0, total: 0 });
    expect(subsidyFor('CDI', 0, 1000, DEFAULT_SUBSIDY_SETTINGS)).toEqual({ perPost: 40_000, gross: 0, aidDeducted: 0, total: 0 });
    expect(subsidyFor('CDI', -2, null, DEFAULT_SUBSIDY_SETTINGS).total).toBe(0);
  });
});

describe('tranches', () => {
  it('pays 20 %, 30 % and 50 %, one, six and twelve months after signature', () => {
    expect(TRANCHES.map((t) => [t.share, t.monthsAfterSignature])).toEqual([
      [0.2, 1],
      [0.3, 6],
      [0.5, 12],
    ]);
    expect(tranchesFor(59_000, '2021-06-15')).toEqual([
      { amount: 11_800, dueDate: '2021-07-15' },
      { amount: 17_700, dueDate: '2021-12-15' },
      { amount: 29_500, dueDate: '2022-06-15' },
    ]);
  });

  it('sums exactly to the total: the last tranche takes the cents', () => {
    const tranches = tranchesFor(94_765.44, null);
    expect(tranches.map((t) => t.amount)).toEqual([18_953.09, 28_429.63, 47_382.72]);
    expect(Math.round(tranches.reduce((s, t) => s + t.amount, 0) * 100)).toBe(9_476_544);
    expect(tranchesFor(0.01, null).map((t) => t.amount)).toEqual([0, 0, 0.01]);
    expect(tranches.every((t) => t.dueDate === null)).toBe(true);
  });

  it('clamps due dates to the end of shorter months', () => {
    expect(tranchesFor(1000, '2022-01-31').map((t) => t.dueDate)).toEqual(['2022-02-28', '2022-07-31', '2023-01-31']);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2021-08-31', 6)).toBe('2022-02-28');
    expect(addMonths('2021-11-15', 14)).toBe('2023-01-15');
    expect(addMonths('2021-01-15', -1)).toBe('2020-12-15');
    expect(addMonths('2021-03-31T10:00:00.000Z', 1)).toBe('2021-04-30');
  });
});
