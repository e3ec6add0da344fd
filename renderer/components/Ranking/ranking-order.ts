/**
 * A department's priority order while the user edits it: moves, and the running total of posts
 * supported against the target recomputed at once (the backend recomputes the same on save).
 */
import type { RankingEntry } from '../../../shared/domain/review';

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/**
 * Index to move to when dropping onto row `over`, in the upper (`before`) or lower half:
 * accounts for the dragged row leaving its place first.
 */
export function dropIndex(from: number, over: number, before: boolean): number {
  const slot = before ? over : over + 1;
  return slot > from ? slot - 1 : slot;
}

export interface RankedRow extends RankingEntry {
  /** Position in the edited order, from 1. */
  position: number;
  /** Counts towards the running total (a current favourable opinion). */
  counts: boolean;
  overTarget: boolean;
  /** The first row whose running total goes beyond the target. */
  crossesTarget: boolean;
}

/** Like the backend: only current favourable opinions add their posts supported to the running total. */
export function withRunningTotals(entries: readonly RankingEntry[], target: number | null): RankedRow[] {
  let cumulative = 0;
  let crossed = false;
  return entries.map((entry, index) => {
    const counts = entry.opinion === 'FAVORABLE';
    if (counts) cumulative += entry.postsSupported;
    const overTarget = target !== null && cumulative > target;
    const crossesTarget = overTarget && !crossed;
    if (overTarget) crossed = true;
    return { ...entry, position: index + 1, counts, cumulativeSupported: cumulative, overTarget, crossesTarget };
  });
}

export function orderOf(entries: readonly Pick<RankingEntry, 'dossierId'>[]): number[] {
  return entries.map((entry) => entry.dossierId);
}

export function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** Entries in the order given by ids (ids unknown to the entries are skipped). */
export function arrange(entries: readonly RankingEntry[], order: readonly number[]): RankingEntry[] {
  const byId = new Map(entries.map((entry) => [entry.dossierId, entry]));
  const arranged = order.map((id) => byId.get(id)).filter((entry): entry is RankingEntry => entry !== undefined);
  const placed = new Set(order);
  return [...arranged, ...entries.filter((entry) => !placed.has(entry.dossierId))];
}
