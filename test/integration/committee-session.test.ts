import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../shared/domain/committee';
import { generateDemoDossiers } from '../../electron/backend/demo/generate-demo';
import { writePlatformCsv } from '../../electron/backend/demo/platform-csv';
import { COMMENT, committeeRows, openCommitteeBase, openSession, type CommitteeBase } from './committee-fixtures';
import { useProfile } from './review-fixtures';

let base: CommitteeBase;
beforeEach(async () => {
  base = await openCommitteeBase();
});
afterEach(() => base.backend.close());

const item = (session: SessionDetail, externalId: string) => session.agenda.find((i) => i.externalId === externalId)!;

/** Calls `fn`, expects the refusal, and checks that nothing was written. */
async function refused(fn: () => Promise<unknown>, expected: { code?: string; message?: RegExp }) {
  const version = base.backend.store.version;
  const rows = committeeRows(base.backend);
  const error = await fn().then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error, 'the call should have been refused').not.toBeNull();
  if (expected.code) expect(error!.code).toBe(expected.code);
  if (expected.message) expect(error!.message).toMatch(expected.message);
  expect(base.backend.store.version).toBe(version);
  expect(committeeRows(base.backend)).toEqual(rows);
  return error!;
}

describe('members', () => {
  it('are kept in a list (active first), without twins', async () => {
    const { backend, members } = base;
    await refused(() => backend.call('members:save', { name: ' alice   martin ', organisation: 'anct', active: true }), { code: 'VALIDATION', message: /Alice Martin \(ANCT\) figure déjà/ });
    await refused(() => backend.call('members:save', { name: 'X', organisation: '', active: true }), { message: /de 2 à 200 caractères/ });
    await backend.call('members:save', { id: members.Alice!, name: 'Alice Martin', organisation: 'ANCT', active: false });
    const list = await backend.call('members:list', {});
    expect(list).toHaveLength(7);
    expect(list.at(-1)).toEqual({ id: members.Alice, name: 'Alice Martin', organisation: 'ANCT', active: false });
  });
});

describe('sessions', () => {
  it('have unique numbers whatever the case, members from the list, a chair among them', async () => {
    const { backend, members } = base;
    await backend.call('sessions:save', { number: '62BIS', date: '2023-12-22', place: 'Visioconférence', chairId: members.Alice!, memberIds: [members.Alice!, members.Bruno!] });
    await refused(() => backend.call('sessions:save', { number: ' 62bis ', date: '2023-12-23', place: '', chairId: null, memberIds: [] }), {
      code: 'VALIDATION',
      message: /« 62bis » est déjà celui de la séance du 22\/12\/2023/,
    });
    await refused(() => backend.call('sessions:save', { number: '63', date: '2023-02-30', place: '', chairId: members.Chloé!, memberIds: [members.Alice!, 999] }), { code: 'VALIDATION', message: /date valide.*n° 999 n’existe pas.*présidence/ });
    await backend.call('members:save', { id: members.Gilles!, name: 'Gilles Moreau', organisation: 'Ministère de l’Économie', active: false });
    await refused(() => backend.call('sessions:save', { number: '63', date: '2024-01-10', place: '', chairId: null, memberIds: [members.Gilles!] }), { message: /n’est plus membre actif/ });
    const list = await backend.call('sessions:list', {});
    expect(list.map((s) => [s.number, s.status, s.memberCount, s.chairName])).toEqual([['62BIS', 'PLANNED', 2, 'Alice Martin']]);
  });

  it('follow planned → in progress → closed → in progress; validated only through the minutes', async () => {
    const { backend } = base;
    const session = await openSession(base);
    expect(session.status).toBe('IN_PROGRESS');
    await refused(() => backend.call('sessions:setStatus', { sessionId: session.id, status: 'PLANNED' }), { code: 'VALIDATION', message: /planifiée → en cours → close/ });
    expect((await backend.call('sessions:setStatus', { sessionId: session.id, status: 'CLOSED' })).status).toBe('CLOSED');
    await refused(() => backend.call('sessions:setPresence', { sessionId: session.id, memberId: base.members.Émilie!, presence: 'PRESENT' }), { code: 'SESSION_CLOSED', message: /est close : rouvrez-la/ });
    expect((await backend.call('sessions:setStatus', { sessionId: session.id, status: 'IN_PROGRESS' })).status).toBe('IN_PROGRESS');
    await refused(() => backend.call('sessions:setStatus', { sessionId: session.id, status: 'VALIDATED' as 'CLOSED' }), { code: 'BAD_REQUEST' });
  });

  it('puts on the agenda the dossiers ready for decision, skips them the second time, reorders and removes', async () => {
    const { backend, ids } = base;
    const session = await openSession(base);
    // M-3 has no opinion, V-1 was decided on the platform.
    expect(session.agenda.map((i) => i.externalId)).toEqual(['N-1', 'N-2', 'N-3', 'N-4', 'M-2', 'M-1']);
    const n1 = item(session, 'N-1');
    expect(n1).toMatchObject({
      position: 1,
      departmentCode: '06',
      departmentName: 'Alpes-Maritimes',
      contractType: 'CDD',
      postsRequested: 2,
      opinion: 'FAVORABLE',
      postsSupported: 2,
      opinionComment: COMMENT,
      carriedOverFrom: null,
      decision: null,
      department: { supported: 5, granted: 0, target: 10 },
    });
    expect(item(session, 'M-1').department).toEqual({ supported: 2, granted: 0, target: 5 });
    const again = await backend.call('agenda:addByFilter', { sessionId: session.id, filter: { departments: ['06'] } });
    expect([again.added, again.skipped]).toEqual([0, 4]);
    const added = await backend.call('agenda:add', { sessionId: session.id, dossierIds: [ids['M-3']!, ids['N-1']!] });
    expect([added.added, added.skipped]).toEqual([1, 1]);
    const order = [...added.session.agenda.map((i) => i.dossierId)].reverse();
    const reordered = await backend.call('agenda:reorder', { sessionId: session.id, order });
    expect(reordered.agenda.map((i) => i.dossierId)).toEqual(order);
    await refused(() => backend.call('agenda:reorder', { sessionId: session.id, order: order.slice(1) }), { code: 'VALIDATION', message: /une fois chacun des 7 dossiers/ });
    const removed = await backend.call('agenda:remove', { sessionId: session.id, dossierId: ids['M-3']! });
    expect(removed.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2, comment: '' });
    await refused(() => backend.call('agenda:remove', { sessionId: session.id, dossierId: ids['N-1']! }), { message: /Une décision a été enregistrée sur le dossier N-1/ });
  });
});

