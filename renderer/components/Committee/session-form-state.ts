/** The « Nouvelle séance » / « Modifier la séance » form: values, checks and the request. */
import type { Member, QuorumRule, SessionDetail, SessionInput } from '../../../shared/domain/committee';
import { formatNumber } from '../../lib/format';
import { quorumRequired } from '../../../shared/domain/committee';

export interface SessionFormValues {
  number: string;
  date: string;
  place: string;
  chairId: number | null;
  memberIds: number[];
  quorumKind: QuorumRule['kind'];
  quorumCount: number | '';
}

export function initialSessionValues(session: SessionDetail | null, members: readonly Member[], today: string): SessionFormValues {
  if (session) {
    return {
      number: session.number,
      date: session.date,
      place: session.place,
      chairId: session.chairId,
      memberIds: session.members.map((member) => member.memberId),
      quorumKind: session.quorumRule.kind,
      quorumCount: session.quorumRule.kind === 'MINIMUM' ? session.quorumRule.count : '',
    };
  }
  // A new session starts with every active member invited: the secretariat removes the others.
  return { number: '', date: today, place: '', chairId: null, memberIds: members.filter((member) => member.active).map((member) => member.id), quorumKind: 'MAJORITY', quorumCount: '' };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function sessionFormErrors(values: SessionFormValues): string[] {
  const errors: string[] = [];
  if (values.number.trim() === '') errors.push('Indiquez le numéro de la séance (par exemple « 12 » ou « 62BIS »).');
  if (!ISO_DATE.test(values.date) || Number.isNaN(new Date(values.date).getTime())) errors.push('Indiquez la date de la séance.');
  if (values.memberIds.length === 0) errors.push('Choisissez au moins un membre du comité.');
  if (values.chairId !== null && !values.memberIds.includes(values.chairId)) errors.push('La présidence revient à l’un des membres de la séance.');
  if (values.quorumKind === 'MINIMUM') {
    const count = values.quorumCount;
    if (count === '' || !Number.isInteger(count) || count < 1 || count > values.memberIds.length) {
      errors.push(`Quorum : un nombre de membres présents de 1 à ${formatNumber(values.memberIds.length)}.`);
    }
  }
  return errors;
}

export function quorumRuleOf(values: SessionFormValues): QuorumRule {
  return values.quorumKind === 'MINIMUM' && values.quorumCount !== '' ? { kind: 'MINIMUM', count: values.quorumCount } : { kind: 'MAJORITY' };
}

/** « 5 présents requis sur 8 membres », shown under the quorum choice. */
export function quorumPreview(values: SessionFormValues): string {
  const count = values.memberIds.length;
  if (values.quorumKind === 'MINIMUM' && values.quorumCount === '') return '';
  const required = quorumRequired(quorumRuleOf(values), count);
  return `${formatNumber(required)} ${required < 2 ? 'présent requis' : 'présents requis'} sur ${formatNumber(count)} ${count < 2 ? 'membre' : 'membres'}.`;
}

export function toSessionInput(values: SessionFormValues, id: number | undefined): SessionInput {
  return {
    ...(id === undefined ? {} : { id }),
    number: values.number.trim(),
    date: values.date,
    place: values.place.trim(),
    chairId: values.chairId,
    memberIds: values.memberIds,
    quorumRule: quorumRuleOf(values),
  };
}

/** Members offered in the form: the active ones, plus inactive ones already on the session. */
export function memberOptions(members: readonly Member[], selected: readonly number[]): { value: string; label: string }[] {
  return members
    .filter((member) => member.active || selected.includes(member.id))
    .map((member) => ({ value: String(member.id), label: member.organisation ? `${member.name} (${member.organisation})` : member.name }));
}
