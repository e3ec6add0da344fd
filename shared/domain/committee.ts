/**
 * National selection committee (COSELEC, issue 5): members, numbered sessions, agenda, conflicts
 * of interest, decisions with votes, minutes sealed by their content hash, and amendments.
 * Types, constants and labels shared by the backend, the CLI, the UI and the exports.
 */
import type { BasisChange, FrozenMoney } from './decision-money';
import type { ContractType, DossierStatus } from './dossier';
import type { EligibilitySummary } from './eligibility';
import type { OpinionKind } from './review';

export interface Member {
  id: number;
  name: string;
  /** Organisation represented (ANCT, Banque des Territoires, a ministry…). */
  organisation: string;
  /** Inactive members stay on past sessions but are not offered for new ones. */
  active: boolean;
}

export interface MemberInput {
  id?: number;
  name: string;
  organisation: string;
  active: boolean;
}

export const SESSION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'CLOSED', 'VALIDATED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  PLANNED: 'Planifiée',
  IN_PROGRESS: 'En cours',
  CLOSED: 'Close',
  VALIDATED: 'PV validé',
};

export const PRESENCES = ['PRESENT', 'EXCUSED', 'ABSENT'] as const;
export type Presence = (typeof PRESENCES)[number];
export const PRESENCE_LABELS: Record<Presence, string> = { PRESENT: 'Présent', EXCUSED: 'Excusé', ABSENT: 'Absent' };

/** Default quorum: more than half of the session's members present. */
export type QuorumRule = { kind: 'MAJORITY' } | { kind: 'MINIMUM'; count: number };

