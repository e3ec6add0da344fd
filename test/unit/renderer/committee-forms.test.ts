import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/domain/committee';
import { initialSessionValues, memberOptions, quorumPreview, sessionFormErrors, toSessionInput } from '../../../renderer/components/Committee/session-form-state';
import type { SessionFormValues } from '../../../renderer/components/Committee/session-form-state';
import { conflictErrors, normaliseSiret, toConflictRequest } from '../../../renderer/components/SessionConflicts/conflict-form-state';
import type { ConflictFormValues } from '../../../renderer/components/SessionConflicts/conflict-form-state';
import { memberFormErrors, sortMembers, toMemberInput } from '../../../renderer/components/CommitteeMembers/member-form-state';
import { amendmentErrors, newCorrection, toAmendmentDecisions } from '../../../renderer/components/MinutesPanel/amendment-form-state';
import { addedMessage, arrangeItems } from '../../../renderer/components/SessionAgenda/agenda-view';
import { decision, item, session } from './committee-fixtures';

const MEMBERS: Member[] = [
  { id: 1, name: 'Anne Durand', organisation: 'ANCT', active: true },
  { id: 2, name: 'Bruno Petit', organisation: 'Banque des Territoires', active: true },
  { id: 3, name: 'Chloé Roux', organisation: '', active: false },
  { id: 4, name: 'David Morel', organisation: 'DGE', active: true },
];

describe('session form', () => {
  it('invites every active member to a new session, with the majority quorum', () => {
    const values = initialSessionValues(null, MEMBERS, '2021-03-24');
    expect(values).toEqual({ number: '', date: '2021-03-24', place: '', chairId: null, memberIds: [1, 2, 4], quorumKind: 'MAJORITY', quorumCount: '' });
    expect(quorumPreview(values)).toBe('2 présents requis sur 3 membres.');
  });

  it('lists what is missing', () => {
    const values: SessionFormValues = { number: ' ', date: '', place: '', chairId: 3, memberIds: [], quorumKind: 'MINIMUM', quorumCount: '' };
    expect(sessionFormErrors(values)).toEqual([
      'Indiquez le numéro de la séance (par exemple « 12 » ou « 62BIS »).',
      'Indiquez la date de la séance.',
      'Choisissez au moins un membre du comité.',
      'La présidence revient à l’un des membres de la séance.',
      'Quorum : un nombre de membres présents de 1 à 0.',
    ]);
  });

  it('builds the request, with a minimum quorum when chosen', () => {
    const values: SessionFormValues = { number: ' 62BIS ', date: '2023-12-22', place: ' Visio ', chairId: 1, memberIds: [1, 2, 4], quorumKind: 'MINIMUM', quorumCount: 2 };
    expect(sessionFormErrors(values)).toEqual([]);
    expect(quorumPreview(values)).toBe('2 présents requis sur 3 membres.');
    expect(toSessionInput(values, undefined)).toEqual({ number: '62BIS', date: '2023-12-22', place: 'Visio', chairId: 1, memberIds: [1, 2, 4], quorumRule: { kind: 'MINIMUM', count: 2 } });
    expect(toSessionInput({ ...values, quorumKind: 'MAJORITY' }, 9)).toMatchObject({ id: 9, quorumRule: { kind: 'MAJORITY' } });
  });

  it('offers active members, and inactive ones already on the session', () => {
    expect(memberOptions(MEMBERS, []).map((option) => option.value)).toEqual(['1', '2', '4']);
    expect(memberOptions(MEMBERS, [3]).map((option) => option.label)).toEqual(['Anne Durand (ANCT)', 'Bruno Petit (Banque des Territoires)', 'Chloé Roux', 'David Morel (DGE)']);
  });
});

