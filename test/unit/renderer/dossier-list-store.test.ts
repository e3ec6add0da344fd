import { beforeEach, describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  INITIAL_LIST_STATE,
  hasActiveFilters,
  toDossierFilter,
  toDossierQuery,
  useDossierListStore,
} from '../../../renderer/stores/dossier-list-store';

describe('toDossierQuery', () => {
  it('sends only paging and sort when no filter is set', () => {
    expect(toDossierQuery(INITIAL_LIST_STATE)).toEqual({
      sort: { column: 'externalId', direction: 'asc' },
      offset: 0,
      limit: 50,
    });
  });

  it('maps every filter and computes the offset from the page', () => {
    const query = toDossierQuery({
      filters: {
        departments: ['2A', '971'],
        regions: ['94'],
        statuses: ['CREEE'],
        contractTypes: ['CDI', 'NONE'],
        legalForms: ['Association déclarée'],
        warning: 'SIRET_INVALID',
        search: '  médiathèque ',
        opinions: ['FAVORABLE', 'NONE'],
        reviewerId: 3,
        reviewed: 'no',
        minScore: 2.5,
      },
      sort: { column: 'postsRequested', direction: 'desc' },
      page: 3,
      pageSize: 100,
    });
    expect(query).toEqual({
      departments: ['2A', '971'],
      regions: ['94'],
      statuses: ['CREEE'],
      contractTypes: ['CDI', 'NONE'],
      legalForms: ['Association déclarée'],
      warning: 'SIRET_INVALID',
      search: 'médiathèque',
      opinions: ['FAVORABLE', 'NONE'],
      reviewerId: 3,
      reviewed: 'no',
      minScore: 2.5,
      sort: { column: 'postsRequested', direction: 'desc' },
      offset: 200,
      limit: 100,
    });
  });

  it('treats « toutes » alerts and a blank search as no filter', () => {
    expect(toDossierFilter({ ...EMPTY_FILTERS, warning: 'all', search: '   ' })).toEqual({});
    expect(toDossierFilter({ ...EMPTY_FILTERS, warning: 'none' })).toEqual({ warning: 'none' });
    expect(toDossierFilter({ ...EMPTY_FILTERS, warning: 'any' })).toEqual({ warning: 'any' });
  });

  it('sends the review filters only when set, a minimum score of 0 included', () => {
    expect(toDossierFilter({ ...EMPTY_FILTERS, reviewed: 'all', reviewerId: null, minScore: null, opinions: [] })).toEqual({});
    expect(toDossierFilter({ ...EMPTY_FILTERS, minScore: 0 })).toEqual({ minScore: 0 });
    expect(toDossierFilter({ ...EMPTY_FILTERS, reviewed: 'yes' })).toEqual({ reviewed: 'yes' });
  });
});

describe('hasActiveFilters', () => {
  it('is false for the initial filters and true once one is set', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, departments: ['75'] })).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, search: ' ' })).toBe(false);
  });
});

describe('useDossierListStore', () => {
  beforeEach(() => {
    useDossierListStore.setState(INITIAL_LIST_STATE);
  });

  it('goes back to the first page when a filter changes', () => {
    const store = useDossierListStore.getState();
    store.setPage(4);
    store.setFilters({ departments: ['13'] });
    const state = useDossierListStore.getState();
    expect(state.page).toBe(1);
    expect(state.filters.departments).toEqual(['13']);
    expect(state.filters.statuses).toEqual([]);
  });

  it('goes back to the first page when the sort or the page size changes', () => {
    useDossierListStore.getState().setPage(3);
    useDossierListStore.getState().setSort({ column: 'name', direction: 'desc' });
    expect(useDossierListStore.getState().page).toBe(1);

    useDossierListStore.getState().setPage(3);
    useDossierListStore.getState().setPageSize(100);
    expect(useDossierListStore.getState()).toMatchObject({ page: 1, pageSize: 100 });
    expect(toDossierQuery(useDossierListStore.getState())).toMatchObject({ offset: 0, limit: 100 });
  });

  it('keeps sort and page size when filters are reset', () => {
    const store = useDossierListStore.getState();
    store.setSort({ column: 'status', direction: 'asc' });
    store.setFilters({ search: 'Lyon', regions: ['84'] });
    store.setPage(2);
    store.resetFilters();
    const state = useDossierListStore.getState();
    expect(state.filters).toEqual(EMPTY_FILTERS);
    expect(state.page).toBe(1);
    expect(state.sort).toEqual({ column: 'status', direction: 'asc' });
  });
});
