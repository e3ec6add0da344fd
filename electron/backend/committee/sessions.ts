/**
 * Creating and editing sessions, presence, and the status cycle PLANNED → IN_PROGRESS → CLOSED
 * (and back to IN_PROGRESS until the minutes are validated, which only minutes:validate does).
 */
import { ApiError } from '../../../shared/api/contract';
import { PRESENCE_LABELS, SESSION_STATUS_LABELS, type Presence, type QuorumRule, type SessionInput, type SessionStatus } from '../../../shared/domain/committee';
import type { UserProfile } from '../../../shared/domain/review';
import type { Store, WriteTx } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { appendHistory } from './history';
import { membersById } from './members';
import { findSessionByNumber, loadSession, normaliseNumber, quorumRuleOf, requirePreparable, SEALED_MESSAGE, sessionLabel, type SessionRow } from './session-rows';

export const SESSION_NUMBER_MAX = 40;
export const SESSION_PLACE_MAX = 500;

function isIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

interface SessionState {
  number: string;
  date: string;
  place: string;
  chairId: number | null;
  memberIds: number[];
  quorumRule: QuorumRule;
}

function stateOf(db: DbReader, row: SessionRow): SessionState {
  const memberIds = db.all<{ member_id: number }>('SELECT member_id FROM session_members WHERE session_id = ? ORDER BY member_id', [row.id]).map((r) => r.member_id);
  return { number: row.number, date: row.date, place: row.place, chairId: row.chair_id, memberIds, quorumRule: quorumRuleOf(row) };
}

function validateInput(db: DbReader, request: SessionInput, existing: SessionRow | null): SessionState {
  const errors: string[] = [];
  const number = normaliseNumber(request.number);
  const place = request.place.trim();
  const memberIds = [...new Set(request.memberIds)].sort((a, b) => a - b);
  if (number.length === 0 || number.length > SESSION_NUMBER_MAX) errors.push(`Le numéro de la séance doit compter de 1 à ${SESSION_NUMBER_MAX} caractères (par exemple « 12 » ou « 62BIS »).`);
  const twin = number ? findSessionByNumber(db, number) : undefined;
  if (twin && twin.id !== existing?.id) errors.push(`Le numéro « ${number} » est déjà celui de la séance du ${twin.date.split('-').reverse().join('/')} : chaque séance a un numéro unique.`);
  if (!isIsoDate(request.date)) errors.push('La date de la séance doit être une date valide (AAAA-MM-JJ).');
  if (place.length > SESSION_PLACE_MAX) errors.push(`Le lieu ou le lien de visioconférence compte au plus ${SESSION_PLACE_MAX} caractères.`);
  const known = membersById(db, memberIds);
  const current = new Set(existing ? stateOf(db, existing).memberIds : []);
  for (const id of memberIds) {
    const member = known.get(id);
    if (!member) errors.push(`Le membre n° ${id} n’existe pas dans la liste des membres (Paramètres).`);
    else if (!member.active && !current.has(id)) errors.push(`${member.name} n’est plus membre actif du comité : réactivez-le dans Paramètres pour l’ajouter à une séance.`);
  }
  if (request.chairId !== null && !memberIds.includes(request.chairId)) errors.push('La présidence de séance revient à l’un des membres de la séance.');
  const quorumRule = request.quorumRule ?? (existing ? quorumRuleOf(existing) : { kind: 'MAJORITY' as const });
  if (quorumRule.kind === 'MINIMUM' && (!Number.isInteger(quorumRule.count) || quorumRule.count < 1 || quorumRule.count > Math.max(1, memberIds.length))) {
    errors.push(`Le quorum minimal doit être un nombre entier de 1 à ${Math.max(1, memberIds.length)} (membres de la séance).`);
  }
  if (existing) {
    const decided = db.value<number>('SELECT count(*) FROM decisions WHERE session_id = ?', [existing.id]) ?? 0;
    if (decided > 0 && (number !== existing.number || request.date !== existing.date)) {
      errors.push(`Des décisions de la séance ${sessionLabel(existing.number)} sont déjà enregistrées : son numéro et sa date ne se modifient plus.`);
    }
  }
  if (errors.length > 0) throw new ApiError('VALIDATION', errors.join(' '), { errors });
  return { number, date: request.date, place, chairId: request.chairId, memberIds, quorumRule: quorumRule.kind === 'MAJORITY' ? { kind: 'MAJORITY' } : { kind: 'MINIMUM', count: quorumRule.count } };
}