describe('conflict of interest form', () => {
  const base: ConflictFormValues = { memberId: 2, kind: 'dossier', dossierId: null, siret: '', networkName: '', note: '' };

  it('requires the member and the one thing the conflict is about', () => {
    expect(conflictErrors({ ...base, memberId: null })).toEqual(['Choisissez le membre concerné.', 'Choisissez le dossier de l’ordre du jour concerné.']);
    expect(conflictErrors({ ...base, kind: 'siret', siret: '4123 4567 890' })).toEqual(['Le SIRET compte 14 chiffres.']);
    expect(conflictErrors({ ...base, kind: 'network', networkName: '  ' })).toEqual(['Indiquez le nom du réseau national.']);
  });

  it('sends exactly one of dossier, SIRET or network', () => {
    expect(normaliseSiret('412 345 678 90128')).toBe('41234567890128');
    expect(toConflictRequest(5, { ...base, dossierId: 8, siret: '41234567890128', note: ' Administratrice ' })).toEqual({ sessionId: 5, memberId: 2, dossierId: 8, note: 'Administratrice' });
    expect(toConflictRequest(5, { ...base, kind: 'siret', siret: '412 345 678 90128' })).toEqual({ sessionId: 5, memberId: 2, siret: '41234567890128', note: '' });
    expect(toConflictRequest(5, { ...base, kind: 'network', networkName: ' Emmaüs Connect ' })).toEqual({ sessionId: 5, memberId: 2, networkName: 'Emmaüs Connect', note: '' });
  });
});

describe('committee members', () => {
  it('refuses an empty name and a twin in the same organisation', () => {
    expect(memberFormErrors({ name: ' ', organisation: '' }, MEMBERS)).toEqual(['Indiquez le nom du membre (au moins 2 caractères).']);
    expect(memberFormErrors({ name: 'anne  durand', organisation: 'anct' }, MEMBERS)[0]).toMatch(/figure déjà/);
    expect(memberFormErrors({ name: 'Anne Durand', organisation: 'DGE' }, MEMBERS)).toEqual([]);
  });

  it('keeps the active flag when renaming and lists active members first', () => {
    expect(toMemberInput({ name: ' Chloé Roux-Martin ', organisation: ' ANCT ' }, MEMBERS[2]!)).toEqual({ id: 3, name: 'Chloé Roux-Martin', organisation: 'ANCT', active: false });
    expect(toMemberInput({ name: 'Eve', organisation: '' }, null)).toEqual({ name: 'Eve', organisation: '', active: true });
    expect(sortMembers(MEMBERS).map((member) => member.id)).toEqual([1, 2, 4, 3]);
  });
});

describe('amendment form', () => {
  const sealed = session({ status: 'VALIDATED', agenda: [item(1, '13', { decision: decision(1) }), item(2, '06', { decision: decision(2) })] });

  it('requires a reason and at least one valid corrected decision', () => {
    expect(amendmentErrors(sealed, 'court', [])).toEqual([
      'Indiquez le motif de l’amendement (au moins 10 caractères) : il figure au procès-verbal.',
      'Choisissez au moins un dossier dont la décision est corrigée.',
    ]);
    const correction = newCorrection(sealed.agenda[0]!);
    expect(correction.values).toMatchObject({ decision: 'POSITIF', postsGranted: 2 });
    const wrong = { ...correction, values: { ...correction.values, postsGranted: 0 as const } };
    expect(amendmentErrors(sealed, 'Erreur matérielle sur les postes', [wrong])).toEqual(['ID 4001 : Postes accordés : un nombre entier de 1 à 3 (postes demandés).']);
  });

  it('sends the corrected decisions without the session id', () => {
    const correction = newCorrection(sealed.agenda[1]!);
    const [input] = toAmendmentDecisions(sealed, [{ ...correction, values: { ...correction.values, postsGranted: 1 } }]);
    expect(input).toEqual({ dossierId: 2, decision: 'POSITIF', postsGranted: 1, priority: false, grounds: [], comment: '', justification: null, derogation: null, vote: null });
    expect(input).not.toHaveProperty('sessionId');
  });
});

describe('agenda additions', () => {
  it('reports what was added and skipped', () => {
    expect(addedMessage(12, 0)).toBe('12 dossiers ajoutés.');
    expect(addedMessage(1, 2)).toBe('1 dossier ajouté ; 2 dossiers ignorés (déjà inscrit ou décidé dans une séance scellée).');
    expect(addedMessage(0, 1)).toBe('Aucun dossier ajouté ; 1 dossier ignoré (déjà inscrit ou décidé dans une séance scellée).');
  });

  it('shows a pending order at once, keeping items it does not know about', () => {
    const agenda = [item(1, '13'), item(2, '06'), item(3, '2A')];
    expect(arrangeItems(agenda, null).map((entry) => entry.dossierId)).toEqual([1, 2, 3]);
    expect(arrangeItems(agenda, [3, 1]).map((entry) => entry.dossierId)).toEqual([3, 1, 2]);
    expect(arrangeItems(agenda, [9, 2, 1, 3]).map((entry) => entry.dossierId)).toEqual([2, 1, 3]);
  });
});