describe('decisions', () => {
  it('are refused below quorum, then recorded once the quorum is reached', async () => {
    const { backend, ids, members } = base;
    // 2 present of 5: more than half (3) is required.
    const session = await openSession(base, ['Alice', 'Bruno']);
    expect(session.quorum).toEqual({ required: 3, present: 2, reached: false });
    const decide = () => backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2, comment: '' });
    await refused(decide, { code: 'QUORUM', message: /Quorum non atteint pour la séance COSELEC 12 : 2 membres présents sur 5, 3 requis/ });
    const reached = await backend.call('sessions:setPresence', { sessionId: session.id, memberId: members.Chloé!, presence: 'PRESENT' });
    expect(reached.quorum).toEqual({ required: 3, present: 3, reached: true });
    expect(item(await decide(), 'N-1').decision).toMatchObject({ decision: 'POSITIF', postsGranted: 2, voteBase: 3 });
    // A fixed minimum instead of the majority.
    await backend.call('sessions:save', { id: session.id, number: '12', date: '2021-04-01', place: 'ANCT, Paris', chairId: members.Alice!, memberIds: session.members.map((m) => m.memberId), quorumRule: { kind: 'MINIMUM', count: 4 } });
    await refused(() => backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-2']!, decision: 'POSITIF', postsGranted: 2, comment: '' }), { code: 'QUORUM', message: /3 membres présents sur 5, 4 requis/ });
  });

  it('are refused outside a session in progress, and for a dossier not on the agenda', async () => {
    const { backend, ids, members } = base;
    const planned = await backend.call('sessions:save', { number: '13', date: '2021-04-08', place: '', chairId: null, memberIds: [members.Alice!] });
    await refused(() => backend.call('decisions:record', { sessionId: planned.id, dossierId: ids['N-1']!, decision: 'EXAMEN_COMPLEMENTAIRE', comment: '' }), { code: 'SESSION_NOT_OPEN', message: /n’est pas ouverte/ });
    const session = await openSession(base);
    await refused(() => backend.call('decisions:record', { sessionId: session.id, dossierId: ids['M-3']!, decision: 'EXAMEN_COMPLEMENTAIRE', comment: '' }), { message: /Le dossier M-3 n’est pas inscrit à l’ordre du jour de la séance COSELEC 12/ });
  });

  it('check the posts, the grounds and the comment', async () => {
    const { backend, ids } = base;
    const session = await openSession(base);
    const record = (req: object) => backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-2']!, comment: '', ...req });
    await refused(() => record({ decision: 'POSITIF', postsGranted: 0 }), { code: 'VALIDATION', message: /de 1 à 3 \(postes demandés par le dossier N-2\)/ });
    await refused(() => record({ decision: 'POSITIF', postsGranted: 4, justification: 'Besoin avéré au-delà de l’avis.' }), { message: /de 1 à 3/ });
    await refused(() => record({ decision: 'NEGATIF', justification: 'Arbitrage national.' }), { message: /au moins un motif.*commenté/ });
    await refused(() => record({ decision: 'EXAMEN_COMPLEMENTAIRE', postsGranted: 1, grounds: ['BESOINS'], justification: 'Dossier incomplet.' }), { message: /laissez les postes accordés vides.*qu’à un refus/ });
    await refused(() => record({ decision: 'NEGATIF', grounds: ['NOPE'], comment: COMMENT }), { code: 'BAD_REQUEST' });
  });

  it('that depart from the prefecture’s opinion need a justification', async () => {
    const { backend, ids } = base;
    const session = await openSession(base);
    const record = (req: object) => backend.call('decisions:record', { sessionId: session.id, comment: '', ...req });
    // Refusing a favourable opinion, approving an unfavourable one, granting more than supported.
    await refused(() => record({ dossierId: ids['N-1']!, decision: 'NEGATIF', grounds: ['REPARTITION_DEPARTEMENT'], comment: 'Trop de postes dans le secteur.' }), {
      code: 'VALIDATION',
      message: /s’écarte de l’avis de la préfecture \(avis favorable, 2 postes soutenus\) : justifiez-la/,
    });
    await refused(() => record({ dossierId: ids['N-4']!, decision: 'POSITIF', postsGranted: 1, justification: 'court' }), { message: /\(avis défavorable\) : justifiez-la \(au moins 10 caractères\)/ });
    await refused(() => record({ dossierId: ids['N-2']!, decision: 'POSITIF', postsGranted: 3 }), { message: /avis favorable, 2 postes soutenus/ });
    // Fewer posts than supported is the committee's ordinary arbitration; no opinion, nothing to depart from.
    await record({ dossierId: ids['N-2']!, decision: 'POSITIF', postsGranted: 1 });
    const justified = await record({ dossierId: ids['N-4']!, decision: 'POSITIF', postsGranted: 1, justification: 'Quartier prioritaire sans autre lieu de médiation.' });
    expect(item(justified, 'N-4').decision).toMatchObject({ decision: 'POSITIF', postsGranted: 1, justification: 'Quartier prioritaire sans autre lieu de médiation.' });
  });

  it('exclude a recused member from the vote base, and refuse a vote above it or without majority', async () => {
    const { backend, ids, members } = base;
    // Alice, Bruno, Chloé, David present; Bruno declares a conflict with M-1's structure, David with N-3's network.
    let session = await openSession(base);
    session = await backend.call('conflicts:declare', { sessionId: session.id, memberId: members.Bruno!, siret: '775 672 272 00011', note: 'Administrateur de la structure' });
    session = await backend.call('conflicts:declare', { sessionId: session.id, memberId: members.David!, networkName: 'emmaus  CONNECT', note: '' });
    expect(item(session, 'M-1').recusedMemberIds).toEqual([members.Bruno]);
    expect(item(session, 'N-3').recusedMemberIds).toEqual([members.David]);
    expect(item(session, 'N-1').recusedMemberIds).toEqual([]);
    await refused(() => backend.call('conflicts:declare', { sessionId: session.id, memberId: members.Bruno!, siret: '77567227200011', note: '' }), { message: /a déjà déclaré un conflit/ });
    await refused(() => backend.call('conflicts:declare', { sessionId: session.id, memberId: members.Fatou!, dossierId: ids['N-1']!, note: '' }), { message: /ne siège pas à cette séance/ });
    const m1 = (vote: object) => backend.call('decisions:record', { sessionId: session.id, dossierId: ids['M-1']!, decision: 'POSITIF', postsGranted: 1, comment: '', vote });
    await refused(() => m1({ for: 3, against: 1, abstain: 0 }), { code: 'VALIDATION', message: /4 voix exprimées pour une base de vote de 3 \(membres présents et non récusés, 1 membre récusé\)/ });
    await refused(() => m1({ for: 1, against: 1, abstain: 1 }), { message: /1 voix pour sur une base de vote de 3.*au moins 2 voix pour\) n’est pas atteinte/ });
    const detail = await m1({ for: 2, against: 0, abstain: 1 });
    expect(item(detail, 'M-1').decision).toMatchObject({ voteBase: 3, recusedMemberIds: [members.Bruno], vote: { for: 2, against: 0, abstain: 1 }, majorityReached: true });
    // Without conflict the base is the 4 members present.
    const n1 = await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2, comment: '', vote: { for: 3, against: 1, abstain: 0 } });
    expect(item(n1, 'N-1').decision).toMatchObject({ voteBase: 4, recusedMemberIds: [] });
  });

  it('update the dossier (status, posts, COSELEC) in the same transaction, with its history and the map figures', async () => {
    const { backend, ids } = base;
    const session = await openSession(base);
    const before = backend.store.version;
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2, priority: true, comment: 'Itinérance dans les vallées.' });
    expect(backend.store.version).toBe(before + 1);
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-2']!, decision: 'NEGATIF', grounds: ['REPARTITION_DEPARTEMENT', 'BESOINS'], comment: 'Offre déjà présente sur le quartier.', justification: 'Deux autres structures du quartier sont retenues.' });
    const n1 = await backend.call('dossiers:get', { id: ids['N-1']! });
    expect(n1).toMatchObject({ status: 'VALIDATION_COSELEC', postsGranted: 2 });
    expect(n1.fields).toMatchObject({ coselecNumber: '12', coselecDate: '2021-04-01', coselecValidated: true, postsGranted: 2 });
    expect(n1.decisions).toEqual([
      expect.objectContaining({ source: 'committee', sessionId: session.id, sessionNumber: '12', sessionDate: '2021-04-01', decision: 'POSITIF', postsGranted: 2, priority: true, grounds: [], justification: null, amendmentId: null, recordedBy: 'Marc Durand' }),
    ]);
    expect(n1.history[0]).toMatchObject({ by: 'Marc Durand', source: 'committee', changes: expect.arrayContaining([{ field: 'status', before: 'CREEE', after: 'VALIDATION_COSELEC' }, { field: 'postsGranted', before: null, after: 2 }]) });
    const n2 = await backend.call('dossiers:get', { id: ids['N-2']! });
    expect(n2).toMatchObject({ status: 'REFUS_COSELEC', postsGranted: 0 });
    expect(n2.decisions[0]).toMatchObject({ grounds: ['REPARTITION_DEPARTEMENT', 'BESOINS'], justification: 'Deux autres structures du quartier sont retenues.' });
    const alpesMaritimes = (await backend.call('stats:departments', {})).find((d) => d.code === '06')!;
    expect(alpesMaritimes.granted).toBe(2);
    expect((await backend.call('dossiers:list', { statuses: ['VALIDATION_COSELEC'] })).rows.map((r) => r.externalId).sort()).toEqual(['N-1', 'V-1']);
    // Recording it again replaces the session's decision (append-only: a new row, the latest counts).
    const changed = await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 1, comment: '' });
    expect(item(changed, 'N-1').decision).toMatchObject({ postsGranted: 1, priority: false });
    expect((await backend.call('dossiers:get', { id: ids['N-1']! })).decisions.map((d) => d.postsGranted)).toEqual([2, 1]);
    // The same decision again writes nothing.
    const version = backend.store.version;
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 1, comment: '' });
    expect(backend.store.version).toBe(version);
    expect((await backend.call('decisions:list', { sessionNumber: '12' })).map((d) => [d.dossierId, d.decision, d.postsGranted])).toEqual([
      [ids['N-1'], 'POSITIF', 1],
      [ids['N-2'], 'NEGATIF', null],
    ]);
  });

  it('give live totals that match a hand computation (posts and euros, aid deducted, CUI configured)', async () => {
    const { backend, ids } = base;
    const session = await openSession(base);
    const record = (req: object) => backend.call('decisions:record', { sessionId: session.id, comment: '', ...req });
    await record({ dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2 }); // CDD 2 × 32 000 − 5 000 aid = 59 000
    await record({ dossierId: ids['N-2']!, decision: 'POSITIF', postsGranted: 2 }); // CDI 2 × 40 000 = 80 000
    await record({ dossierId: ids['N-3']!, decision: 'POSITIF', postsGranted: 1 }); // CUI 1 × 15 000 = 15 000
    await record({ dossierId: ids['M-1']!, decision: 'POSITIF', postsGranted: 1 }); // contrat de projet 1 × 40 000 = 40 000
    await record({ dossierId: ids['N-4']!, decision: 'NEGATIF', grounds: ['BESOINS'], comment: 'Offre de médiation déjà présente.' });
    const detail = await record({ dossierId: ids['M-2']!, decision: 'EXAMEN_COMPLEMENTAIRE' });
    expect(detail.totals).toEqual({
      decided: 6,
      approved: 4,
      refused: 1,
      furtherReview: 1,
      postsGranted: 6,
      subsidy: { total: 194_000, byContractType: { CDI: 80_000, CDD: 59_000, CONTRAT_PROJET: 40_000, CUI: 15_000, NONE: 0 } },
      // V-1, validated on the platform: 3 CDI posts, 120 000 − 10 000 aid.
      national: { postsGranted: 9, target: 15, subsidy: 304_000 },
      departments: [
        { code: '06', name: 'Alpes-Maritimes', grantedInSession: 5, grantedTotal: 5, target: 10 },
        { code: '13', name: 'Bouches-du-Rhône', grantedInSession: 1, grantedTotal: 1, target: 5 },
      ],
    });
    expect(detail).toMatchObject({ decidedCount: 6, postsGranted: 6, agendaCount: 6 });
    expect(item(detail, 'N-2').department).toEqual({ supported: 5, granted: 5, target: 10 });
    // The CUI amount cleared afterwards leaves the recorded CUI decision at the 15 000 € it froze.
    await backend.call('subsidy:saveSettings', { cuiPerPost: null });
    expect((await backend.call('sessions:get', { id: session.id })).totals.subsidy.total).toBe(194_000);
  });
});

