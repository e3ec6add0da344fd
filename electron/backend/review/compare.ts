/** Side-by-side comparison: each dossier's detail, current opinion and scores. */
import type { ComparisonItem } from '../../../shared/domain/review';
import type { SqliteDb } from '../db/sqlite';
import { getDossierDetail } from '../dossiers/dossier-queries';
import { currentOpinion } from './opinions';
import { dossierScores } from './scores';

export function compareDossiers(db: SqliteDb, ids: readonly number[]): ComparisonItem[] {
  return ids.map((id) => ({ dossier: getDossierDetail(db, id), opinion: currentOpinion(db, id), scores: dossierScores(db, id) }));
}