export const DECISION_KINDS = ['POSITIF', 'NEGATIF', 'EXAMEN_COMPLEMENTAIRE'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
/**
 * The committee's words for its decisions, everywhere (minutes, exports, CLI, UI): it grants
 * (« Accord ») or refuses (« Refus »); « Favorable » / « Défavorable » are the prefecture's opinions.
 */
export const DECISION_LABELS: Record<DecisionKind, string> = {
  POSITIF: 'Accord',
  NEGATIF: 'Refus',
  EXAMEN_COMPLEMENTAIRE: 'Examen complémentaire',
};

/** The refusal grounds of the real letters (DOMAIN.md), plus ineligibility under AMI §2. */
export const REFUSAL_GROUNDS = ['BESOINS', 'REPARTITION_DEPARTEMENT', 'EQUILIBRE_DEPARTEMENTS', 'ELIGIBILITE'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];
export const REFUSAL_GROUND_LABELS: Record<RefusalGround, string> = {
  BESOINS: 'Pertinence du projet au regard des besoins identifiés et de l’offre existante',
  REPARTITION_DEPARTEMENT: 'Répartition des postes au sein du département',
  EQUILIBRE_DEPARTEMENTS: 'Équilibre entre départements au regard de leurs besoins et de leurs dotations',
  ELIGIBILITE: 'Structure non éligible au regard de l’AMI (§ 2)',
};

export const VOTE_CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** Counts of an optional vote; the majority is computed on the members present and not recused. */
export interface VoteCount {
  for: number;
  against: number;
  abstain: number;
}

export interface SessionSummary {
  id: number;
  /** Free text, unique: "12", "62BIS". */
  number: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  /** Place or video link. */
  place: string;
  chairId: number | null;
  chairName: string | null;
  status: SessionStatus;
  quorumRule: QuorumRule;
  memberCount: number;
  presentCount: number;
  agendaCount: number;
  decidedCount: number;
  postsGranted: number;
  /** SHA-256 of the sealed minutes' content; null until validated. */
  minutesHash: string | null;
  validatedAt: string | null;
  validatedBy: string | null;
}

export interface SessionMember {
  memberId: number;
  name: string;
  organisation: string;
  presence: Presence;
}

export interface Quorum {
  required: number;
  present: number;
  reached: boolean;
}

export interface Conflict {
  id: number;
  memberId: number;
  memberName: string;
  /** Exactly one of dossierId, siret, networkName is set. */
  dossierId: number | null;
  siret: string | null;
  networkName: string | null;
  note: string;
  declaredBy: string;
  declaredAt: string;
}

export interface SessionDecision {
  id: number;
  sessionId: number | null;
  sessionNumber: string | null;
  sessionDate: string | null;
  dossierId: number;
  decision: DecisionKind;
  /** 1..requested for POSITIF, null otherwise. */
  postsGranted: number | null;
  priority: boolean;
  grounds: RefusalGround[];
  comment: string;
  /** Required when the decision departs from the prefecture's opinion, or approves without one. */
  justification: string | null;
  /** Why the committee approves a dossier that is not eligible or whose legal form is « à vérifier ». */
  derogation: string | null;
  /** The dossier's eligibility when the decision was taken; null for platform decisions. */
  eligibility: EligibilitySummary | null;
  vote: VoteCount | null;
  /** Members present and not recused on this item. */
  voteBase: number;
  /** For > half of the vote base; null without a vote. */
  majorityReached: boolean | null;
  /** Members recused on this item (conflict of interest). */
  recusedMemberIds: number[];
  /** Set when this entry is a correction of sealed minutes. */
  amendmentId: number | null;
  recordedBy: string;
  recordedAt: string;
  /** What an approval commits, frozen when it was recorded (null for another decision). */
  money: FrozenMoney | null;
}

export interface DecisionInput {
  sessionId: number;
  dossierId: number;
  decision: DecisionKind;
  postsGranted?: number | null;
  priority?: boolean;
  grounds?: RefusalGround[];
  comment: string;
  justification?: string | null;
  /** Required (10–1,000 characters) to approve a dossier whose eligibility needs a derogation. */
  derogation?: string | null;
  vote?: VoteCount | null;
}

/** Length bounds of a derogation justification, like the opinion comment's. */
export const DEROGATION_MIN = 10;
export const DEROGATION_MAX = 1000;

export interface AgendaItem {
  position: number;
  dossierId: number;
  externalId: string;
  name: string | null;
  siret: string | null;
  networkName: string | null;
  departmentCode: string;
  departmentName: string;
  contractType: ContractType | null;
  postsRequested: number;
  opinion: OpinionKind | null;
  postsSupported: number | null;
  opinionComment: string | null;
  aggregateScore: number | null;
  /** French labels of the dossier's eligibility warnings. */
  warnings: string[];
  /** Éligible / à vérifier / non éligible, with the reasons and what an approval must derogate from. */
  eligibility: EligibilitySummary;
  /** The department's posts supported and granted (all sessions) against its target. */
  department: { supported: number; granted: number; target: number | null };
  /** Number of the earlier session that sent it to further review (carried over automatically). */
  carriedOverFrom: string | null;
  recusedMemberIds: number[];
  /** The current decision taken in this session, if any. */
  decision: SessionDecision | null;
  /** The dossier's fields that changed since that decision (before → after); empty without one. */
  changesSinceDecision: BasisChange[];
}

export interface MoneyByContract {
  total: number;
  byContractType: Record<ContractType | 'NONE', number>;
}

export interface SessionTotals {
  decided: number;
  approved: number;
  refused: number;
  furtherReview: number;
  postsGranted: number;
  /** Subsidy committed by this session's approvals, declared aid deducted. */
  subsidy: MoneyByContract;
  /** All committee and platform decisions, every session. */
  national: { postsGranted: number; target: number | null; subsidy: number };
  /** Departments of this session's agenda: granted (all sessions) against target. */
  departments: { code: string; name: string; grantedInSession: number; grantedTotal: number; target: number | null }[];
}

/** Free-text sections the secretariat edits; the rest of the minutes is generated. */
export const MINUTES_SECTIONS = ['introduction', 'discussion', 'miscellaneous', 'conclusion'] as const;
export type MinutesSection = (typeof MINUTES_SECTIONS)[number];
export const MINUTES_SECTION_LABELS: Record<MinutesSection, string> = {
  introduction: 'Ouverture de la séance',
  discussion: 'Échanges généraux',
  miscellaneous: 'Questions diverses',
  conclusion: 'Clôture',
};

export interface Amendment {
  id: number;
  sessionId: number;
  /** Why the sealed minutes are corrected. */
  reason: string;
  decisionIds: number[];
  createdBy: string;
  createdAt: string;
}

export interface SessionDetail extends SessionSummary {
  members: SessionMember[];
  quorum: Quorum;
  agenda: AgendaItem[];
  conflicts: Conflict[];
  sections: Record<MinutesSection, string>;
  amendments: Amendment[];
  totals: SessionTotals;
}

export interface SessionInput {
  id?: number;
  number: string;
  date: string;
  place: string;
  chairId: number | null;
  memberIds: number[];
  quorumRule?: QuorumRule;
}

/** A change to a session or a decision, as the history shows it. */
export interface SessionHistoryEntry {
  at: string;
  by: string;
  action: string;
  summary: string;
  before: unknown;
  after: unknown;
}

/** Members who must be present: more than half of the session's members (default), or a fixed minimum. */
export function quorumRequired(rule: QuorumRule, memberCount: number): number {
  return rule.kind === 'MAJORITY' ? Math.floor(memberCount / 2) + 1 : rule.count;
}

/**
 * A vote carries when more members vote for than half of the vote base (members present and not
 * recused): abstentions and members who did not vote count against. The backend records a
 * decision put to the vote only when it carries.
 */
export function majorityReached(vote: VoteCount, voteBase: number): boolean {
  return vote.for * 2 > voteBase;
}

/** The decision each prefecture opinion calls for. */
export const DECISION_FOR_OPINION: Record<OpinionKind, DecisionKind> = {
  FAVORABLE: 'POSITIF',
  DEFAVORABLE: 'NEGATIF',
  EXAMEN_COMPLEMENTAIRE: 'EXAMEN_COMPLEMENTAIRE',
  DOUBLON: 'NEGATIF',
};

/**
 * A decision departs from the prefecture's opinion (and then needs a justification) when its kind
 * differs from the one the opinion calls for, or when it grants more posts than the prefecture
 * supported. Granting fewer is the committee's ordinary arbitration. No opinion: nothing to depart from.
 */
export function departsFromOpinion(opinion: OpinionKind | null, postsSupported: number | null, decision: DecisionKind, postsGranted: number | null): boolean {
  if (opinion === null) return false;
  if (decision !== DECISION_FOR_OPINION[opinion]) return true;
  return decision === 'POSITIF' && postsSupported !== null && postsGranted !== null && postsGranted > postsSupported;
}

/** The dossier status a committee decision sets (the list, the detail and the map follow it). */
export const DECISION_STATUS: Record<DecisionKind, DossierStatus> = {
  POSITIF: 'VALIDATION_COSELEC',
  NEGATIF: 'REFUS_COSELEC',
  EXAMEN_COMPLEMENTAIRE: 'EXAMEN_COMPLEMENTAIRE_COSELEC',
};