describe('the dossiers a decision updates', () => {
  it('keep it when the platform’s export is imported again', async () => {
    const { backend } = base;
    const demo = generateDemoDossiers(1)[0]!;
    const csv = () => new TextEncoder().encode(writePlatformCsv([{ ...demo, externalId: 'P-1', status: 'CREEE', postsRequested: 2, postsGranted: null, coselecValidated: false, coselecNumber: null, coselecDate: null }]));
    const first = await backend.call('import:preview', { fileName: 'structures.csv', data: csv() });
    await backend.call('import:commit', { token: first.token });
    const id = (await backend.call('dossiers:list', { search: 'P-1' })).rows.find((r) => r.externalId === 'P-1')!.id;
    const session = await openSession(base);
    await backend.call('agenda:add', { sessionId: session.id, dossierIds: [id] });
    await backend.call('decisions:record', { sessionId: session.id, dossierId: id, decision: 'POSITIF', postsGranted: 2, comment: '', justification: 'Accord sans avis : dossier instruit en séance.' });
    const again = await backend.call('import:preview', { fileName: 'structures.csv', data: csv() });
    expect(again.counts).toMatchObject({ updated: 0, unchanged: 1 });
    await backend.call('import:commit', { token: again.token });
    expect(await backend.call('dossiers:get', { id })).toMatchObject({ status: 'VALIDATION_COSELEC', postsGranted: 2, fields: { coselecNumber: '12', coselecValidated: true } });
  });
});