/**
 * Dossiers an earlier session sent to further review and that nothing decided since (their latest
 * decision, any source, is that one), unless they already wait on another open agenda. Platform
 * decisions are left out: those dossiers are added by filter (status « Examen complémentaire »).
 */
function carriedOver(tx: WriteTx, sessionId: number, date: string): { dossierId: number; from: string }[] {
  return tx
    .all<{ dossier_id: number; number: string }>(
      `SELECT dec.dossier_id, s.number FROM decisions dec
       JOIN committee_sessions s ON s.id = dec.session_id
       JOIN dossiers d ON d.id = dec.dossier_id
       WHERE dec.decision = 'EXAMEN_COMPLEMENTAIRE' AND s.id <> ? AND s.date <= ?
         AND dec.id = (SELECT max(id) FROM decisions WHERE dossier_id = dec.dossier_id)
         AND NOT EXISTS (
           SELECT 1 FROM agenda_items a JOIN committee_sessions o ON o.id = a.session_id
           WHERE a.dossier_id = dec.dossier_id AND a.session_id NOT IN (dec.session_id, ?) AND o.status <> 'VALIDATED'
             AND NOT EXISTS (SELECT 1 FROM decisions x WHERE x.session_id = a.session_id AND x.dossier_id = a.dossier_id))
       ORDER BY d.department_code, d.sort_name, d.id`,
      [sessionId, date, sessionId],
    )
    .map((r) => ({ dossierId: r.dossier_id, from: r.number }));
}

/** Creates (no id) or edits; returns the session id. */
export function saveSession(store: Store, author: UserProfile, request: SessionInput): number {
  const db = store.db;
  const existing = request.id === undefined ? null : loadSession(db, request.id);
  if (existing) requirePreparable(existing, 'modifier ses informations ou ses membres');
  const next = validateInput(db, request, existing);
  const before = existing ? stateOf(db, existing) : null;
  if (before && JSON.stringify(before) === JSON.stringify(next)) return existing!.id;
  const at = new Date().toISOString();
  return store.write({ action: 'sessions:save', user: author.name, summary: { id: existing?.id ?? null, number: next.number, date: next.date } }, (tx) => {
    let id: number;
    let carried: { dossierId: number; from: string }[] = [];
    if (!existing) {
      id = (tx.value<number>('SELECT max(id) FROM committee_sessions') ?? 0) + 1;
      tx.run('INSERT INTO committee_sessions (id, number, date, place, chair_id, quorum_rule, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        id,
        next.number,
        next.date,
        next.place,
        next.chairId,
        JSON.stringify(next.quorumRule),
        at,
        author.name,
        at,
      ]);
      for (const memberId of next.memberIds) tx.run("INSERT INTO session_members (session_id, member_id, presence) VALUES (?, ?, 'ABSENT')", [id, memberId]);
      carried = carriedOver(tx, id, next.date);
      carried.forEach((c, i) => {
        tx.run('INSERT INTO agenda_items (session_id, dossier_id, position, carried_over_from, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)', [id, c.dossierId, i + 1, c.from, author.name, at]);
      });
    } else {
      id = existing.id;
      tx.run('UPDATE committee_sessions SET number = ?, date = ?, place = ?, chair_id = ?, quorum_rule = ?, updated_at = ? WHERE id = ?', [
        next.number,
        next.date,
        next.place,
        next.chairId,
        JSON.stringify(next.quorumRule),
        at,
        id,
      ]);
      const kept = new Set(next.memberIds);
      for (const memberId of before!.memberIds) {
        if (kept.has(memberId)) continue;
        tx.run('DELETE FROM conflicts WHERE session_id = ? AND member_id = ?', [id, memberId]);
        tx.run('DELETE FROM session_members WHERE session_id = ? AND member_id = ?', [id, memberId]);
      }
      const had = new Set(before!.memberIds);
      for (const memberId of next.memberIds) {
        if (!had.has(memberId)) tx.run("INSERT INTO session_members (session_id, member_id, presence) VALUES (?, ?, 'ABSENT')", [id, memberId]);
      }
    }
    const carriedText = carried.length > 0 ? ` ; ${carried.length} dossier(s) en examen complémentaire repris à l’ordre du jour` : '';
    appendHistory(tx, {
      sessionId: id,
      at,
      by: author.name,
      action: 'sessions:save',
      summary: `${existing ? 'Séance modifiée' : 'Séance créée'} : ${sessionLabel(next.number)} du ${next.date.split('-').reverse().join('/')}${carriedText}`,
      before,
      after: carried.length > 0 ? { ...next, carriedOver: carried } : next,
    });
    return id;
  });
}

