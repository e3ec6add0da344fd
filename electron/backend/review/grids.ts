/** Scoring grids: every saved version is a new row; the highest version is the current grid. */
import { ApiError } from '../../../shared/api/contract';
import type { GridCriterion, GridInput, ScoringGrid, UserProfile } from '../../../shared/domain/review';
import { validateGrid } from '../../../shared/domain/review-rules';
import type { Store } from '../db/store';
import type { DbReader } from './db-reader';
import { refreshAllScoreStates } from './score-state';

interface GridRow {
  id: number;
  version: number;
  name: string;
  scale_min: number;
  scale_max: number;
  criteria: string;
  created_at: string;
  created_by: string;
}

const GRID_COLUMNS = 'id, version, name, scale_min, scale_max, criteria, created_at, created_by';

function toGrid(row: GridRow, currentVersion: number): ScoringGrid {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    scaleMin: row.scale_min,
    scaleMax: row.scale_max,
    criteria: JSON.parse(row.criteria) as GridCriterion[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    current: row.version === currentVersion,
  };
}

/** Newest first. The migration installs version 1, so there is always at least one grid. */
export function listGrids(db: DbReader): ScoringGrid[] {
  const rows = db.all<GridRow>(`SELECT ${GRID_COLUMNS} FROM grids ORDER BY version DESC`);
  const currentVersion = rows[0]?.version ?? 0;
  return rows.map((r) => toGrid(r, currentVersion));
}

export function currentGrid(db: DbReader): ScoringGrid {
  const row = db.get<GridRow>(`SELECT ${GRID_COLUMNS} FROM grids ORDER BY version DESC LIMIT 1`);
  if (!row) throw new Error('No scoring grid: migration 002 installs one');
  return toGrid(row, row.version);
}

/** Every version by id: scores are read with the version they were made with. */
export function gridsById(db: DbReader): Map<number, ScoringGrid> {
  return new Map(listGrids(db).map((g) => [g.id, g]));
}

function normalise(input: GridInput): GridInput {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return {
    name: text(input.name),
    scaleMin: input.scaleMin,
    scaleMax: input.scaleMax,
    criteria: (Array.isArray(input.criteria) ? input.criteria : []).map((c) => ({ key: text(c.key), label: text(c.label), description: text(c.description), weight: c.weight })),
  };
}

/** A new version; when the scale changes, every dossier's aggregate is re-expressed on the new one. */
export function saveGrid(store: Store, author: UserProfile, request: GridInput): ScoringGrid {
  const input = normalise(request);
  const errors = validateGrid(input);
  if (errors.length > 0) throw new ApiError('VALIDATION', errors.join(' '), { errors });
  const now = new Date().toISOString();
  return store.write({ action: 'grids:save', user: author.name, summary: { name: input.name, criteria: input.criteria.length } }, (tx) => {
    const previous = currentGrid(tx);
    const id = (tx.value<number>('SELECT max(id) FROM grids') ?? 0) + 1;
    const version = previous.version + 1;
    tx.run(`INSERT INTO grids (${GRID_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [id, version, input.name, input.scaleMin, input.scaleMax, JSON.stringify(input.criteria), now, author.name]);
    const saved = currentGrid(tx);
    if (previous.scaleMin !== input.scaleMin || previous.scaleMax !== input.scaleMax) refreshAllScoreStates(tx, gridsById(tx), saved);
    return saved;
  });
}
