/** The minutes as the preview shows them: who attended, and the decisions grouped by department. */
import { DECISION_LABELS, MINUTES_SECTIONS, REFUSAL_GROUND_LABELS } from '../../../shared/domain/committee';
import type { AgendaItem, MinutesSection, Presence, SessionDetail, SessionMember } from '../../../shared/domain/committee';
import { pluralize } from '../../lib/format';
import { groupByDepartment, recusedNames, voteText } from '../Committee/session-view';
import type { DepartmentGroup } from '../Committee/session-view';

export function membersWith(members: readonly SessionMember[], presence: Presence): string[] {
  return members.filter((member) => member.presence === presence).map((member) => (member.organisation ? `${member.name} (${member.organisation})` : member.name));
}

export interface MinutesLine {
  dossierId: number;
  dossier: string;
  decision: string;
  posts: string;
  details: string[];
  vote: string;
  recused: string;
}

function lineOf(session: SessionDetail, item: AgendaItem): MinutesLine {
  const decision = item.decision;
  const details: string[] = [];
  if (decision) {
    details.push(...decision.grounds.map((ground) => REFUSAL_GROUND_LABELS[ground]));
    if (decision.comment) details.push(decision.comment);
    if (decision.justification) details.push(`Écart avec l’avis de la préfecture : ${decision.justification}`);
    if (decision.priority) details.push('Dossier prioritaire.');
  }
  return {
    dossierId: item.dossierId,
    dossier: `ID ${item.externalId} – ${item.name ?? 'Structure sans nom'}`,
    decision: decision ? DECISION_LABELS[decision.decision] : 'Sans décision',
    posts: decision?.postsGranted ? pluralize(decision.postsGranted, 'poste', 'postes') : '—',
    details,
    vote: decision?.vote ? voteText(decision.vote, decision.voteBase) : '—',
    recused: recusedNames(session.members, item.recusedMemberIds).join(', ') || '—',
  };
}

/** Decided items grouped by department in the official order; undecided items are listed apart. */
export function minutesDecisions(session: SessionDetail): { groups: DepartmentGroup<MinutesLine & { departmentCode: string; departmentName: string }>[]; undecided: MinutesLine[] } {
  const decided = session.agenda.filter((item) => item.decision !== null);
  const lines = decided.map((item) => ({ ...lineOf(session, item), departmentCode: item.departmentCode, departmentName: item.departmentName }));
  return { groups: groupByDepartment(lines), undecided: session.agenda.filter((item) => item.decision === null).map((item) => lineOf(session, item)) };
}

/** Sections whose draft differs from what is stored. */
export function changedSections(stored: Record<MinutesSection, string>, drafts: Record<MinutesSection, string>): Partial<Record<MinutesSection, string>> {
  const changed: Partial<Record<MinutesSection, string>> = {};
  for (const section of MINUTES_SECTIONS) {
    if ((drafts[section] ?? '') !== (stored[section] ?? '')) changed[section] = drafts[section];
  }
  return changed;
}

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « mercredi 24 mars 2021 », as minutes date a session (a calendar day: no time zone shift). */
export function longDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : LONG_DATE.format(date);
}
