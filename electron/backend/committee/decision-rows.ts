/** Committee decisions as stored (rows of `decisions` with a session) and as the API shows them. */
import { majorityReached, type DecisionKind, type RefusalGround, type SessionDecision, type VoteCount } from '../../../shared/domain/committee';
import type { EligibilitySummary } from '../../../shared/domain/eligibility';
import type { DbReader } from '../review/db-reader';
import { frozenMoneyOf, type FrozenColumns } from './decision-money';

export interface DecisionRow extends FrozenColumns {
  id: number;
  dossier_id: number;
  session_number: string | null;
  session_date: string | null;
  decision: DecisionKind;
  posts_granted: number | null;
  priority: number;
  comment: string | null;
  source: 'platform' | 'committee';
  recorded_by: string;
  recorded_at: string;
  session_id: number | null;
  grounds: string;
  justification: string | null;
  vote: string | null;
  vote_base: number | null;
  recused: string;
  amendment_id: number | null;
  derogation: string | null;
  /** JSON EligibilitySummary, as the committee saw it. */
  eligibility: string | null;
}

export function toSessionDecision(r: DecisionRow, session: { number: string; date: string } | null): SessionDecision {
  const vote = r.vote === null ? null : (JSON.parse(r.vote) as VoteCount);
  const voteBase = r.vote_base ?? 0;
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionNumber: session?.number ?? r.session_number,
    sessionDate: session?.date ?? r.session_date,
    dossierId: r.dossier_id,
    decision: r.decision,
    postsGranted: r.posts_granted,
    priority: r.priority === 1,
    grounds: JSON.parse(r.grounds) as RefusalGround[],
    comment: r.comment ?? '',
    justification: r.justification,
    derogation: r.derogation,
    eligibility: r.eligibility === null ? null : (JSON.parse(r.eligibility) as EligibilitySummary),
    vote,
    voteBase,
    majorityReached: vote === null ? null : majorityReached(vote, voteBase),
    recusedMemberIds: JSON.parse(r.recused) as number[],
    amendmentId: r.amendment_id,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    money: frozenMoneyOf(r),
  };
}

/** A session's current decision on each dossier: its latest row for that session (amendments included). */
export function currentSessionDecisions(db: DbReader, sessionId: number): Map<number, DecisionRow> {
  const rows = db.all<DecisionRow>(
    'SELECT * FROM decisions WHERE session_id = ? AND id IN (SELECT max(id) FROM decisions WHERE session_id = ? GROUP BY dossier_id)',
    [sessionId, sessionId],
  );
  return new Map(rows.map((r) => [r.dossier_id, r]));
}