export function setPresence(store: Store, author: UserProfile, sessionId: number, memberId: number, presence: Presence): void {
  const db = store.db;
  const session = loadSession(db, sessionId);
  requirePreparable(session, 'modifier les présences');
  const row = db.get<{ presence: Presence; name: string }>(
    'SELECT sm.presence, m.name FROM session_members sm JOIN committee_members m ON m.id = sm.member_id WHERE sm.session_id = ? AND sm.member_id = ?',
    [sessionId, memberId],
  );
  if (!row) throw new ApiError('NOT_FOUND', `Le membre n° ${memberId} ne siège pas à la séance ${sessionLabel(session.number)}.`);
  if (row.presence === presence) return;
  const at = new Date().toISOString();
  store.write({ action: 'sessions:setPresence', user: author.name, summary: { sessionId, memberId, presence } }, (tx) => {
    tx.run('UPDATE session_members SET presence = ? WHERE session_id = ? AND member_id = ?', [presence, sessionId, memberId]);
    appendHistory(tx, {
      sessionId,
      at,
      by: author.name,
      action: 'sessions:setPresence',
      summary: `Présence de ${row.name} : ${PRESENCE_LABELS[row.presence]} → ${PRESENCE_LABELS[presence]}`,
      before: { memberId, presence: row.presence },
      after: { memberId, presence },
    });
  });
}

const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  PLANNED: ['IN_PROGRESS'],
  IN_PROGRESS: ['CLOSED'],
  CLOSED: ['IN_PROGRESS'],
  VALIDATED: [],
};

export function setStatus(store: Store, author: UserProfile, sessionId: number, status: Exclude<SessionStatus, 'VALIDATED'>): void {
  const session = loadSession(store.db, sessionId);
  if (session.status === 'VALIDATED') throw new ApiError('SEALED', SEALED_MESSAGE(session));
  if (session.status === status) return;
  if (!TRANSITIONS[session.status].includes(status)) {
    throw new ApiError(
      'VALIDATION',
      `La séance ${sessionLabel(session.number)} est « ${SESSION_STATUS_LABELS[session.status]} » : elle ne peut pas passer « ${SESSION_STATUS_LABELS[status]} » (planifiée → en cours → close, et close → en cours pour la rouvrir).`,
    );
  }
  const at = new Date().toISOString();
  store.write({ action: 'sessions:setStatus', user: author.name, summary: { sessionId, from: session.status, to: status } }, (tx) => {
    tx.run('UPDATE committee_sessions SET status = ?, updated_at = ? WHERE id = ?', [status, at, sessionId]);
    appendHistory(tx, {
      sessionId,
      at,
      by: author.name,
      action: 'sessions:setStatus',
      summary: `Statut : ${SESSION_STATUS_LABELS[session.status]} → ${SESSION_STATUS_LABELS[status]}`,
      before: { status: session.status },
      after: { status },
    });
  });
}
