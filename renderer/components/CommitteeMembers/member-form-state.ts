/** A committee member as the settings edit it. */
import type { Member, MemberInput } from '../../../shared/domain/committee';

export interface MemberFormValues {
  name: string;
  organisation: string;
}

export function memberFormErrors(values: MemberFormValues, others: readonly Member[]): string[] {
  const errors: string[] = [];
  const name = values.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2) errors.push('Indiquez le nom du membre (au moins 2 caractères).');
  else if (others.some((member) => member.name.trim().toLocaleLowerCase('fr') === name.toLocaleLowerCase('fr') && member.organisation.trim().toLocaleLowerCase('fr') === values.organisation.trim().toLocaleLowerCase('fr'))) {
    errors.push(`« ${name} » figure déjà dans la liste des membres pour cette organisation.`);
  }
  return errors;
}

export function toMemberInput(values: MemberFormValues, member: Member | null): MemberInput {
  return { ...(member ? { id: member.id } : {}), name: values.name.trim(), organisation: values.organisation.trim(), active: member?.active ?? true };
}

/** Active members first, then by name. */
export function sortMembers(members: readonly Member[]): Member[] {
  return [...members].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'fr'));
}
