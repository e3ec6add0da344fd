/**
 * Reviewers' current score sheets and the per-dossier aggregate kept on the dossier row
 * (`review_score`, `review_reviewers`), recomputed in the transaction of every write that moves it.
 */
import { aggregateScores, type ReviewerScore, type ScoreAggregate, type ScoringGrid } from '../../../shared/domain/review';
import type { WriteTx } from '../db/store';
import type { DbReader } from './db-reader';

export interface SheetRow {
  id: number;
  dossier_id: number;
  reviewer_id: number;
  reviewer_name: string;
  grid_id: number;
  criteria_values: string;
  comment: string | null;
  created_at: string;
}

const SHEET_COLUMNS = 'id, dossier_id, reviewer_id, reviewer_name, grid_id, criteria_values, comment, created_at';

/** Each reviewer's latest sheet, oldest first (the order reviewers joined in). */
export function currentSheets(db: DbReader, dossierId: number): SheetRow[] {
  return db.all<SheetRow>(`SELECT ${SHEET_COLUMNS} FROM scores WHERE dossier_id = ? AND current = 1 ORDER BY id`, [dossierId]);
}

function gridOf(grids: ReadonlyMap<number, ScoringGrid>, id: number): ScoringGrid {
  const grid = grids.get(id);
  if (!grid) throw new Error(`Score sheet on unknown grid ${id}`);
  return grid;
}

export function aggregateSheets(rows: readonly SheetRow[], grids: ReadonlyMap<number, ScoringGrid>, current: ScoringGrid): { aggregate: ScoreAggregate; reviewers: ReviewerScore[] } {
  const sheets = rows.map((r) => ({ row: r, grid: gridOf(grids, r.grid_id), values: JSON.parse(r.criteria_values) as Record<string, number | null> }));
  const aggregate = aggregateScores(current, sheets);
  const reviewers = sheets.map(({ row, grid, values }, i) => ({
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    gridId: grid.id,
    gridVersion: grid.version,
    values,
    comment: row.comment,
    weightedMean: aggregate.means[i] ?? null,
    at: row.created_at,
  }));
  return { aggregate, reviewers };
}

function writeState(tx: WriteTx, dossierId: number, score: number | null, reviewers: number): void {
  tx.run('UPDATE dossiers SET review_score = ?, review_reviewers = ? WHERE id = ?', [score, reviewers, dossierId]);
}

export function refreshScoreState(tx: WriteTx, dossierId: number, grids: ReadonlyMap<number, ScoringGrid>, current: ScoringGrid): void {
  const rows = currentSheets(tx, dossierId);
  writeState(tx, dossierId, aggregateSheets(rows, grids, current).aggregate.aggregate, rows.length);
}

/** After a change of scale: every scored dossier's aggregate, re-expressed on the current grid. */
export function refreshAllScoreStates(tx: WriteTx, grids: ReadonlyMap<number, ScoringGrid>, current: ScoringGrid): void {
  const byDossier = new Map<number, SheetRow[]>();
  for (const row of tx.all<SheetRow>(`SELECT ${SHEET_COLUMNS} FROM scores WHERE current = 1 ORDER BY dossier_id, id`)) {
    const list = byDossier.get(row.dossier_id) ?? [];
    list.push(row);
    byDossier.set(row.dossier_id, list);
  }
  for (const [dossierId, rows] of byDossier) writeState(tx, dossierId, aggregateSheets(rows, grids, current).aggregate.aggregate, rows.length);
}