describe('carried-over further review', () => {
  it('puts back on the next session the dossiers sent to further review, once', async () => {
    const { backend, ids, members } = base;
    const session = await openSession(base);
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['M-2']!, decision: 'EXAMEN_COMPLEMENTAIRE', comment: 'Plan de financement attendu.' });
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-3']!, decision: 'EXAMEN_COMPLEMENTAIRE', comment: '', justification: 'Convention avec la commune attendue.' });
    // N-3 is then decided for good in the same session: its latest decision is no longer further review.
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-3']!, decision: 'POSITIF', postsGranted: 1, comment: '' });
    await backend.call('sessions:setStatus', { sessionId: session.id, status: 'CLOSED' });
    // A session dated before 12 (created afterwards) takes nothing from it.
    const earlier = await backend.call('sessions:save', { number: '11BIS', date: '2021-03-25', place: 'ANCT', chairId: null, memberIds: [members.Alice!] });
    expect(earlier.agenda).toEqual([]);
    const next = await backend.call('sessions:save', { number: '13', date: '2021-04-08', place: 'ANCT', chairId: null, memberIds: [members.Alice!] });
    expect(next.agenda.map((i) => [i.externalId, i.carriedOverFrom, i.position])).toEqual([['M-2', '12', 1]]);
    const history = await backend.call('sessions:history', { sessionId: next.id });
    expect(history[0]).toMatchObject({ action: 'sessions:save', by: 'Marc Durand', summary: 'Séance créée : COSELEC 13 du 08/04/2021 ; 1 dossier(s) en examen complémentaire repris à l’ordre du jour' });
    // Already waiting on session 13: session 14 takes it neither automatically nor by filter.
    const later = await backend.call('sessions:save', { number: '14', date: '2021-04-15', place: 'ANCT', chairId: null, memberIds: [members.Alice!] });
    expect(later.agenda).toEqual([]);
    // M-1 was not examined in 12 (closed): it is free to go on another agenda.
    const ready = await backend.call('agenda:addByFilter', { sessionId: later.id, filter: { departments: ['13'] }, readyForDecision: true });
    expect([ready.added, ready.skipped, ready.session.agenda.map((i) => i.externalId)]).toEqual([1, 1, ['M-1']]);
    // Decided for good in 13: no session takes it back.
    await backend.call('sessions:setPresence', { sessionId: next.id, memberId: members.Alice!, presence: 'PRESENT' });
    await backend.call('sessions:setStatus', { sessionId: next.id, status: 'IN_PROGRESS' });
    await backend.call('decisions:record', { sessionId: next.id, dossierId: ids['M-2']!, decision: 'POSITIF', postsGranted: 2, comment: '', justification: 'Plan de financement reçu et complet.' });
    const last = await backend.call('sessions:save', { number: '15', date: '2021-04-22', place: 'ANCT', chairId: null, memberIds: [members.Alice!] });
    expect(last.agenda).toEqual([]);
    expect((await backend.call('agenda:add', { sessionId: last.id, dossierIds: [ids['M-2']!] })).skipped).toBe(1);
  });
});

