import { describe, expect, it } from 'vitest';
import { compareDepartmentCodes } from '../../../shared/domain/geography';
import {
  capabilities,
  conflictSubject,
  groupByDepartment,
  nextUndecided,
  orderByDepartment,
  quorumRuleLabel,
  quorumText,
  statusTransitions,
  voteBase,
  voteText,
} from '../../../renderer/components/Committee/session-view';
import { decision, item, member } from './committee-fixtures';

describe('quorum', () => {
  it('states the quorum as the secretariat reads it out', () => {
    expect(quorumText({ required: 5, present: 5, reached: true }, 8)).toBe('Quorum atteint : 5 présents sur 8, 5 requis');
    expect(quorumText({ required: 5, present: 1, reached: false }, 8)).toBe('Quorum non atteint : 1 présent sur 8, 5 requis');
    expect(quorumRuleLabel({ kind: 'MAJORITY' })).toBe('plus de la moitié des membres présents');
    expect(quorumRuleLabel({ kind: 'MINIMUM', count: 4 })).toBe('au moins 4 membres présents');
  });
});

describe('status', () => {
  it('offers only the transitions the backend allows', () => {
    expect(statusTransitions('PLANNED').map((transition) => [transition.to, transition.label])).toEqual([['IN_PROGRESS', 'Ouvrir la séance']]);
    expect(statusTransitions('IN_PROGRESS').map((transition) => [transition.to, transition.label])).toEqual([['CLOSED', 'Clore la séance']]);
    expect(statusTransitions('CLOSED').map((transition) => [transition.to, transition.label])).toEqual([['IN_PROGRESS', 'Rouvrir la séance']]);
    expect(statusTransitions('VALIDATED')).toEqual([]);
    // Closing asks first; opening does not.
    expect(statusTransitions('IN_PROGRESS')[0]?.confirm).toMatch(/Clore la séance/);
    expect(statusTransitions('PLANNED')[0]?.confirm).toBeNull();
  });

  it('allows decisions only while the session is in progress, and nothing but amendments once sealed', () => {
    expect(capabilities('PLANNED')).toMatchObject({ prepare: true, decide: false, validate: false, amend: false });
    expect(capabilities('IN_PROGRESS')).toMatchObject({ prepare: true, decide: true, validate: false, explanation: null });
    expect(capabilities('CLOSED')).toMatchObject({ prepare: false, decide: false, editSections: true, validate: true, amend: false });
    expect(capabilities('VALIDATED')).toMatchObject({ prepare: false, decide: false, editSections: false, validate: false, amend: true });
    expect(capabilities('VALIDATED').explanation).toMatch(/lecture seule/);
  });
});

describe('vote base', () => {
  const members = [member(1), member(2), member(3), member(4, 'EXCUSED'), member(5, 'ABSENT'), member(6)];

  it('counts the members present and not recused', () => {
    expect(voteBase(members, [])).toBe(4);
    expect(voteBase(members, [2])).toBe(3);
    // A recused member who is absent anyway changes nothing.
    expect(voteBase(members, [5])).toBe(4);
  });

  it('states the vote and whether it carries on that base', () => {
    expect(voteText({ for: 3, against: 1, abstain: 1 }, 5)).toBe('3 pour, 1 contre, 1 abstention (base de vote : 5) : majorité atteinte');
    expect(voteText({ for: 2, against: 1, abstain: 2 }, 5)).toBe('2 pour, 1 contre, 2 abstentions (base de vote : 5) : majorité non atteinte');
  });
});

describe('department order', () => {
  it('follows the official order, Corsica between 19 and 21 and overseas last', () => {
    const codes = ['971', '21', '2B', '06', '2A', '19', '13'];
    expect([...codes].sort(compareDepartmentCodes)).toEqual(['06', '13', '19', '2A', '2B', '21', '971']);
  });

  it('orders the agenda by department and keeps the order within a department', () => {
    const agenda = [item(1, '13'), item(2, '06'), item(3, '13'), item(4, '2A'), item(5, '06')];
    expect(orderByDepartment(agenda)).toEqual([2, 5, 1, 3, 4]);
  });

  it('groups items by department for the minutes', () => {
    const groups = groupByDepartment([item(1, '13'), item(2, '971'), item(3, '06'), item(4, '13')]);
    expect(groups.map((group) => [group.code, group.items.map((entry) => entry.dossierId)])).toEqual([
      ['06', [3]],
      ['13', [1, 4]],
      ['971', [2]],
    ]);
  });
});

describe('agenda navigation and conflicts', () => {
  it('moves on to the next undecided item, wrapping around', () => {
    const agenda = [item(1, '13', { decision: decision(1) }), item(2, '13'), item(3, '13', { decision: decision(3) }), item(4, '13')];
    expect(nextUndecided(agenda, 1)).toBe(3);
    expect(nextUndecided(agenda, 3)).toBe(1);
    expect(nextUndecided([item(1, '13', { decision: decision(1) })], 0)).toBeNull();
  });

  it('names what a conflict is declared on', () => {
    const agenda = [item(7, '13', { externalId: '4521', name: 'Le Lien numérique' })];
    expect(conflictSubject({ dossierId: 7, siret: null, networkName: null }, agenda)).toBe('Dossier ID 4521 – Le Lien numérique');
    expect(conflictSubject({ dossierId: null, siret: '41234567890128', networkName: null }, agenda)).toBe('Structure SIRET 41234567890128');
    expect(conflictSubject({ dossierId: null, siret: null, networkName: 'Emmaüs Connect' }, agenda)).toBe('Réseau national « Emmaüs Connect »');
  });
});
