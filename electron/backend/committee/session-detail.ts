/** The read side of sessions: summaries, members and quorum, the agenda with its decisions, the detail. */
import {
  MINUTES_SECTIONS,
  quorumRequired,
  type AgendaItem,
  type Amendment,
  type MinutesSection,
  type Presence,
  type Quorum,
  type QuorumRule,
  type SessionDetail,
  type SessionMember,
  type SessionSummary,
} from '../../../shared/domain/committee';
import type { ContractType, DossierWarning } from '../../../shared/domain/dossier';
import { checkEligibility, summariseEligibility, type EligibilitySummary } from '../../../shared/domain/eligibility';
import { getDepartment } from '../../../shared/domain/geography';
import type { OpinionKind } from '../../../shared/domain/review';
import type { SubsidySettings } from '../../../shared/domain/subsidy';
import { FIELD_COLUMNS, rowToFields } from '../dossiers/dossier-columns';
import type { DbReader } from '../review/db-reader';
import { departmentFigures } from '../territory/territory-stats';
import { sessionConflicts, recusedOn } from './conflicts';
import { changesSinceDecision, type BasisRow } from './decision-money';
import { currentSessionDecisions, toSessionDecision } from './decision-rows';
import { loadSession, quorumRuleOf, type SessionRow } from './session-rows';
import { sessionTotals } from './session-totals';
import { subsidySettings } from './subsidy-settings';

type SummaryRow = SessionRow & {
  chair_name: string | null;
  member_count: number;
  present_count: number;
  agenda_count: number;
  decided_count: number;
  posts_granted: number | null;
};

const SUMMARY_SQL = `SELECT s.*, c.name AS chair_name,
  (SELECT count(*) FROM session_members WHERE session_id = s.id) AS member_count,
  (SELECT count(*) FROM session_members WHERE session_id = s.id AND presence = 'PRESENT') AS present_count,
  (SELECT count(*) FROM agenda_items WHERE session_id = s.id) AS agenda_count,
  (SELECT count(*) FROM decisions x WHERE x.session_id = s.id AND x.id IN (SELECT max(id) FROM decisions WHERE session_id = s.id GROUP BY dossier_id)) AS decided_count,
  (SELECT sum(CASE WHEN x.decision = 'POSITIF' THEN x.posts_granted ELSE 0 END) FROM decisions x WHERE x.session_id = s.id AND x.id IN (SELECT max(id) FROM decisions WHERE session_id = s.id GROUP BY dossier_id)) AS posts_granted
  FROM committee_sessions s LEFT JOIN committee_members c ON c.id = s.chair_id`;

const toSummary = (r: SummaryRow): SessionSummary => ({
  id: r.id,
  number: r.number,
  date: r.date,
  place: r.place,
  chairId: r.chair_id,
  chairName: r.chair_name,
  status: r.status,
  quorumRule: quorumRuleOf(r),
  memberCount: r.member_count,
  presentCount: r.present_count,
  agendaCount: r.agenda_count,
  decidedCount: r.decided_count,
  postsGranted: r.posts_granted ?? 0,
  minutesHash: r.minutes_hash,
  validatedAt: r.validated_at,
  validatedBy: r.validated_by,
});

/** Newest first. */
export function listSessions(db: DbReader): SessionSummary[] {
  return db.all<SummaryRow>(`${SUMMARY_SQL} ORDER BY s.date DESC, s.id DESC`).map(toSummary);
}

export function sessionSummary(db: DbReader, id: number): SessionSummary {
  loadSession(db, id);
  return toSummary(db.get<SummaryRow>(`${SUMMARY_SQL} WHERE s.id = ?`, [id])!);
}

/** By name, as the minutes list them. */
export function sessionMembers(db: DbReader, sessionId: number): SessionMember[] {
  return db
    .all<{ member_id: number; name: string; organisation: string; presence: Presence }>(
      'SELECT sm.member_id, m.name, m.organisation, sm.presence FROM session_members sm JOIN committee_members m ON m.id = sm.member_id WHERE sm.session_id = ? ORDER BY m.name COLLATE NOCASE, m.id',
      [sessionId],
    )
    .map((r) => ({ memberId: r.member_id, name: r.name, organisation: r.organisation, presence: r.presence }));
}

export function quorumOf(rule: QuorumRule, members: readonly SessionMember[]): Quorum {
  const required = quorumRequired(rule, members.length);
  const present = members.filter((m) => m.presence === 'PRESENT').length;
  return { required, present, reached: members.length > 0 && present >= required };
}

export function sessionSections(row: Pick<SessionRow, 'sections'>): Record<MinutesSection, string> {
  const stored = JSON.parse(row.sections) as Partial<Record<MinutesSection, string>>;
  return Object.fromEntries(MINUTES_SECTIONS.map((k) => [k, stored[k] ?? ''])) as Record<MinutesSection, string>;
}

export function sessionAmendments(db: DbReader, sessionId: number): Amendment[] {
  const decisions = db.all<{ id: number; amendment_id: number }>('SELECT id, amendment_id FROM decisions WHERE session_id = ? AND amendment_id IS NOT NULL ORDER BY id', [sessionId]);
  return db
    .all<{ id: number; session_id: number; reason: string; created_by: string; created_at: string }>('SELECT * FROM amendments WHERE session_id = ? ORDER BY id', [sessionId])
    .map((a) => ({
      id: a.id,
      sessionId: a.session_id,
      reason: a.reason,
      decisionIds: decisions.filter((d) => d.amendment_id === a.id).map((d) => d.id),
      createdBy: a.created_by,
      createdAt: a.created_at,
    }));
}

