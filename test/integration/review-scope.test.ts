import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { API_METHODS, type ApiMethod } from '../../shared/api/contract';
import { DEFAULT_GRID } from '../../shared/domain/review';
import { buildPackageFile } from '../../electron/backend/exchange/package-format';
import { FIXTURE, GOOD_COMMENT, importDossiers, openWithFixture, useProfile } from './review-fixtures';

let backend: Backend;
let ids: Record<string, number>;

beforeEach(async () => {
  ({ backend, ids } = await openWithFixture());
  // Data in 13 made by the committee, so that a leak would show.
  await useProfile(backend, 'Marc Durand', 'COMMITTEE');
  await backend.call('opinions:record', { dossierId: ids['M-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: GOOD_COMMENT });
  await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
});
afterEach(() => backend.close());

const OUT_OF_SCOPE = { code: 'OUT_OF_SCOPE', message: 'Ce dossier relève du département 13, hors de votre périmètre (06).' };
const DEPARTMENT_OUT_OF_SCOPE = { code: 'OUT_OF_SCOPE', message: 'Le département 13 est hors de votre périmètre (06).' };

/** The national level's (empty) dossier package for 13: its department is refused before anything else. */
function dossierPackageFor13(): Uint8Array {
  const sender = { name: 'Marc Durand', role: 'COMMITTEE' as const, departments: [] };
  return buildPackageFile({ kind: 'dossiers', departmentCode: '13', createdAt: '2021-04-01T00:00:00.000Z', sender, app: { name: 'CNFS Revue', version: 'test', schemaVersion: 1 }, journalHead: null, grids: [], dossiers: [], ranking: null });
}

/** Every method of the contract, and what a request about department 13 gives a 06 agent. */
function requestsOn13(): Record<ApiMethod, { request: unknown; refused: object } | 'not bound to a dossier' | 'narrowed' | 'national aggregates'> {
  const m1 = ids['M-1']!;
  const n1 = ids['N-1']!;
  const values = Object.fromEntries(DEFAULT_GRID.criteria.map((c) => [c.key, 3]));
  return {
    'app:info': 'not bound to a dossier',
    'dossiers:list': 'narrowed',
    'dossiers:facets': 'narrowed',
    'dossiers:get': { request: { id: m1 }, refused: OUT_OF_SCOPE },
    'import:preview': 'narrowed',
    'import:commit': 'narrowed',
    'import:template': 'not bound to a dossier',
    // Figures per department, not dossiers: every profile sees the whole map (issue 4).
    'stats:departments': 'national aggregates',
    'demo:generate': { request: { count: 10 }, refused: { code: 'FORBIDDEN' } },
    'profile:current': 'not bound to a dossier',
    'profile:list': 'not bound to a dossier',
    'profile:save': 'not bound to a dossier',
    'profile:switch': 'not bound to a dossier',
    'opinions:record': { request: { dossierId: m1, opinion: 'FAVORABLE', postsSupported: 1, comment: GOOD_COMMENT }, refused: OUT_OF_SCOPE },
    'opinions:recordBulk': { request: { dossierIds: [n1, m1], opinion: 'FAVORABLE', postsSupported: 'none', comment: GOOD_COMMENT }, refused: OUT_OF_SCOPE },
    'opinions:history': { request: { dossierId: m1 }, refused: OUT_OF_SCOPE },
    'grids:list': 'not bound to a dossier',
    'grids:save': { request: DEFAULT_GRID, refused: { code: 'FORBIDDEN' } },
    'scores:record': { request: { dossierId: m1, gridId: 1, values }, refused: OUT_OF_SCOPE },
    'scores:get': { request: { dossierId: m1 }, refused: OUT_OF_SCOPE },
    'compare:get': { request: { ids: [n1, m1] }, refused: OUT_OF_SCOPE },
    'ranking:get': { request: { departmentCode: '13' }, refused: DEPARTMENT_OUT_OF_SCOPE },
    'ranking:save': { request: { departmentCode: '13', order: [m1] }, refused: DEPARTMENT_OUT_OF_SCOPE },
    'departments:totals': { request: { departmentCode: '13' }, refused: DEPARTMENT_OUT_OF_SCOPE },
    'targets:set': { request: { departmentCode: '13', target: 4 }, refused: { code: 'FORBIDDEN' } },
    'stats:regions': 'national aggregates',
    'targets:distribute': { request: { total: 4000 }, refused: { code: 'FORBIDDEN' } },
    'targets:history': 'narrowed',
    'territory:checks': 'narrowed',
    'territory:exportChecks': 'narrowed',
    'targets:importAgreed': { request: { fileName: 'accords.csv', data: new TextEncoder().encode('Département;Nombre\n13;4\n') }, refused: { code: 'FORBIDDEN' } },
    // Committee (issue 5): national roles only, but a prefecture agent reads the list of sessions
    // (no dossier in it) and the decisions on its own dossiers (committee-session.test.ts).
    'members:list': { request: {}, refused: { code: 'FORBIDDEN' } },
    'members:save': { request: { name: 'X', organisation: 'ANCT', active: true }, refused: { code: 'FORBIDDEN' } },
    'sessions:list': 'not bound to a dossier',
    'sessions:get': { request: { id: 1 }, refused: { code: 'FORBIDDEN' } },
    'sessions:save': { request: { number: '12', date: '2021-04-01', place: 'Paris', chairId: null, memberIds: [] }, refused: { code: 'FORBIDDEN' } },
    'sessions:setPresence': { request: { sessionId: 1, memberId: 1, presence: 'PRESENT' }, refused: { code: 'FORBIDDEN' } },
    'sessions:setStatus': { request: { sessionId: 1, status: 'IN_PROGRESS' }, refused: { code: 'FORBIDDEN' } },
    'sessions:history': { request: { sessionId: 1 }, refused: { code: 'FORBIDDEN' } },
    'agenda:add': { request: { sessionId: 1, dossierIds: [m1] }, refused: { code: 'FORBIDDEN' } },
    'agenda:addByFilter': { request: { sessionId: 1, filter: {} }, refused: { code: 'FORBIDDEN' } },
    'agenda:remove': { request: { sessionId: 1, dossierId: m1 }, refused: { code: 'FORBIDDEN' } },
    'agenda:reorder': { request: { sessionId: 1, order: [m1] }, refused: { code: 'FORBIDDEN' } },
    'conflicts:declare': { request: { sessionId: 1, memberId: 1, dossierId: m1, note: 'x' }, refused: { code: 'FORBIDDEN' } },
    'conflicts:remove': { request: { sessionId: 1, conflictId: 1 }, refused: { code: 'FORBIDDEN' } },
    'decisions:record': { request: { sessionId: 1, dossierId: m1, decision: 'POSITIF', postsGranted: 1, comment: GOOD_COMMENT }, refused: { code: 'FORBIDDEN' } },
    'decisions:list': 'narrowed',
    'minutes:saveSections': { request: { sessionId: 1, sections: {} }, refused: { code: 'FORBIDDEN' } },
    'minutes:pdf': { request: { sessionId: 1 }, refused: { code: 'FORBIDDEN' } },
    'minutes:validate': { request: { sessionId: 1 }, refused: { code: 'FORBIDDEN' } },
    'amendments:create': { request: { sessionId: 1, reason: GOOD_COMMENT, decisions: [] }, refused: { code: 'FORBIDDEN' } },
    'subsidy:settings': 'not bound to a dossier',
    'subsidy:saveSettings': { request: { cuiPerPost: 20000 }, refused: { code: 'FORBIDDEN' } },
    // Exports (issue 6): a department of 13 is refused; without one, narrowed to 06 (exports-scope.test.ts).
    'exports:start': { request: { format: 'xlsx', departments: ['13'] }, refused: DEPARTMENT_OUT_OF_SCOPE },
    'exports:result': 'not bound to a dossier',
    'exports:cancel': 'not bound to a dossier',
    'exports:count': { request: { departments: ['06', '13'] }, refused: DEPARTMENT_OUT_OF_SCOPE },
    'exports:sessions': 'narrowed',
    'dossiers:contractSignature': { request: { dossierId: m1 }, refused: OUT_OF_SCOPE },
    'dossiers:setContractSignedAt': { request: { dossierId: m1, signedAt: '2021-05-03' }, refused: { code: 'FORBIDDEN' } },
    // Exchange (issue 7): a 06 agent exports only for 06, imports dossier packages only for 06, sends
    // dossier packages never; the lists and imports keep to 06 (exchange-*.test.ts).
    'exchange:exportPackage': { request: { departmentCode: '13' }, refused: DEPARTMENT_OUT_OF_SCOPE },
    'exchange:exportDossierPackage': { request: { departmentCode: '06' }, refused: { code: 'FORBIDDEN' } },
    'exchange:previewPackage': { request: { fileName: 'dossiers-13.cnfs.json', data: dossierPackageFor13() }, refused: DEPARTMENT_OUT_OF_SCOPE },
    'exchange:importPackage': 'narrowed',
    'exchange:conflicts': 'narrowed',
    'exchange:resolveConflict': 'narrowed',
    'exchange:log': 'narrowed',
    'exchange:exportWorkbook': { request: { departmentCode: '13' }, refused: DEPARTMENT_OUT_OF_SCOPE },
    'exchange:previewWorkbook': 'narrowed',
    'exchange:importWorkbook': 'narrowed',
    // The divergence report keeps only the dossiers of the profile's departments (committee-divergence test).
    'import:divergences': 'narrowed',
    'import:exportDivergences': 'narrowed',
    // The full check names dossiers of every department; the opening status names only sealed sessions.
    'integrity:verify': { request: {}, refused: { code: 'FORBIDDEN' } },
    'integrity:status': 'not bound to a dossier',
  };
}

describe('a prefecture profile for department 06', () => {
  it('is refused every method on a dossier or department of 13, and nothing is written', async () => {
    const cases = requestsOn13();
    expect(Object.keys(cases).sort()).toEqual([...API_METHODS].sort());
    const version = backend.store.version;
    for (const [method, c] of Object.entries(cases)) {
      if (typeof c === 'string') continue;
      await expect(backend.call(method as ApiMethod, c.request), method).rejects.toMatchObject(c.refused);
    }
    // A duplicate or transfer reference to a dossier of 13 is refused too.
    await expect(backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'DOUBLON', postsSupported: 0, comment: GOOD_COMMENT, duplicateOfId: ids['M-1']! })).rejects.toMatchObject(OUT_OF_SCOPE);
    expect(backend.store.version).toBe(version);
  });

  it('sees only 06 in the list and the facets, whatever the filter asks, and every department’s aggregate figures', async () => {
    const all = await backend.call('dossiers:list', { limit: 500 });
    expect(all.total).toBe(4);
    expect(new Set(all.rows.map((r) => r.departmentCode))).toEqual(new Set(['06']));
    expect((await backend.call('dossiers:list', { departments: ['13'] })).total).toBe(0);
    expect((await backend.call('dossiers:list', { departments: ['06', '13'] })).total).toBe(4);
    expect((await backend.call('dossiers:list', { search: 'Marseille' })).total).toBe(0);
    expect((await backend.call('dossiers:list', { opinions: ['FAVORABLE'] })).total).toBe(0);
    const facets = await backend.call('dossiers:facets', {});
    expect(facets.departments.map((d) => d.value)).toEqual(['06']);
    expect(facets.opinions).toEqual([{ value: 'NONE', label: 'Sans avis', count: 4 }]);
    expect((await backend.call('dossiers:facets', { departments: ['13'] })).statuses).toEqual([]);
    // Aggregates are national: 13's counts, none of its dossiers.
    const stats = await backend.call('stats:departments', {});
    expect(stats).toHaveLength(101);
    expect(stats.find((s) => s.code === '13')).toMatchObject({ dossiers: 2, supported: 2, reviewed: 1 });
    expect((await backend.call('stats:regions', {})).find((r) => r.code === '93')).toMatchObject({ dossiers: 6, supported: 2 });
    expect((await backend.call('departments:totals', { departmentCode: '06' })).dossiers).toBe(4);
  });

  it('imports only rows of 06: the others are rejected naming their department', async () => {
    const rows = [
      { externalId: 'N-9', name: 'Nouvelle structure niçoise', departmentCode: '06', postsRequested: 1 },
      { externalId: 'M-9', name: 'Nouvelle structure marseillaise', departmentCode: '13', postsRequested: 1 },
      // An update moving a dossier of 13 into 06 would take it from its prefecture: refused too.
      { ...FIXTURE.find((f) => f.externalId === 'M-2')!, departmentCode: '06' },
    ];
    const { preview, result } = await importDossiers(backend, rows, 'mixte.json');
    expect(preview.rejected.map((r) => [r.row, r.externalId, r.reason])).toEqual([
      [2, 'M-9', 'Département 13 hors de votre périmètre (06) : ligne non importée.'],
      [3, 'M-2', 'Département 13 hors de votre périmètre (06) : ligne non importée.'],
    ]);
    expect(result.counts).toMatchObject({ new: 1, updated: 0, rejected: 2 });
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    expect((await backend.call('dossiers:list', { search: 'marseillaise' })).total).toBe(0);
    expect((await backend.call('dossiers:list', { departments: ['13'] })).total).toBe(2);
  });

  it('must preview again when the profile changed since the preview', async () => {
    const preview = await backend.call('import:preview', { fileName: 'n.json', data: new TextEncoder().encode(JSON.stringify([{ externalId: 'X-1', departmentCode: '13', postsRequested: 1 }])) });
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    await expect(backend.call('import:commit', { token: preview.token })).rejects.toMatchObject({ code: 'IMPORT_EXPIRED' });
  });

  it('the committee and ANCT see and write everywhere', async () => {
    await useProfile(backend, 'Admin ANCT', 'ADMIN');
    expect((await backend.call('dossiers:list', {})).total).toBe(6);
    expect(await backend.call('stats:departments', {})).toHaveLength(101);
    expect((await backend.call('dossiers:get', { id: ids['M-1']! })).opinion).toBe('FAVORABLE');
    expect(await backend.call('targets:set', { departmentCode: '13', target: 4 })).toMatchObject({ departmentCode: '13', target: 4, postsSupported: 2 });
  });
});
