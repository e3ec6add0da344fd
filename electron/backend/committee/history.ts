/** The committee's own history: who changed what on a session or a decision, before and after. */
import type { SessionHistoryEntry } from '../../../shared/domain/committee';
import type { WriteTx } from '../db/store';
import type { DbReader } from '../review/db-reader';

export interface HistoryEntry {
  sessionId: number | null;
  dossierId?: number | null;
  at: string;
  by: string;
  action: string;
  /** What happened, in French, as the history shows it. */
  summary: string;
  before: unknown;
  after: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export function appendHistory(tx: WriteTx, entry: HistoryEntry): void {
  tx.run('INSERT INTO committee_history (session_id, dossier_id, at, by_user, action, summary, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    entry.sessionId,
    entry.dossierId ?? null,
    entry.at,
    entry.by,
    entry.action,
    entry.summary,
    json(entry.before),
    json(entry.after),
  ]);
}

interface HistoryRow {
  at: string;
  by_user: string;
  action: string;
  summary: string;
  before: string | null;
  after: string | null;
}

/** Newest first. */
export function sessionHistory(db: DbReader, sessionId: number): SessionHistoryEntry[] {
  return db
    .all<HistoryRow>('SELECT at, by_user, action, summary, before, after FROM committee_history WHERE session_id = ? ORDER BY id DESC', [sessionId])
    .map((r) => ({
      at: r.at,
      by: r.by_user,
      action: r.action,
      summary: r.summary,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    }));
}
