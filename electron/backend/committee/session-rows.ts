/**
 * Committee sessions as stored, and the checks every write makes on a session's status before it
 * touches anything (French messages naming the session).
 */
import { ApiError } from '../../../shared/api/contract';
import type { QuorumRule, SessionStatus } from '../../../shared/domain/committee';
import type { DbReader } from '../review/db-reader';

export interface SessionRow {
  id: number;
  number: string;
  date: string;
  place: string;
  chair_id: number | null;
  status: SessionStatus;
  quorum_rule: string;
  sections: string;
  minutes_content: string | null;
  minutes_hash: string | null;
  validated_at: string | null;
  validated_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** « COSELEC 12 », or the number as typed when it already says COSELEC. */
export function sessionLabel(number: string): string {
  return /^coselec\b/i.test(number) ? number : `COSELEC ${number}`;
}

export function loadSession(db: DbReader, id: number): SessionRow {
  const row = db.get<SessionRow>('SELECT * FROM committee_sessions WHERE id = ?', [id]);
  if (!row) throw new ApiError('NOT_FOUND', `La séance n° ${id} n’existe pas dans cette base.`);
  return row;
}

/** Case-insensitive, as the uniqueness of numbers (« 62bis » is « 62BIS »). */
export function findSessionByNumber(db: DbReader, number: string): SessionRow | undefined {
  const wanted = normaliseNumber(number).toLocaleUpperCase('fr');
  return db.all<SessionRow>('SELECT * FROM committee_sessions').find((s) => s.number.toLocaleUpperCase('fr') === wanted);
}

export function sessionByNumber(db: DbReader, number: string): SessionRow {
  const row = findSessionByNumber(db, number);
  if (!row) throw new ApiError('NOT_FOUND', `Aucune séance ne porte le numéro « ${number.trim()} ».`);
  return row;
}

/** Spaces trimmed and collapsed: « 62 BIS » and « 62  BIS » are the same number. */
export function normaliseNumber(number: string): string {
  return number.trim().replace(/\s+/g, ' ');
}

export function quorumRuleOf(row: Pick<SessionRow, 'quorum_rule'>): QuorumRule {
  return JSON.parse(row.quorum_rule) as QuorumRule;
}

export const SEALED_MESSAGE = (row: Pick<SessionRow, 'number'>) =>
  `Le procès-verbal de la séance ${sessionLabel(row.number)} est validé : la séance et ses décisions sont en lecture seule. Toute correction passe par un amendement.`;

function refuseSealed(row: SessionRow): void {
  if (row.status === 'VALIDATED') throw new ApiError('SEALED', SEALED_MESSAGE(row));
}

/** Presence, members, agenda and conflicts change while the session is planned or in progress. */
export function requirePreparable(row: SessionRow, action: string): void {
  refuseSealed(row);
  if (row.status === 'CLOSED') throw new ApiError('SESSION_CLOSED', `La séance ${sessionLabel(row.number)} est close : rouvrez-la pour ${action}.`);
}

/** Decisions are recorded only while the session is in progress. */
export function requireInProgress(row: SessionRow): void {
  refuseSealed(row);
  if (row.status === 'PLANNED') {
    throw new ApiError('SESSION_NOT_OPEN', `La séance ${sessionLabel(row.number)} n’est pas ouverte : passez-la « En cours » pour enregistrer des décisions.`);
  }
  if (row.status === 'CLOSED') throw new ApiError('SESSION_CLOSED', `La séance ${sessionLabel(row.number)} est close : rouvrez-la pour modifier ses décisions.`);
}

/** The free-text sections of the minutes change until they are validated. */
export function requireNotSealed(row: SessionRow): void {
  refuseSealed(row);
}
