/**
 * Dossiers ticked in the list, kept across pages, filters and navigation so that the
 * comparison and the bulk opinion act on exactly what the user picked.
 */
import { create } from 'zustand';
import type { DossierSummary } from '../../shared/domain/dossier';
import { COMPARE_MAX, COMPARE_MIN } from '../../shared/domain/review';

export { COMPARE_MAX, COMPARE_MIN };

interface SelectionState {
  /** In the order the user ticked them: the comparison shows them in that order. */
  selected: DossierSummary[];
  setSelected: (rows: DossierSummary[]) => void;
  remove: (id: number) => void;
  clear: () => void;
}

export function canCompare(count: number): boolean {
  return count >= COMPARE_MIN && count <= COMPARE_MAX;
}

/** Drops repeated ids (the table may hand back a row already held from another page). */
export function uniqueById(rows: readonly DossierSummary[]): DossierSummary[] {
  const seen = new Set<number>();
  return rows.filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)));
}

export const useSelectionStore = create<SelectionState>((set) => ({
  selected: [],
  setSelected: (rows) => set({ selected: uniqueById(rows) }),
  remove: (id) => set((state) => ({ selected: state.selected.filter((row) => row.id !== id) })),
  clear: () => set({ selected: [] }),
}));
