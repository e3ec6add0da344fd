/** The conflict-of-interest form: one member, and exactly one of a dossier, a SIRET or a national network. */

export type ConflictKind = 'dossier' | 'siret' | 'network';

export interface ConflictFormValues {
  memberId: number | null;
  kind: ConflictKind;
  dossierId: number | null;
  siret: string;
  networkName: string;
  note: string;
}

/** Spaces typed or pasted in a SIRET (« 123 456 789 00012 ») are not part of it. */
export function normaliseSiret(text: string): string {
  return text.replace(/[\s\u00a0\u202f.]/g, '');
}

export function conflictErrors(values: ConflictFormValues): string[] {
  const errors: string[] = [];
  if (values.memberId === null) errors.push('Choisissez le membre concerné.');
  if (values.kind === 'dossier' && values.dossierId === null) errors.push('Choisissez le dossier de l’ordre du jour concerné.');
  if (values.kind === 'siret' && !/^\d{14}$/.test(normaliseSiret(values.siret))) errors.push('Le SIRET compte 14 chiffres.');
  if (values.kind === 'network' && values.networkName.trim() === '') errors.push('Indiquez le nom du réseau national.');
  return errors;
}

export function toConflictRequest(sessionId: number, values: ConflictFormValues) {
  const base = { sessionId, memberId: values.memberId ?? 0, note: values.note.trim() };
  switch (values.kind) {
    case 'dossier':
      return { ...base, dossierId: values.dossierId ?? 0 };
    case 'siret':
      return { ...base, siret: normaliseSiret(values.siret) };
    case 'network':
      return { ...base, networkName: values.networkName.trim() };
  }
}
