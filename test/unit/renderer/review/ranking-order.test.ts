import { describe, expect, it } from 'vitest';
import { arrange, dropIndex, moveItem, orderOf, sameOrder, withRunningTotals } from '../../../../renderer/components/Ranking/ranking-order';
import type { RankingEntry } from '../../../../shared/domain/review';

function entry(dossierId: number, opinion: RankingEntry['opinion'], postsSupported: number): RankingEntry {
  return { dossierId, externalId: String(1000 + dossierId), name: `Dossier ${dossierId}`, rank: dossierId, postsRequested: 3, opinion, postsSupported, cumulativeSupported: 0, aggregate: null };
}

describe('moveItem', () => {
  it('moves one element and keeps the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('clamps the destination and ignores an unknown origin', () => {
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['b', 'a']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 4, 0)).toEqual(['a', 'b']);
  });
});

describe('dropIndex', () => {
  it('accounts for the dragged row leaving its place', () => {
    // Row 0 dropped in the lower half of row 2 lands after it: index 2 once row 0 is gone.
    expect(dropIndex(0, 2, false)).toBe(2);
    expect(dropIndex(0, 2, true)).toBe(1);
    // Row 3 dropped on the upper half of row 1 takes its place.
    expect(dropIndex(3, 1, true)).toBe(1);
    expect(dropIndex(3, 1, false)).toBe(2);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, dropIndex(0, 2, false))).toEqual(['b', 'c', 'a', 'd']);
  });
});

describe('withRunningTotals', () => {
  const entries = [entry(1, 'FAVORABLE', 2), entry(2, 'DEFAVORABLE', 0), entry(3, 'FAVORABLE', 3), entry(4, 'EXAMEN_COMPLEMENTAIRE', 2), entry(5, 'FAVORABLE', 1)];

  it('adds up the posts of favourable opinions only, row by row', () => {
    const rows = withRunningTotals(entries, null);
    expect(rows.map((row) => row.cumulativeSupported)).toEqual([2, 2, 5, 5, 6]);
    expect(rows.map((row) => row.counts)).toEqual([true, false, true, false, true]);
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.some((row) => row.overTarget)).toBe(false);
  });

  it('marks the rows beyond the target and the first one that crosses it', () => {
    const rows = withRunningTotals(entries, 4);
    expect(rows.map((row) => row.overTarget)).toEqual([false, false, true, true, true]);
    expect(rows.map((row) => row.crossesTarget)).toEqual([false, false, true, false, false]);
  });

  it('reaching the target exactly is not beyond it', () => {
    expect(withRunningTotals(entries, 6).some((row) => row.overTarget)).toBe(false);
  });

  it('follows the edited order', () => {
    const reordered = arrange(entries, [3, 1, 2, 4, 5]);
    expect(orderOf(reordered)).toEqual([3, 1, 2, 4, 5]);
    expect(withRunningTotals(reordered, 4).map((row) => row.cumulativeSupported)).toEqual([3, 5, 5, 5, 6]);
  });
});

describe('arrange and sameOrder', () => {
  it('appends entries the order does not mention, and skips unknown ids', () => {
    const entries = [entry(1, null, 0), entry(2, null, 0), entry(3, null, 0)];
    expect(orderOf(arrange(entries, [3, 99, 1]))).toEqual([3, 1, 2]);
    expect(sameOrder([1, 2], [1, 2])).toBe(true);
    expect(sameOrder([1, 2], [2, 1])).toBe(false);
    expect(sameOrder([1], [1, 2])).toBe(false);
  });
});
