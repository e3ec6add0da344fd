/** Builders of committee sessions for the renderer's unit tests (the shape the backend returns). */
import type { AgendaItem, SessionDecision, SessionDetail, SessionMember } from '../../../shared/domain/committee';

export function member(memberId: number, presence: SessionMember['presence'] = 'PRESENT'): SessionMember {
  return { memberId, name: `Membre ${memberId}`, organisation: memberId === 1 ? 'ANCT' : '', presence };
}

export function decision(dossierId: number, patch: Partial<SessionDecision> = {}): SessionDecision {
  return {
    id: dossierId * 10,
    sessionId: 1,
    sessionNumber: '12',
    sessionDate: '2021-03-24',
    dossierId,
    decision: 'POSITIF',
    postsGranted: 2,
    priority: false,
    grounds: [],
    comment: '',
    justification: null,
    derogation: null,
    eligibility: { state: 'ELIGIBLE', reasons: [], derogation: [] },
    vote: null,
    voteBase: 5,
    majorityReached: null,
    recusedMemberIds: [],
    amendmentId: null,
    recordedBy: 'Claire Martin',
    recordedAt: '2021-03-24T10:00:00.000Z',
    money: null,
    ...patch,
  };
}

export function item(dossierId: number, departmentCode: string, patch: Partial<AgendaItem> = {}): AgendaItem {
  return {
    position: dossierId,
    dossierId,
    externalId: String(4000 + dossierId),
    name: `Structure ${dossierId}`,
    siret: null,
    networkName: null,
    departmentCode,
    departmentName: `Département ${departmentCode}`,
    contractType: 'CDI',
    postsRequested: 3,
    opinion: 'FAVORABLE',
    postsSupported: 2,
    opinionComment: 'Projet pertinent.',
    aggregateScore: 3.5,
    warnings: [],
    eligibility: { state: 'ELIGIBLE', reasons: [], derogation: [] },
    department: { supported: 10, granted: 4, target: 8 },
    carriedOverFrom: null,
    changesSinceDecision: [],
    recusedMemberIds: [],
    decision: null,
    ...patch,
  };
}

export function session(patch: Partial<SessionDetail> = {}): SessionDetail {
  const members = patch.members ?? [member(1), member(2), member(3), member(4, 'EXCUSED'), member(5, 'ABSENT')];
  return {
    id: 1,
    number: '12',
    date: '2021-03-24',
    place: 'ANCT, salle 4.12',
    chairId: 1,
    chairName: 'Membre 1',
    status: 'IN_PROGRESS',
    quorumRule: { kind: 'MAJORITY' },
    memberCount: members.length,
    presentCount: members.filter((entry) => entry.presence === 'PRESENT').length,
    agendaCount: 0,
    decidedCount: 0,
    postsGranted: 0,
    minutesHash: null,
    validatedAt: null,
    validatedBy: null,
    members,
    quorum: { required: 3, present: 3, reached: true },
    agenda: [],
    conflicts: [],
    sections: { introduction: '', discussion: '', miscellaneous: '', conclusion: '' },
    amendments: [],
    totals: {
      decided: 0,
      approved: 0,
      refused: 0,
      furtherReview: 0,
      postsGranted: 0,
      subsidy: { total: 0, byContractType: { CDI: 0, CDD: 0, CONTRAT_PROJET: 0, CUI: 0, NONE: 0 } },
      national: { postsGranted: 0, target: 4000, subsidy: 0 },
      departments: [],
    },
    ...patch,
  };
}