/** Every field but the long free texts, which no eligibility check reads: a large agenda loads several times faster. */
const AGENDA_FIELDS = FIELD_COLUMNS.filter((c) => c !== 'motivation' && c !== 'address')
  .map((c) => `d.${c}`)
  .join(', ');

/** What the agenda shows of an item's eligibility: the import warnings and the failed or doubtful checks, and the summary. */
function itemEligibility(row: Record<string, unknown>, settings: SubsidySettings): { warnings: string[]; eligibility: EligibilitySummary } {
  const imported = (JSON.parse(row.warnings as string) as DossierWarning[]).map((w) => w.message);
  const checks = checkEligibility(rowToFields(row), { cuiAmount: settings.cuiPerPost });
  const failed = checks.filter((c) => c.status === 'error' || c.status === 'warning').map((c) => `${c.label} : ${c.detail}`);
  return { warnings: [...new Set([...failed, ...imported])], eligibility: summariseEligibility(checks) };
}

/** The eligibility a decision on this dossier is checked against (the same as its agenda item shows). */
export function dossierEligibility(db: DbReader, dossierId: number, settings: SubsidySettings): EligibilitySummary {
  const row = db.get<Record<string, unknown>>(`SELECT ${AGENDA_FIELDS} FROM dossiers d WHERE d.id = ?`, [dossierId]);
  if (!row) throw new RangeError(`No dossier ${dossierId}`);
  return summariseEligibility(checkEligibility(rowToFields(row), { cuiAmount: settings.cuiPerPost }));
}

export function agendaItems(db: DbReader, sessionId: number, members: readonly SessionMember[], settings: SubsidySettings): AgendaItem[] {
  const session = loadSession(db, sessionId);
  const rows = db.all<Record<string, unknown>>(
    `SELECT a.position AS agenda_position, a.carried_over_from, d.id, d.warnings, d.review_opinion, d.review_posts, d.review_score, ${AGENDA_FIELDS} FROM agenda_items a JOIN dossiers d ON d.id = a.dossier_id WHERE a.session_id = ? ORDER BY a.position`,
    [sessionId],
  );
  const comments = new Map(
    db
      .all<{ dossier_id: number; comment: string }>(
        `SELECT o.dossier_id, o.comment FROM opinions o JOIN agenda_items a ON a.dossier_id = o.dossier_id AND a.session_id = ?
         WHERE o.version = (SELECT max(version) FROM opinions WHERE dossier_id = o.dossier_id)`,
        [sessionId],
      )
      .map((r) => [r.dossier_id, r.comment]),
  );
  // The map's own figures (two passes over covering indexes), for every department at once.
  const figures = new Map(departmentFigures(db).map((d) => [d.code, d]));
  const decisions = currentSessionDecisions(db, sessionId);
  const conflicts = sessionConflicts(db, sessionId);
  const memberIds = new Set(members.map((m) => m.memberId));
  return rows.map((r) => {
    const dossierId = r.id as number;
    const code = r.department_code as string;
    const decision = decisions.get(dossierId);
    const { warnings, eligibility } = itemEligibility(r, settings);
    return {
      position: r.agenda_position as number,
      dossierId,
      externalId: r.external_id as string,
      name: r.name as string | null,
      siret: r.siret as string | null,
      networkName: r.network_name as string | null,
      departmentCode: code,
      departmentName: getDepartment(code)?.name ?? code,
      contractType: r.contract_type as ContractType | null,
      postsRequested: r.posts_requested as number,
      opinion: r.review_opinion as OpinionKind | null,
      postsSupported: r.review_posts as number | null,
      opinionComment: comments.get(dossierId) ?? null,
      aggregateScore: r.review_score as number | null,
      warnings,
      eligibility,
      department: { supported: figures.get(code)?.supported ?? 0, granted: figures.get(code)?.granted ?? 0, target: figures.get(code)?.target ?? null },
      carriedOverFrom: r.carried_over_from as string | null,
      recusedMemberIds: recusedOn({ dossierId, siret: r.siret as string | null, networkName: r.network_name as string | null }, conflicts, memberIds),
      decision: decision ? toSessionDecision(decision, session) : null,
      changesSinceDecision: decision ? changesSinceDecision(decision.basis, r as unknown as BasisRow) : [],
    };
  });
}

export function sessionDetail(db: DbReader, sessionId: number): SessionDetail {
  const row = loadSession(db, sessionId);
  const settings = subsidySettings(db);
  const members = sessionMembers(db, sessionId);
  return {
    ...sessionSummary(db, sessionId),
    members,
    quorum: quorumOf(quorumRuleOf(row), members),
    agenda: agendaItems(db, sessionId, members, settings),
    conflicts: sessionConflicts(db, sessionId),
    sections: sessionSections(row),
    amendments: sessionAmendments(db, sessionId),
    totals: sessionTotals(db, sessionId, settings),
  };
}
