/**
 * UI state of the dossier list: filters, sort and page. It lives in a module-level store so
 * going to a dossier and back keeps the list exactly where the user left it.
 */
import { create } from 'zustand';
import type { DossierFilter, DossierQuery, DossierSortColumn } from '../../shared/api/contract';
import type { ContractType, DossierStatus } from '../../shared/domain/dossier';
import type { OpinionKind } from '../../shared/domain/review';

/** 'all', 'any' (with at least one alert), 'none', or a warning code. */
export type WarningFilter = string;

export interface DossierListFilters {
  departments: string[];
  regions: string[];
  statuses: DossierStatus[];
  contractTypes: (ContractType | 'NONE')[];
  legalForms: string[];
  warning: WarningFilter;
  search: string;
  /** 'NONE': dossiers without an opinion yet. */
  opinions: (OpinionKind | 'NONE')[];
  /** Profile id: dossiers this reviewer scored or gave an opinion on. */
  reviewerId: number | null;
  reviewed: 'all' | 'yes' | 'no';
  minScore: number | null;
}

export interface DossierSort {
  column: DossierSortColumn;
  direction: 'asc' | 'desc';
}

export const PAGE_SIZES = [50, 100] as const;

export interface DossierListState {
  filters: DossierListFilters;
  sort: DossierSort;
  page: number;
  pageSize: number;
}

interface DossierListActions {
  setFilters: (patch: Partial<DossierListFilters>) => void;
  setSort: (sort: DossierSort) => void;
  setPage: (page: number) => void;
  setPageSize: (pageSize: number) => void;
  resetFilters: () => void;
}

export const EMPTY_FILTERS: DossierListFilters = {
  departments: [],
  regions: [],
  statuses: [],
  contractTypes: [],
  legalForms: [],
  warning: 'all',
  search: '',
  opinions: [],
  reviewerId: null,
  reviewed: 'all',
  minScore: null,
};

export const INITIAL_LIST_STATE: DossierListState = {
  filters: EMPTY_FILTERS,
  sort: { column: 'externalId', direction: 'asc' },
  page: 1,
  pageSize: PAGE_SIZES[0],
};

/** Only the criteria actually set are sent, so the backend sees a minimal filter. */
export function toDossierFilter(filters: DossierListFilters): DossierFilter {
  const filter: DossierFilter = {};
  if (filters.departments.length > 0) filter.departments = filters.departments;
  if (filters.regions.length > 0) filter.regions = filters.regions;
  if (filters.statuses.length > 0) filter.statuses = filters.statuses;
  if (filters.contractTypes.length > 0) filter.contractTypes = filters.contractTypes;
  if (filters.legalForms.length > 0) filter.legalForms = filters.legalForms;
  if (filters.warning !== 'all') filter.warning = filters.warning;
  const search = filters.search.trim();
  if (search !== '') filter.search = search;
  if (filters.opinions.length > 0) filter.opinions = filters.opinions;
  if (filters.reviewerId !== null) filter.reviewerId = filters.reviewerId;
  if (filters.reviewed !== 'all') filter.reviewed = filters.reviewed;
  if (filters.minScore !== null) filter.minScore = filters.minScore;
  return filter;
}

export function toDossierQuery(state: DossierListState): DossierQuery {
  return {
    ...toDossierFilter(state.filters),
    sort: state.sort,
    offset: (state.page - 1) * state.pageSize,
    limit: state.pageSize,
  };
}

export function hasActiveFilters(filters: DossierListFilters): boolean {
  return Object.keys(toDossierFilter(filters)).length > 0;
}

export const useDossierListStore = create<DossierListState & DossierListActions>((set) => ({
  ...INITIAL_LIST_STATE,
  // Any change of criteria or order invalidates the page number: back to the first page.
  setFilters: (patch) => set((state) => ({ filters: { ...state.filters, ...patch }, page: 1 })),
  setSort: (sort) => set({ sort, page: 1 }),
  setPage: (page) => set({ page }),
  setPageSize: (pageSize) => set({ pageSize, page: 1 }),
  resetFilters: () => set({ filters: EMPTY_FILTERS, page: 1 }),
}));
