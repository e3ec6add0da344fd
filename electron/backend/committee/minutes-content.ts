/**
 * The content of the minutes (procès-verbal), generated from the session: what the PDF prints and,
 * once validated, what is sealed. Its canonical serialisation (keys sorted, no spaces) is hashed
 * with SHA-256; the sealed content is stored, so the PDF of sealed minutes never changes.
 */
import { createHash } from 'node:crypto';
import {
  departsFromOpinion,
  type MinutesSection,
  type Presence,
  type Quorum,
  type QuorumRule,
  type SessionDecision,
  type SessionTotals,
} from '../../../shared/domain/committee';
import type { ContractType } from '../../../shared/domain/dossier';
import type { OpinionKind } from '../../../shared/domain/review';
import { roundCents } from '../../../shared/domain/money';
import type { DbReader } from '../review/db-reader';
import { sessionConflicts } from './conflicts';
import { agendaItems, quorumOf, sessionMembers, sessionSections } from './session-detail';
import { loadSession, quorumRuleOf, sessionLabel } from './session-rows';
import { CONTRACT_KEYS, sessionTotals, type ContractKey } from './session-totals';
import { compareDepartmentCodes } from '../../../shared/domain/geography';
import { subsidySettings } from './subsidy-settings';

export const MINUTES_FORMAT = 'cnfs-review/proces-verbal/1';

export interface MinutesDecision
  extends Pick<SessionDecision, 'id' | 'decision' | 'postsGranted' | 'priority' | 'grounds' | 'comment' | 'justification' | 'vote' | 'voteBase' | 'majorityReached' | 'derogation' | 'eligibility' | 'money'> {
  /** The decision departs from the prefecture's opinion (its justification says why). */
  departsFromOpinion: boolean;
  /** Names of the members recused on this item when the decision was taken. */
  recused: string[];
  recordedBy: string;
  recordedAt: string;
}

export interface MinutesItem {
  position: number;
  dossierId: number;
  externalId: string;
  name: string | null;
  siret: string | null;
  networkName: string | null;
  contractType: ContractType | null;
  postsRequested: number;
  opinion: OpinionKind | null;
  postsSupported: number | null;
  carriedOverFrom: string | null;
  decision: MinutesDecision | null;
}

export interface MinutesDepartment {
  code: string;
  name: string;
  target: number | null;
  grantedInSession: number;
  grantedTotal: number;
  items: MinutesItem[];
}

export interface MinutesSubsidyLine {
  contractType: ContractKey;
  posts: number;
  gross: number;
  aidDeducted: number;
  net: number;
}

export interface MinutesContent {
  format: typeof MINUTES_FORMAT;
  session: {
    number: string;
    label: string;
    date: string;
    place: string;
    chair: { name: string; organisation: string } | null;
    quorumRule: QuorumRule;
  };
  members: { id: number; name: string; organisation: string; presence: Presence }[];
  quorum: Quorum;
  conflicts: { memberName: string; subject: string; note: string }[];
  sections: Record<MinutesSection, string>;
  departments: MinutesDepartment[];
  subsidy: MinutesSubsidyLine[];
  /** The CUI amount per post the subsidy was computed with: frozen by the CUI approvals, else the setting (null: not set, counted 0 €). */
  cuiPerPost: number | null;
  totals: SessionTotals;
}

function conflictSubject(c: { dossierId: number | null; siret: string | null; networkName: string | null }, names: Map<number, string>): string {
  if (c.dossierId !== null) return `dossier ${names.get(c.dossierId) ?? `n° ${c.dossierId}`}`;
  if (c.siret !== null) return `structure SIRET ${c.siret}`;
  return `réseau national « ${c.networkName ?? ''} »`;
}

