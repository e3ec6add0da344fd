import type { ApiError } from '../../shared/api/contract';
import type { ScoringGrid } from '../../shared/domain/review';
import { useApiQuery } from './use-api-query';

const EMPTY_REQUEST = {};
const GRID_TABLES: readonly string[] = ['grids'];

/** The grid flagged current (the backend always has one: the migration installs version 1). */
export function currentGridOf(grids: readonly ScoringGrid[] | undefined): ScoringGrid | undefined {
  if (!grids || grids.length === 0) return undefined;
  return grids.find((grid) => grid.current) ?? grids.reduce((best, grid) => (grid.version > best.version ? grid : best));
}

export function useCurrentGrid(): { data: ScoringGrid | undefined; error: ApiError | null; all: ScoringGrid[] } {
  const grids = useApiQuery('grids:list', EMPTY_REQUEST, GRID_TABLES);
  return { data: currentGridOf(grids.data), error: grids.error, all: grids.data ?? [] };
}
