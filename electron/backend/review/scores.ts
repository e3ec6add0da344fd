/** Scores: a new row per save, the latest per reviewer counts; the dossier's aggregate follows. */
import { ApiError } from '../../../shared/api/contract';
import type { DossierScores, ScoreInput, UserProfile } from '../../../shared/domain/review';
import { validateScore } from '../../../shared/domain/review-rules';
import type { Store } from '../db/store';
import type { DbReader } from './db-reader';
import { currentGrid, gridsById } from './grids';
import { aggregateSheets, currentSheets, refreshScoreState } from './score-state';

export function dossierScores(db: DbReader, dossierId: number): DossierScores {
  const { aggregate, reviewers } = aggregateSheets(currentSheets(db, dossierId), gridsById(db), currentGrid(db));
  return { dossierId, reviewers, aggregate: aggregate.aggregate, spread: aggregate.spread, perCriterion: aggregate.perCriterion };
}

export function recordScore(store: Store, reviewer: UserProfile, input: ScoreInput): DossierScores {
  const grids = gridsById(store.db);
  const grid = grids.get(input.gridId);
  if (!grid) throw new ApiError('VALIDATION', `La grille de notation n° ${input.gridId} n’existe pas : rechargez la grille et notez à nouveau.`);
  const errors = validateScore(input, grid);
  if (errors.length > 0) throw new ApiError('VALIDATION', errors.join(' '), { errors });
  // Only the grid's criteria, in its order: the stored sheet reads the same whatever the client sent.
  const values = Object.fromEntries(grid.criteria.map((c) => [c.key, input.values[c.key] ?? null]));
  const comment = input.comment?.trim() || null;
  const now = new Date().toISOString();
  store.write({ action: 'scores:record', user: reviewer.name, summary: { dossierId: input.dossierId, gridVersion: grid.version } }, (tx) => {
    tx.run('UPDATE scores SET current = 0 WHERE dossier_id = ? AND reviewer_id = ? AND current = 1', [input.dossierId, reviewer.id]);
    tx.run('INSERT INTO scores (dossier_id, reviewer_id, reviewer_name, grid_id, criteria_values, comment, created_at, current, journal_seq) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)', [
      input.dossierId,
      reviewer.id,
      reviewer.name,
      grid.id,
      JSON.stringify(values),
      comment,
      now,
      tx.journalSeq(),
    ]);
    refreshScoreState(tx, input.dossierId, grids, currentGrid(tx));
  });
  return dossierScores(store.db, input.dossierId);
}
