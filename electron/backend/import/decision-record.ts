/**
 * What an import may do with the decision state of a platform row, given the decisions recorded in
 * this base (issue 11: imports never override them). Read-only: the plan uses it, the apply writes.
 *
 * - A row without a decision state (not processed yet) never undoes a decision taken here: the
 *   platform has not caught up. An abandonment, a cancellation or a duplicate (states only the
 *   platform sets) does apply.
 * - A row naming a session in which this base decided on the dossier (number, any case) agrees
 *   (nothing new) or diverges.
 * - A row naming a session held here that took no decision on the dossier diverges.
 * - A row of a session this base does not know applies when it is dated after every decision of
 *   the committee on the dossier; otherwise it diverges unless it says what the base says.
 */
import type { DivergenceSide } from '../../../shared/api/import-contract';
import type { DecisionKind } from '../../../shared/domain/committee';
import type { DossierFields } from '../../../shared/domain/dossier';
import { platformDecisionOf } from '../dossiers/dossier-writes';
import type { DbReader } from '../review/db-reader';

/** Platform states the committee does not set: the structure gave up, the application was cancelled or is a duplicate. */
const PLATFORM_ONLY_STATES: ReadonlySet<string> = new Set(['ABANDON', 'ANNULEE', 'DOUBLON']);

interface CommitteeDecision {
  id: number;
  number: string | null;
  date: string | null;
  decision: DecisionKind;
  postsGranted: number | null;
}

export interface PlannedDivergence {
  platformStatus: string | null;
  platform: DivergenceSide;
  base: DivergenceSide & { decisionId: number | null };
  /** The same claim against the same decision of the base is reported once. */
  key: string;
  alreadyReported: boolean;
}

export type Verdict = { kind: 'apply' } | { kind: 'keep' } | { kind: 'diverge'; divergence: PlannedDivergence };

const upper = (text: string | null) => (text === null || text.trim() === '' ? null : text.trim().toLocaleUpperCase('fr-FR'));
const day = (date: string | null) => date?.slice(0, 10) ?? null;

function agrees(platform: DivergenceSide, base: CommitteeDecision): boolean {
  if (platform.decision !== base.decision) return false;
  if (platform.decision === 'POSITIF' && platform.postsGranted !== base.postsGranted) return false;
  if (platform.sessionNumber !== null && upper(platform.sessionNumber) !== upper(base.number)) return false;
  return platform.sessionDate === null || base.date === null || platform.sessionDate === day(base.date);
}

const APPLY: Verdict = { kind: 'apply' };
const KEEP: Verdict = { kind: 'keep' };

/** The committee's decisions of the whole base, read once per plan. */
export class DecisionRecord {
  /** Per dossier, the current decision of each session (latest row), oldest row first. */
  private readonly committee = new Map<number, CommitteeDecision[]>();
  /** Sessions held here, by upper-cased number. */
  private readonly sessions = new Map<string, { number: string; date: string | null }>();

  constructor(private readonly db: DbReader) {
    // Committee decisions relayed by a dossier package carry their session number without a session here.
    const rows = db.all<{ id: number; dossier_id: number; number: string | null; date: string | null; decision: DecisionKind; posts_granted: number | null }>(
      `SELECT x.id, x.dossier_id, coalesce(s.number, x.session_number) AS number, coalesce(s.date, x.session_date) AS date, x.decision, x.posts_granted
       FROM decisions x LEFT JOIN committee_sessions s ON s.id = x.session_id WHERE x.source = 'committee' ORDER BY x.id`,
    );
    for (const r of rows) {
      const list = this.committee.get(r.dossier_id) ?? [];
      const entry = { id: r.id, number: r.number, date: day(r.date), decision: r.decision, postsGranted: r.posts_granted };
      const same = list.findIndex((c) => upper(c.number) === upper(r.number));
      if (same >= 0) list.splice(same, 1);
      list.push(entry);
      this.committee.set(r.dossier_id, list);
    }
    for (const s of db.all<{ number: string; date: string | null }>('SELECT number, date FROM committee_sessions')) {
      this.sessions.set(upper(s.number) ?? '', { number: s.number, date: day(s.date) });
    }
  }

  /** Whether this dossier already holds this platform decision (history known here: nothing new). */
  private platformHas(dossierId: number, p: DivergenceSide): boolean {
    return (
      (this.db.value<number>(
        `SELECT 1 FROM decisions WHERE dossier_id = ? AND source = 'platform' AND decision = ? AND posts_granted IS ? AND session_date IS ?
           AND upper(coalesce(session_number, '')) = upper(?) LIMIT 1`,
        [dossierId, p.decision, p.postsGranted, p.sessionDate, p.sessionNumber ?? ''],
      ) ?? 0) === 1
    );
  }

  private diverge(dossierId: number, fields: DossierFields, platform: DivergenceSide, base: PlannedDivergence['base']): Verdict {
    const key = JSON.stringify([dossierId, platform.decision, upper(platform.sessionNumber), platform.sessionDate, platform.postsGranted, base.decisionId, upper(base.sessionNumber)]);
    const alreadyReported = (this.db.value<number>('SELECT 1 FROM import_divergences WHERE divergence_key = ?', [key]) ?? 0) === 1;
    return { kind: 'diverge', divergence: { platformStatus: fields.status, platform, base, key, alreadyReported } };
  }

  /** What to do with the decision fields of a platform row on a dossier stored here. */
  judge(dossierId: number, fields: DossierFields): Verdict {
    const committee = this.committee.get(dossierId) ?? [];
    const implied = platformDecisionOf(fields);
    if (!implied) return committee.length === 0 || (fields.status !== null && PLATFORM_ONLY_STATES.has(fields.status)) ? APPLY : KEEP;
    const platform: DivergenceSide = { ...implied, sessionNumber: upper(implied.sessionNumber) === null ? null : implied.sessionNumber, sessionDate: day(implied.sessionDate) };
    const number = upper(platform.sessionNumber);
    const side = (c: CommitteeDecision) => ({ decisionId: c.id, sessionNumber: c.number, sessionDate: c.date, decision: c.decision, postsGranted: c.postsGranted });
    const sameSession = number === null ? undefined : committee.find((c) => upper(c.number) === number);
    if (sameSession) return agrees(platform, sameSession) ? KEEP : this.diverge(dossierId, fields, platform, side(sameSession));
    const held = number === null ? undefined : this.sessions.get(number);
    // Most rows of a large export: no decision here to compare with (no query per row).
    if (committee.length === 0 && !held) return APPLY;
    if (this.platformHas(dossierId, platform)) return committee.length === 0 ? APPLY : KEEP;
    if (held) return this.diverge(dossierId, fields, platform, { decisionId: null, sessionNumber: held.number, sessionDate: held.date, decision: null, postsGranted: null });
    const current = committee.at(-1);
    if (!current) return APPLY;
    const platformDate = platform.sessionDate;
    const later = platformDate !== null && committee.every((c) => c.date !== null && platformDate > c.date);
    if (later) return APPLY;
    return agrees(platform, current) ? KEEP : this.diverge(dossierId, fields, platform, side(current));
  }
}
