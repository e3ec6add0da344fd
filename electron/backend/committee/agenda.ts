/** A session's agenda: dossiers added by id or by filter, removed, reordered. */
import { ApiError, type DossierFilter } from '../../../shared/api/contract';
import type { UserProfile } from '../../../shared/domain/review';
import { frenchNumber } from '../../../shared/domain/french-format';
import type { Store } from '../db/store';
import type { SqlParam } from '../db/sqlite';
import { whereClause } from '../dossiers/dossier-filter';
import type { DbReader } from '../review/db-reader';
import { appendHistory } from './history';
import { loadSession, requirePreparable, sessionLabel } from './session-rows';

/** A committee examines at most a few hundred dossiers a session; beyond this the agenda is a mistake. */
export const AGENDA_MAX = 2000;

export interface AddResult {
  added: number;
  skipped: number;
}

/**
 * Dossiers this agenda must not take: those already on it, those waiting undecided on the agenda
 * of another planned or running session, and those a committee session already decided for good
 * (approved or refused: their current committee decision is final). Further review is not final:
 * those dossiers come back.
 */
function skippedIds(db: DbReader, sessionId: number): Set<number> {
  const rows = db.all<{ dossier_id: number }>(
    `SELECT dossier_id FROM agenda_items WHERE session_id = ?
     UNION SELECT a.dossier_id FROM agenda_items a JOIN committee_sessions s ON s.id = a.session_id
       WHERE a.session_id <> ? AND s.status IN ('PLANNED', 'IN_PROGRESS')
         AND NOT EXISTS (SELECT 1 FROM decisions x WHERE x.session_id = a.session_id AND x.dossier_id = a.dossier_id)
     UNION SELECT d.dossier_id FROM decisions d
       WHERE d.session_id IS NOT NULL AND d.session_id <> ? AND d.decision IN ('POSITIF', 'NEGATIF')
         AND d.id = (SELECT max(id) FROM decisions WHERE dossier_id = d.dossier_id AND session_id IS NOT NULL)`,
    [sessionId, sessionId, sessionId],
  );
  return new Set(rows.map((r) => r.dossier_id));
}

export function addToAgenda(store: Store, author: UserProfile, sessionId: number, dossierIds: readonly number[], how: string): AddResult {
  const db = store.db;
  const session = loadSession(db, sessionId);
  requirePreparable(session, 'modifier son ordre du jour');
  const unique = [...new Set(dossierIds)];
  const skip = skippedIds(db, sessionId);
  const toAdd = unique.filter((id) => !skip.has(id));
  const result = { added: toAdd.length, skipped: dossierIds.length - toAdd.length };
  if (toAdd.length === 0) return result;
  const count = db.value<number>('SELECT count(*) FROM agenda_items WHERE session_id = ?', [sessionId]) ?? 0;
  if (count + toAdd.length > AGENDA_MAX) {
    throw new ApiError(
      'VALIDATION',
      `L’ordre du jour de la séance ${sessionLabel(session.number)} compterait ${frenchNumber(count + toAdd.length)} dossiers : ${frenchNumber(AGENDA_MAX)} au plus. Affinez le filtre.`,
    );
  }
  const at = new Date().toISOString();
  store.write({ action: 'agenda:add', user: author.name, summary: { sessionId, added: toAdd.length, how } }, (tx) => {
    toAdd.forEach((dossierId, i) => {
      tx.run('INSERT INTO agenda_items (session_id, dossier_id, position, carried_over_from, added_by, added_at) VALUES (?, ?, ?, NULL, ?, ?)', [
        sessionId,
        dossierId,
        count + i + 1,
        author.name,
        at,
      ]);
    });
    appendHistory(tx, {
      sessionId,
      at,
      by: author.name,
      action: 'agenda:add',
      summary: `${toAdd.length} dossier(s) ajouté(s) à l’ordre du jour (${how})${result.skipped > 0 ? `, ${result.skipped} ignoré(s)` : ''}`,
      before: null,
      after: { dossierIds: toAdd },
    });
  });
  return result;
}

/**
 * `readyForDecision`: a current opinion, no final decision yet (none, or further review), and not
 * withdrawn (abandoned, cancelled, duplicate). Ordered by department then name.
 */
