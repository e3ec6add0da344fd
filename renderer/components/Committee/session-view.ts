/**
 * What the session screens say and allow, computed apart from the views for tests: quorum
 * statement, status transitions, what each status permits, vote base, department order.
 * The backend enforces every rule; these only decide what the UI shows and offers.
 */
import { majorityReached } from '../../../shared/domain/committee';
import type { AgendaItem, Conflict, QuorumRule, Quorum, SessionMember, SessionStatus, VoteCount } from '../../../shared/domain/committee';
import { compareDepartmentCodes } from '../../../shared/domain/geography';
import { formatNumber, pluralize } from '../../lib/format';

export function quorumRuleLabel(rule: QuorumRule): string {
  return rule.kind === 'MAJORITY' ? 'plus de la moitié des membres présents' : `au moins ${pluralize(rule.count, 'membre présent', 'membres présents')}`;
}

/** « Quorum atteint : 5 présents sur 8, 5 requis ». */
export function quorumText(quorum: Quorum, memberCount: number): string {
  const present = `${formatNumber(quorum.present)} ${quorum.present < 2 ? 'présent' : 'présents'}`;
  return `${quorum.reached ? 'Quorum atteint' : 'Quorum non atteint'} : ${present} sur ${formatNumber(memberCount)}, ${formatNumber(quorum.required)} requis`;
}

export interface StatusTransition {
  to: Exclude<SessionStatus, 'VALIDATED'>;
  label: string;
  /** Asked before the change, when it matters. */
  confirm: string | null;
}

/** PLANNED → IN_PROGRESS → CLOSED, and back to IN_PROGRESS while the minutes are not validated. */
export function statusTransitions(status: SessionStatus): StatusTransition[] {
  switch (status) {
    case 'PLANNED':
      return [{ to: 'IN_PROGRESS', label: 'Ouvrir la séance', confirm: null }];
    case 'IN_PROGRESS':
      return [{ to: 'CLOSED', label: 'Clore la séance', confirm: 'Clore la séance ? Les décisions ne pourront plus être modifiées sans la rouvrir.' }];
    case 'CLOSED':
      return [{ to: 'IN_PROGRESS', label: 'Rouvrir la séance', confirm: null }];
    case 'VALIDATED':
      return [];
  }
}

export const SESSION_STATUS_COLORS: Record<SessionStatus, string> = {
  PLANNED: 'gray',
  IN_PROGRESS: 'blueFrance',
  CLOSED: 'orange',
  VALIDATED: 'green',
};

export interface SessionCapabilities {
  /** Session details, presence, conflicts and agenda. */
  prepare: boolean;
  decide: boolean;
  editSections: boolean;
  validate: boolean;
  amend: boolean;
  /** Why some controls are disabled, for the banner above them (null: everything is open). */
  explanation: string | null;
}

/** What each status lets the secretariat do (mirrors the backend's refusals). */
export function capabilities(status: SessionStatus): SessionCapabilities {
  switch (status) {
    case 'PLANNED':
      return {
        prepare: true,
        decide: false,
        editSections: true,
        validate: false,
        amend: false,
        explanation: 'La séance n’est pas encore ouverte : préparez l’ordre du jour et la liste des présents, puis « Ouvrir la séance » pour enregistrer les décisions.',
      };
    case 'IN_PROGRESS':
      return { prepare: true, decide: true, editSections: true, validate: false, amend: false, explanation: null };
    case 'CLOSED':
      return {
        prepare: false,
        decide: false,
        editSections: true,
        validate: true,
        amend: false,
        explanation: 'La séance est close : les présences, l’ordre du jour et les décisions ne se modifient plus qu’en la rouvrant. Le procès-verbal peut être complété puis validé.',
      };
    case 'VALIDATED':
      return {
        prepare: false,
        decide: false,
        editSections: false,
        validate: false,
        amend: true,
        explanation: 'Le procès-verbal est validé et scellé : la séance et ses décisions sont en lecture seule. Toute correction passe par un amendement.',
      };
  }
}

/** Members present and not recused on an item: the base of its vote. */
export function voteBase(members: readonly SessionMember[], recusedMemberIds: readonly number[]): number {
  return members.filter((member) => member.presence === 'PRESENT' && !recusedMemberIds.includes(member.memberId)).length;
}

/** « 4 pour, 1 contre, 1 abstention sur 6 votants possibles : majorité atteinte ». */
export function voteText(vote: VoteCount, base: number): string {
  const parts = `${formatNumber(vote.for)} pour, ${formatNumber(vote.against)} contre, ${pluralize(vote.abstain, 'abstention', 'abstentions')}`;
  return `${parts} (base de vote : ${formatNumber(base)}) : ${majorityReached(vote, base) ? 'majorité atteinte' : 'majorité non atteinte'}`;
}


/** The agenda ordered by department, keeping the current order within each department. */
export function orderByDepartment(agenda: readonly Pick<AgendaItem, 'dossierId' | 'departmentCode'>[]): number[] {
  return agenda
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareDepartmentCodes(a.item.departmentCode, b.item.departmentCode) || a.index - b.index)
    .map(({ item }) => item.dossierId);
}

export interface DepartmentGroup<T> {
  code: string;
  name: string;
  items: T[];
}

/** Items grouped by department in the official order (the minutes list decisions this way). */
export function groupByDepartment<T extends Pick<AgendaItem, 'departmentCode' | 'departmentName'>>(items: readonly T[]): DepartmentGroup<T>[] {
  const groups = new Map<string, DepartmentGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.departmentCode) ?? { code: item.departmentCode, name: item.departmentName, items: [] };
    group.items.push(item);
    groups.set(item.departmentCode, group);
  }
  return [...groups.values()].sort((a, b) => compareDepartmentCodes(a.code, b.code));
}

/** What a conflict of interest is declared on, in words. */
export function conflictSubject(conflict: Pick<Conflict, 'dossierId' | 'siret' | 'networkName'>, agenda: readonly Pick<AgendaItem, 'dossierId' | 'externalId' | 'name'>[]): string {
  if (conflict.dossierId !== null) {
    const item = agenda.find((entry) => entry.dossierId === conflict.dossierId);
    return item ? `Dossier ID ${item.externalId} – ${item.name ?? 'Structure sans nom'}` : `Dossier n° ${conflict.dossierId}`;
  }
  if (conflict.siret !== null) return `Structure SIRET ${conflict.siret}`;
  return `Réseau national « ${conflict.networkName ?? ''} »`;
}

/** Names of the members recused on an item, in the session's member order. */
export function recusedNames(members: readonly SessionMember[], recusedMemberIds: readonly number[]): string[] {
  return members.filter((member) => recusedMemberIds.includes(member.memberId)).map((member) => member.name);
}

/** The first undecided item after `index` (wrapping around), or null when every item is decided. */
export function nextUndecided(agenda: readonly Pick<AgendaItem, 'decision'>[], index: number): number | null {
  for (let step = 1; step <= agenda.length; step += 1) {
    const candidate = (index + step) % agenda.length;
    if (agenda[candidate]?.decision === null) return candidate;
  }
  return null;
}
