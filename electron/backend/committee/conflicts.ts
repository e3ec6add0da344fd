/**
 * Conflicts of interest: a member declares one on a dossier, a structure (SIRET) or a national
 * network; on every matching agenda item that member is recused and leaves the vote base.
 */
import { ApiError } from '../../../shared/api/contract';
import type { Conflict } from '../../../shared/domain/committee';
import type { UserProfile } from '../../../shared/domain/review';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { appendHistory } from './history';
import { loadSession, requirePreparable } from './session-rows';

export const CONFLICT_NOTE_MAX = 500;

interface ConflictRow {
  id: number;
  session_id: number;
  member_id: number;
  member_name: string;
  dossier_id: number | null;
  siret: string | null;
  network_name: string | null;
  note: string;
  declared_by: string;
  declared_at: string;
}

const toConflict = (r: ConflictRow): Conflict => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  dossierId: r.dossier_id,
  siret: r.siret,
  networkName: r.network_name,
  note: r.note,
  declaredBy: r.declared_by,
  declaredAt: r.declared_at,
});

export function sessionConflicts(db: DbReader, sessionId: number): Conflict[] {
  return db
    .all<ConflictRow>('SELECT c.*, m.name AS member_name FROM conflicts c JOIN committee_members m ON m.id = c.member_id WHERE c.session_id = ? ORDER BY c.id', [sessionId])
    .map(toConflict);
}

export const siretKey = (siret: string | null) => (siret ?? '').replace(/\D/g, '');
/** Network names as people type them: case, accents and spacing ignored. */
export const networkKey = (name: string | null) =>
  (name ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface RecusalSubject {
  dossierId: number;
  siret: string | null;
  networkName: string | null;
}

/** The members (of the session) recused on an item, each once, in member id order. */
export function recusedOn(subject: RecusalSubject, conflicts: readonly Conflict[], memberIds: ReadonlySet<number>): number[] {
  const siret = siretKey(subject.siret);
  const network = networkKey(subject.networkName);
  const recused = new Set<number>();
  for (const c of conflicts) {
    if (!memberIds.has(c.memberId)) continue;
    const matches =
      (c.dossierId !== null && c.dossierId === subject.dossierId) ||
      (c.siret !== null && siret !== '' && siretKey(c.siret) === siret) ||
      (c.networkName !== null && network !== '' && networkKey(c.networkName) === network);
    if (matches) recused.add(c.memberId);
  }
  return [...recused].sort((a, b) => a - b);
}

export interface ConflictRequest {
  sessionId: number;
  memberId: number;
  dossierId?: number;
  siret?: string;
  networkName?: string;
  note: string;
}

function conflictSubjectText(db: DbReader, c: { dossierId: number | null; siret: string | null; networkName: string | null }): string {
  if (c.dossierId !== null) {
    const d = db.get<{ external_id: string; name: string | null }>('SELECT external_id, name FROM dossiers WHERE id = ?', [c.dossierId]);
    return `le dossier ${d?.external_id ?? c.dossierId}${d?.name ? ` (${d.name})` : ''}`;
  }
  if (c.siret !== null) return `la structure SIRET ${c.siret}`;
  return `le réseau national « ${c.networkName ?? ''} »`;
}

export function declareConflict(store: Store, author: UserProfile, request: ConflictRequest): void {
  const db = store.db;
  const session = loadSession(db, request.sessionId);
  requirePreparable(session, 'déclarer un conflit d’intérêts');
  const member = db.get<{ name: string }>(
    'SELECT m.name FROM session_members sm JOIN committee_members m ON m.id = sm.member_id WHERE sm.session_id = ? AND sm.member_id = ?',
    [session.id, request.memberId],
  );
  if (!member) throw new ApiError('VALIDATION', `Le membre n° ${request.memberId} ne siège pas à cette séance : ajoutez-le d’abord à ses membres.`);
  const given = [request.dossierId, request.siret, request.networkName].filter((v) => v !== undefined && v !== null);
  if (given.length !== 1) throw new ApiError('VALIDATION', 'Un conflit d’intérêts porte sur un seul objet : un dossier, une structure (SIRET) ou un réseau national.');
  const dossierId = request.dossierId ?? null;
  const siret = request.siret === undefined ? null : siretKey(request.siret);
  const networkName = request.networkName === undefined ? null : request.networkName.trim().replace(/\s+/g, ' ');
  const note = request.note.trim();
  if (dossierId !== null && db.value<number>('SELECT count(*) FROM dossiers WHERE id = ?', [dossierId]) === 0) {
    throw new ApiError('NOT_FOUND', `Le dossier n° ${dossierId} n’existe pas dans cette base.`);
  }
  if (siret !== null && siret.length !== 14) throw new ApiError('VALIDATION', `Le SIRET « ${request.siret} » doit compter 14 chiffres.`);
  if (networkName !== null && networkName.length < 2) throw new ApiError('VALIDATION', 'Indiquez le nom du réseau national.');
  if (note.length > CONFLICT_NOTE_MAX) throw new ApiError('VALIDATION', `La note du conflit d’intérêts compte au plus ${CONFLICT_NOTE_MAX} caractères.`);
  const subject = { dossierId, siret, networkName };
  const duplicate = sessionConflicts(db, session.id).find(
    (c) =>
      c.memberId === request.memberId &&
      ((dossierId !== null && c.dossierId === dossierId) || (siret !== null && c.siret === siret) || (networkName !== null && c.networkName !== null && networkKey(c.networkName) === networkKey(networkName))),
  );
  if (duplicate) throw new ApiError('VALIDATION', `${member.name} a déjà déclaré un conflit d’intérêts sur ${conflictSubjectText(db, subject)}.`);
  const at = new Date().toISOString();
  store.write({ action: 'conflicts:declare', user: author.name, summary: { sessionId: session.id, memberId: request.memberId, ...subject } }, (tx) => {
    tx.run('INSERT INTO conflicts (session_id, member_id, dossier_id, siret, network_name, note, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      session.id,
      request.memberId,
      dossierId,
      siret,
      networkName,
      note,
      author.name,
      at,
    ]);
    appendHistory(tx, {
      sessionId: session.id,
      dossierId,
      at,
      by: author.name,
      action: 'conflicts:declare',
      summary: `Conflit d’intérêts déclaré : ${member.name} sur ${conflictSubjectText(db, subject)}`,
      before: null,
      after: { memberId: request.memberId, ...subject, note },
    });
  });
}

export function removeConflict(store: Store, author: UserProfile, sessionId: number, conflictId: number): void {
  const db = store.db;
  const session = loadSession(db, sessionId);
  requirePreparable(session, 'retirer un conflit d’intérêts');
  const conflict = sessionConflicts(db, sessionId).find((c) => c.id === conflictId);
  if (!conflict) throw new ApiError('NOT_FOUND', `Le conflit d’intérêts n° ${conflictId} n’existe pas dans cette séance.`);
  const at = new Date().toISOString();
  store.write({ action: 'conflicts:remove', user: author.name, summary: { sessionId, conflictId } }, (tx) => {
    tx.run('DELETE FROM conflicts WHERE id = ?', [conflictId]);
    appendHistory(tx, {
      sessionId,
      dossierId: conflict.dossierId,
      at,
      by: author.name,
      action: 'conflicts:remove',
      summary: `Conflit d’intérêts retiré : ${conflict.memberName} sur ${conflictSubjectText(db, conflict)}`,
      before: conflict,
      after: null,
    });
  });
}
