import { describe, expect, it } from 'vitest';
import { changedSections, longDate, membersWith, minutesDecisions } from '../../../renderer/components/MinutesPanel/minutes-view';
import { formatHistoryValue, historyChanges } from '../../../renderer/components/SessionHistory/history-view';
import { departmentLines, moneyLines, nationalRemaining } from '../../../renderer/components/SessionTotals/totals-view';
import { decision, item, member, session } from './committee-fixtures';

describe('minutes', () => {
  const detail = session({
    members: [member(1), member(2), member(3, 'EXCUSED'), member(4, 'ABSENT')],
    agenda: [
      item(1, '13', { decision: decision(1, { postsGranted: 2, priority: true }) }),
      item(2, '06', { decision: decision(2, { decision: 'NEGATIF', postsGranted: null, grounds: ['BESOINS'], comment: 'Offre suffisante.', justification: 'Deux lieux couvrent déjà le quartier.' }), recusedMemberIds: [2] }),
      item(3, '13'),
      item(4, '971', { decision: decision(4, { decision: 'EXAMEN_COMPLEMENTAIRE', postsGranted: null, vote: { for: 2, against: 0, abstain: 0 }, voteBase: 2 }) }),
    ],
  });

  it('lists the members by presence', () => {
    expect(membersWith(detail.members, 'PRESENT')).toEqual(['Membre 1 (ANCT)', 'Membre 2']);
    expect(membersWith(detail.members, 'EXCUSED')).toEqual(['Membre 3']);
  });

  it('groups decisions by department with posts, grounds, justification, votes and recusals; undecided items apart', () => {
    const { groups, undecided } = minutesDecisions(detail);
    expect(groups.map((group) => [group.code, group.items.map((line) => line.dossierId)])).toEqual([
      ['06', [2]],
      ['13', [1]],
      ['971', [4]],
    ]);
    const refusal = groups[0]!.items[0]!;
    expect(refusal).toMatchObject({ decision: 'Refus', posts: '—', recused: 'Membre 2' });
    expect(refusal.details).toEqual([
      'Pertinence du projet au regard des besoins identifiés et de l’offre existante',
      'Offre suffisante.',
      'Écart avec l’avis de la préfecture : Deux lieux couvrent déjà le quartier.',
    ]);
    expect(groups[1]!.items[0]).toMatchObject({ decision: 'Accord', posts: '2 postes', details: ['Dossier prioritaire.'], vote: '—' });
    expect(groups[2]!.items[0]!.vote).toBe('2 pour, 0 contre, 0 abstention (base de vote : 2) : majorité atteinte');
    expect(undecided.map((line) => line.dossier)).toEqual(['ID 4003 – Structure 3']);
  });

  it('dates the session in words', () => {
    expect(longDate('2021-03-24')).toBe('mercredi 24 mars 2021');
    expect(longDate('2023-12-22')).toBe('vendredi 22 décembre 2023');
    expect(longDate('pas une date')).toBe('pas une date');
  });

  it('sends only the sections that changed', () => {
    const stored = { introduction: 'Ouverture à 10 h.', discussion: '', miscellaneous: '', conclusion: '' };
    expect(changedSections(stored, { ...stored })).toEqual({});
    expect(changedSections(stored, { ...stored, discussion: 'Point sur la Guyane.', introduction: 'Ouverture à 10 h.' })).toEqual({ discussion: 'Point sur la Guyane.' });
  });
});

describe('live totals', () => {
  it('lists the money committed per contract type, in the AMI order, without empty lines', () => {
    expect(moneyLines({ total: 152000, byContractType: { CDI: 80000, CDD: 32000, CONTRAT_PROJET: 0, CUI: 0, NONE: 40000 } })).toEqual([
      { key: 'CDI', label: 'CDI', amount: 80000 },
      { key: 'CDD', label: 'CDD', amount: 32000 },
      { key: 'NONE', label: 'Contrat non renseigné', amount: 40000 },
    ]);
  });

  it('says how far the national total is from the target, figures grouped the French way', () => {
    expect(nationalRemaining(3692)).toBe('3\u202f692 postes restants');
    expect(nationalRemaining(1)).toBe('1 poste restant');
    expect(nationalRemaining(0)).toBe('objectif atteint');
    expect(nationalRemaining(-12)).toBe('12 postes au-delà de l’objectif');
  });

  it('marks departments over their target and lists them first', () => {
    const totals = session().totals;
    const lines = departmentLines({
      ...totals,
      departments: [
        { code: '13', name: 'Bouches-du-Rhône', grantedInSession: 2, grantedTotal: 9, target: 8 },
        { code: '06', name: 'Alpes-Maritimes', grantedInSession: 1, grantedTotal: 3, target: 10 },
        { code: '2A', name: 'Corse-du-Sud', grantedInSession: 0, grantedTotal: 2, target: null },
        { code: '971', name: 'Guadeloupe', grantedInSession: 4, grantedTotal: 4, target: 4 },
      ],
    });
    expect(lines.map((line) => [line.code, line.over])).toEqual([
      ['13', true],
      ['06', false],
      ['2A', false],
      ['971', false],
    ]);
  });
});

describe('session history', () => {
  it('shows only what changed, with French labels and values', () => {
    expect(historyChanges({ status: 'PLANNED', number: '12' }, { status: 'IN_PROGRESS', number: '12' })).toEqual([{ key: 'status', label: 'Statut', before: 'Planifiée', after: 'En cours' }]);
    expect(historyChanges({ memberId: 3, presence: 'ABSENT' }, { memberId: 3, presence: 'PRESENT' })).toEqual([{ key: 'presence', label: 'Présence', before: 'Absent', after: 'Présent' }]);
  });

  it('leaves out the bookkeeping of a stored decision', () => {
    const before = decision(7, { decision: 'POSITIF', postsGranted: 2 });
    const after = decision(7, { id: 71, decision: 'NEGATIF', postsGranted: null, grounds: ['EQUILIBRE_DEPARTEMENTS'], recordedAt: '2021-03-24T11:00:00.000Z' });
    expect(historyChanges(before, after).map((change) => [change.label, change.before, change.after])).toEqual([
      ['Décision', 'Accord', 'Refus'],
      ['Postes accordés', '2', '—'],
      ['Motifs', '—', 'Équilibre entre départements au regard de leurs besoins et de leurs dotations'],
    ]);
  });

  it('describes a creation and plain values', () => {
    expect(historyChanges(null, { id: 4, name: 'Anne Durand', organisation: '', active: true })).toEqual([
      { key: 'name', label: 'Nom', before: null, after: 'Anne Durand' },
      { key: 'active', label: 'Actif', before: null, after: 'Oui' },
    ]);
    // Internal ids are left to the entry's summary; null and absent read the same.
    expect(historyChanges({ dossierId: 3, postsGranted: null }, { dossierId: 3, decisionIds: [5] })).toEqual([]);
    expect(formatHistoryValue({ kind: 'MINIMUM', count: 4 })).toBe('au moins 4 membres');
    expect(formatHistoryValue({ for: 3, against: 1, abstain: 0 })).toBe('3 pour, 1 contre, 0 abst.');
    expect(formatHistoryValue(12500)).toBe('12\u202f500');
    expect(historyChanges('a', 'a')).toEqual([]);
  });
});