export function buildMinutesContent(db: DbReader, sessionId: number): MinutesContent {
  const row = loadSession(db, sessionId);
  const settings = subsidySettings(db);
  const members = sessionMembers(db, sessionId);
  const memberName = new Map(members.map((m) => [m.memberId, m.name]));
  const agenda = agendaItems(db, sessionId, members, settings);
  const totals = sessionTotals(db, sessionId, settings);
  const chair = row.chair_id === null ? null : db.get<{ name: string; organisation: string }>('SELECT name, organisation FROM committee_members WHERE id = ?', [row.chair_id]);
  const dossierNames = new Map(
    db
      .all<{ id: number; external_id: string; name: string | null }>('SELECT d.id, d.external_id, d.name FROM conflicts c JOIN dossiers d ON d.id = c.dossier_id WHERE c.session_id = ?', [sessionId])
      .map((d) => [d.id, `${d.external_id}${d.name ? ` (${d.name})` : ''}`]),
  );
  const lines = new Map<ContractKey, MinutesSubsidyLine>(CONTRACT_KEYS.map((k) => [k, { contractType: k, posts: 0, gross: 0, aidDeducted: 0, net: 0 }]));
  const departments = new Map<string, MinutesDepartment>();
  let cuiFrozen: number | null = null;
  for (const item of agenda) {
    const figures = totals.departments.find((d) => d.code === item.departmentCode);
    const department = departments.get(item.departmentCode) ?? {
      code: item.departmentCode,
      name: item.departmentName,
      target: figures?.target ?? null,
      grantedInSession: figures?.grantedInSession ?? 0,
      grantedTotal: figures?.grantedTotal ?? 0,
      items: [],
    };
    departments.set(item.departmentCode, department);
    const d = item.decision;
    // The figures each approval froze when recorded (its contract type then, not the dossier's now).
    const money = d?.decision === 'POSITIF' ? d.money : null;
    if (money) {
      if (money.contractType === 'CUI' && money.perPost !== null) cuiFrozen ??= money.perPost;
      const line = lines.get(money.contractType ?? 'NONE')!;
      line.posts += money.postsGranted;
      line.gross = roundCents(line.gross + (money.gross ?? 0));
      line.aidDeducted = roundCents(line.aidDeducted + (money.aidDeducted ?? 0));
      line.net = roundCents(line.net + (money.net ?? 0));
    }
    department.items.push({
      position: item.position,
      dossierId: item.dossierId,
      externalId: item.externalId,
      name: item.name,
      siret: item.siret,
      networkName: item.networkName,
      contractType: money ? money.contractType : item.contractType,
      postsRequested: item.postsRequested,
      opinion: item.opinion,
      postsSupported: item.postsSupported,
      carriedOverFrom: item.carriedOverFrom,
      decision: d
        ? {
            id: d.id,
            decision: d.decision,
            postsGranted: d.postsGranted,
            priority: d.priority,
            grounds: d.grounds,
            comment: d.comment,
            justification: d.justification,
            derogation: d.derogation,
            eligibility: d.eligibility,
            // Sealed with the decision, so that verify finds a frozen amount edited afterwards.
            money: d.money,
            vote: d.vote,
            voteBase: d.voteBase,
            majorityReached: d.majorityReached,
            departsFromOpinion: departsFromOpinion(item.opinion, item.postsSupported, d.decision, d.postsGranted),
            recused: d.recusedMemberIds.map((id) => memberName.get(id) ?? `membre n° ${id}`),
            recordedBy: d.recordedBy,
            recordedAt: d.recordedAt,
          }
        : null,
    });
  }
  return {
    format: MINUTES_FORMAT,
    session: { number: row.number, label: sessionLabel(row.number), date: row.date, place: row.place, chair: chair ?? null, quorumRule: quorumRuleOf(row) },
    members: members.map((m) => ({ id: m.memberId, name: m.name, organisation: m.organisation, presence: m.presence })),
    quorum: quorumOf(quorumRuleOf(row), members),
    conflicts: sessionConflicts(db, sessionId).filter((c) => memberName.has(c.memberId)).map((c) => ({ memberName: c.memberName, subject: conflictSubject(c, dossierNames), note: c.note })),
    sections: sessionSections(row),
    departments: [...departments.values()].sort((a, b) => compareDepartmentCodes(a.code, b.code)),
    subsidy: [...lines.values()].filter((l) => l.posts > 0),
    // The CUI amount the session's CUI approvals froze; the setting only when none was approved.
    cuiPerPost: cuiFrozen ?? settings.cuiPerPost,
    totals,
  };
}

/** JSON with every object's keys sorted and no whitespace: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function minutesHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
