/** UI state of the map page: what is shown and what is picked (data comes from the API, not from here). */
import { create } from 'zustand';
import { DEFAULT_TOLERANCE_PERCENT } from '../../../shared/domain/territory';
import { DEFAULT_MEASURE, type MeasureKey } from './measures';

export type Level = 'department' | 'region';
export type View = 'map' | 'table';

export interface MapViewState {
  measure: MeasureKey;
  level: Level;
  view: View;
  regionOutlines: boolean;
  /** The department (or region, at region level) whose panel is open. */
  selected: string | null;
  /** Departments of the coherence check picked in the list, outlined on the map. */
  highlighted: string[];
  /** Index of that check in the list (to show which one is picked). */
  highlightedCheck: number | null;
  tolerancePercent: number;
  /** Dossiers ticked in the department panel, for the comparison. */
  compareIds: number[];
  setMeasure: (measure: MeasureKey) => void;
  setLevel: (level: Level) => void;
  setView: (view: View) => void;
  setRegionOutlines: (shown: boolean) => void;
  select: (code: string | null) => void;
  highlight: (codes: string[], check: number | null) => void;
  setTolerance: (percent: number) => void;
  toggleCompare: (id: number) => void;
  reset: (state: Partial<Pick<MapViewState, 'measure' | 'level' | 'view' | 'selected'>>) => void;
}

export const COMPARE_LIMIT = 4;

export const useMapViewStore = create<MapViewState>((set) => ({
  measure: DEFAULT_MEASURE,
  level: 'department',
  view: 'map',
  regionOutlines: false,
  selected: null,
  highlighted: [],
  highlightedCheck: null,
  tolerancePercent: DEFAULT_TOLERANCE_PERCENT,
  compareIds: [],
  setMeasure: (measure) => set({ measure }),
  // A region code means nothing at department level and the other way round.
  setLevel: (level) => set((state) => (state.level === level ? state : { level, selected: null, compareIds: [] })),
  setView: (view) => set({ view }),
  setRegionOutlines: (regionOutlines) => set({ regionOutlines }),
  select: (selected) => set((state) => (state.selected === selected ? state : { selected, compareIds: [] })),
  highlight: (highlighted, highlightedCheck) => set({ highlighted, highlightedCheck }),
  setTolerance: (tolerancePercent) => set({ tolerancePercent, highlighted: [], highlightedCheck: null }),
  toggleCompare: (id) =>
    set((state) => {
      if (state.compareIds.includes(id)) return { compareIds: state.compareIds.filter((other) => other !== id) };
      return state.compareIds.length >= COMPARE_LIMIT ? state : { compareIds: [...state.compareIds, id] };
    }),
  reset: (partial) => set({ measure: DEFAULT_MEASURE, level: 'department', view: 'map', selected: null, highlighted: [], highlightedCheck: null, compareIds: [], ...partial }),
}));