describe('history and scope', () => {
  it('journals every change of a session and its decisions, with before and after', async () => {
    const { backend, ids, members } = base;
    const session = await openSession(base);
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2, comment: '' });
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 1, comment: '' });
    const history = await backend.call('sessions:history', { sessionId: session.id });
    expect(history.map((h) => h.action)).toEqual([
      'decisions:record',
      'decisions:record',
      'sessions:setStatus',
      'sessions:setPresence',
      'sessions:setPresence',
      'sessions:setPresence',
      'sessions:setPresence',
      'agenda:add',
      'sessions:save',
    ]);
    expect(history[0]).toMatchObject({ by: 'Marc Durand', summary: 'Décision sur le dossier N-1 : Accord, 1 poste (remplace : Accord, 2 postes)', before: { postsGranted: 2 }, after: { postsGranted: 1 } });
    expect(history[2]).toMatchObject({ summary: 'Statut : Planifiée → En cours', before: { status: 'PLANNED' }, after: { status: 'IN_PROGRESS' } });
    expect(history[3]).toMatchObject({ summary: 'Présence de David Leroy : Absent → Présent', before: { memberId: members.David, presence: 'ABSENT' } });
  });

  it('lets a prefecture agent read the sessions and only the decisions of their departments', async () => {
    const { backend, ids } = base;
    const session = await openSession(base);
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2, comment: '' });
    await backend.call('decisions:record', { sessionId: session.id, dossierId: ids['M-1']!, decision: 'POSITIF', postsGranted: 2, comment: '' });
    await useProfile(backend, 'Agent Var-Maritimes', 'PREFECTURE', ['06']);
    expect((await backend.call('sessions:list', {})).map((s) => s.number)).toEqual(['12']);
    expect((await backend.call('decisions:list', {})).map((d) => d.dossierId)).toEqual([ids['N-1']]);
    expect((await backend.call('decisions:list', { sessionNumber: '12' })).map((d) => d.dossierId)).toEqual([ids['N-1']]);
    await refused(() => backend.call('sessions:get', { id: session.id }), { code: 'FORBIDDEN' });
    await refused(() => backend.call('minutes:pdf', { sessionId: session.id }), { code: 'FORBIDDEN' });
  });
});
