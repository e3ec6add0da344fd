/**
 * The committee methods of the API contract (issue 5). Part of `Api` (contract.ts); the backend
 * enforces every rule (quorum, recusal, justification, sealing), the UI only shows them.
 */
import type {
  DecisionInput,
  Member,
  MemberInput,
  MinutesSection,
  Presence,
  SessionDecision,
  SessionDetail,
  SessionHistoryEntry,
  SessionInput,
  SessionStatus,
  SessionSummary,
} from '../domain/committee';
import type { SubsidySettings } from '../domain/subsidy';
import type { DossierFilter } from './contract';

export interface CommitteeApi {
  /** Members kept in Paramètres (active and inactive). */
  'members:list': (req: Record<string, never>) => Promise<Member[]>;
  'members:save': (req: MemberInput) => Promise<Member>;

  /** Newest first. */
  'sessions:list': (req: Record<string, never>) => Promise<SessionSummary[]>;
  'sessions:get': (req: { id: number }) => Promise<SessionDetail>;
  /**
   * Creates (no id) or edits a session that is not closed. On creation, the dossiers an earlier
   * session sent to further review, with no later decision, are put on the agenda automatically
   * (`carriedOverFrom`), unless they already wait on another session's agenda. The number and date
   * no longer change once the session has decisions.
   */
  'sessions:save': (req: SessionInput) => Promise<SessionDetail>;
  'sessions:setPresence': (req: { sessionId: number; memberId: number; presence: Presence }) => Promise<SessionDetail>;
  /** PLANNED → IN_PROGRESS → CLOSED (and back to IN_PROGRESS while not validated); VALIDATED only by minutes:validate. */
  'sessions:setStatus': (req: { sessionId: number; status: Exclude<SessionStatus, 'VALIDATED'> }) => Promise<SessionDetail>;
  /** Who changed what and when on the session and its decisions, newest first. */
  'sessions:history': (req: { sessionId: number }) => Promise<SessionHistoryEntry[]>;

  /**
   * Adds these dossiers at the end. Skipped, with the count: those already on this agenda, those
   * waiting undecided on another planned or running session, those approved or refused by a session.
   */
  'agenda:add': (req: { sessionId: number; dossierIds: number[] }) => Promise<{ added: number; skipped: number; session: SessionDetail }>;
  /**
   * Adds every dossier matching the filter (by department, then name); `readyForDecision` keeps those
   * with a current opinion, no final decision (none, or further review) and not withdrawn.
   */
  'agenda:addByFilter': (req: { sessionId: number; filter: DossierFilter; readyForDecision?: boolean }) => Promise<{ added: number; skipped: number; session: SessionDetail }>;
  'agenda:remove': (req: { sessionId: number; dossierId: number }) => Promise<SessionDetail>;
  /** The full order of the agenda's dossier ids. */
  'agenda:reorder': (req: { sessionId: number; order: number[] }) => Promise<SessionDetail>;

  /** One of dossierId / siret / networkName. */
  'conflicts:declare': (req: { sessionId: number; memberId: number; dossierId?: number; siret?: string; networkName?: string; note: string }) => Promise<SessionDetail>;
  'conflicts:remove': (req: { sessionId: number; conflictId: number }) => Promise<SessionDetail>;

  /**
   * Refused below quorum, outside IN_PROGRESS, after validation, for a dossier not on the agenda, or
   * contrary to the opinion without justification (departsFromOpinion), approving without an opinion
   * without justification, or approving a dossier whose eligibility needs a derogation (an error, a
   * legal form « à vérifier », a CDD beyond 18 months) without `derogation`; a vote, when given, counts at
   * most the vote base and must carry (majorityReached). Recording again replaces the session's decision.
   */
  'decisions:record': (req: DecisionInput) => Promise<SessionDetail>;
  /** Current decisions of one session (by id or number), or of every session when neither is given. */
  'decisions:list': (req: { sessionId?: number; sessionNumber?: string }) => Promise<SessionDecision[]>;

  'minutes:saveSections': (req: { sessionId: number; sections: Partial<Record<MinutesSection, string>> }) => Promise<SessionDetail>;
  /** The minutes as PDF (sealed minutes print their hash and their amendments). */
  'minutes:pdf': (req: { sessionId: number }) => Promise<{ fileName: string; data: Uint8Array }>;
  /** Seals: stores the content hash; the session and its decisions become read-only. Only a CLOSED session. */
  'minutes:validate': (req: { sessionId: number }) => Promise<SessionDetail>;
  /** Corrects decisions of sealed minutes: a new amendment with its reason and new decision entries. */
  'amendments:create': (req: { sessionId: number; reason: string; decisions: Omit<DecisionInput, 'sessionId'>[] }) => Promise<SessionDetail>;

  'subsidy:settings': (req: Record<string, never>) => Promise<SubsidySettings>;
  'subsidy:saveSettings': (req: SubsidySettings) => Promise<SubsidySettings>;
}

export const COMMITTEE_METHODS = [
  'members:list',
  'members:save',
  'sessions:list',
  'sessions:get',
  'sessions:save',
  'sessions:setPresence',
  'sessions:setStatus',
  'sessions:history',
  'agenda:add',
  'agenda:addByFilter',
  'agenda:remove',
  'agenda:reorder',
  'conflicts:declare',
  'conflicts:remove',
  'decisions:record',
  'decisions:list',
  'minutes:saveSections',
  'minutes:pdf',
  'minutes:validate',
  'amendments:create',
  'subsidy:settings',
  'subsidy:saveSettings',
] as const satisfies readonly (keyof CommitteeApi)[];

export type CommitteeMethod = (typeof COMMITTEE_METHODS)[number];