export function dossiersMatching(db: DbReader, filter: DossierFilter, readyForDecision: boolean): number[] {
  const { sql, params } = whereClause(filter);
  const clauses = sql === '' ? [] : [sql.replace(/^WHERE /, '')];
  const all: SqlParam[] = [...params];
  if (readyForDecision) {
    clauses.push(
      'd.review_opinion IS NOT NULL',
      "d.status NOT IN ('ABANDON', 'ANNULEE', 'DOUBLON')",
      "coalesce((SELECT decision FROM decisions WHERE dossier_id = d.id ORDER BY id DESC LIMIT 1), 'EXAMEN_COMPLEMENTAIRE') = 'EXAMEN_COMPLEMENTAIRE'",
    );
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  return db.all<{ id: number }>(`SELECT d.id FROM dossiers d ${where} ORDER BY d.department_code, d.sort_name, d.id`, all).map((r) => r.id);
}

export function removeFromAgenda(store: Store, author: UserProfile, sessionId: number, dossierId: number): void {
  const db = store.db;
  const session = loadSession(db, sessionId);
  requirePreparable(session, 'modifier son ordre du jour');
  const item = db.get<{ external_id: string }>(
    'SELECT d.external_id FROM agenda_items a JOIN dossiers d ON d.id = a.dossier_id WHERE a.session_id = ? AND a.dossier_id = ?',
    [sessionId, dossierId],
  );
  if (!item) throw new ApiError('NOT_FOUND', `Le dossier n° ${dossierId} n’est pas à l’ordre du jour de la séance ${sessionLabel(session.number)}.`);
  if ((db.value<number>('SELECT count(*) FROM decisions WHERE session_id = ? AND dossier_id = ?', [sessionId, dossierId]) ?? 0) > 0) {
    throw new ApiError('VALIDATION', `Une décision a été enregistrée sur le dossier ${item.external_id} pendant cette séance : il reste à l’ordre du jour.`);
  }
  const at = new Date().toISOString();
  store.write({ action: 'agenda:remove', user: author.name, summary: { sessionId, dossierId } }, (tx) => {
    tx.run('DELETE FROM agenda_items WHERE session_id = ? AND dossier_id = ?', [sessionId, dossierId]);
    const rest = tx.all<{ dossier_id: number }>('SELECT dossier_id FROM agenda_items WHERE session_id = ? ORDER BY position', [sessionId]);
    rest.forEach((r, i) => tx.run('UPDATE agenda_items SET position = ? WHERE session_id = ? AND dossier_id = ?', [i + 1, sessionId, r.dossier_id]));
    appendHistory(tx, { sessionId, dossierId, at, by: author.name, action: 'agenda:remove', summary: `Dossier ${item.external_id} retiré de l’ordre du jour`, before: { dossierId }, after: null });
  });
}

export function reorderAgenda(store: Store, author: UserProfile, sessionId: number, order: readonly number[]): void {
  const db = store.db;
  const session = loadSession(db, sessionId);
  requirePreparable(session, 'modifier son ordre du jour');
  const current = db.all<{ dossier_id: number }>('SELECT dossier_id FROM agenda_items WHERE session_id = ? ORDER BY position', [sessionId]).map((r) => r.dossier_id);
  const sameSet = order.length === current.length && new Set(order).size === order.length && order.every((id) => current.includes(id));
  if (!sameSet) throw new ApiError('VALIDATION', `Le nouvel ordre doit reprendre une fois chacun des ${current.length} dossiers de l’ordre du jour, et eux seuls.`);
  if (order.every((id, i) => current[i] === id)) return;
  const at = new Date().toISOString();
  store.write({ action: 'agenda:reorder', user: author.name, summary: { sessionId, count: order.length } }, (tx) => {
    order.forEach((dossierId, i) => tx.run('UPDATE agenda_items SET position = ? WHERE session_id = ? AND dossier_id = ?', [i + 1, sessionId, dossierId]));
    appendHistory(tx, { sessionId, at, by: author.name, action: 'agenda:reorder', summary: 'Ordre du jour réordonné', before: { order: current }, after: { order } });
  });
}
