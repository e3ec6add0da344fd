import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { DEFAULT_GRID, type GridInput } from '../../shared/domain/review';
import { GOOD_COMMENT, openWithFixture, useProfile } from './review-fixtures';

let backend: Backend;
let ids: Record<string, number>;

beforeEach(async () => {
  ({ backend, ids } = await openWithFixture());
});
afterEach(() => backend.close());

// Default grid, scale 0–5, weights besoins 3, accueil 2, collectivites 2, capacite 2, territoires 1.5, finances 1.
// Claire: (3×4 + 2×3 + 2×5 + 2×2 + 1×3) / (3 + 2 + 2 + 2 + 1) = 35 / 10 = 3.5 (territoires not assessable)
const CLAIRE = { besoins: 4, accueil: 3, collectivites: 5, capacite: 2, territoires: null, finances: 3 };
// Paul: (3×2 + 2×4 + 2×3 + 2×3 + 1.5×5 + 1×1) / 11.5 = 34.5 / 11.5 = 3
const PAUL = { besoins: 2, accueil: 4, collectivites: 3, capacite: 3, territoires: 5, finances: 1 };

describe('grids', () => {
  it('installs the default grid as version 1, identical to DEFAULT_GRID', async () => {
    const grids = await backend.call('grids:list', {});
    expect(grids).toHaveLength(1);
    expect(grids[0]).toMatchObject({ id: 1, version: 1, current: true, ...DEFAULT_GRID });
  });

  it('saves a new version (committee or ANCT only); a weight of -1 is refused in French and nothing stored', async () => {
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    await expect(backend.call('grids:save', DEFAULT_GRID)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^Seuls les membres du comité national et les administrateurs ANCT peuvent modifier la grille/) });
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    const version = backend.store.version;
    const negative: GridInput = { ...DEFAULT_GRID, criteria: DEFAULT_GRID.criteria.map((c, i) => (i === 2 ? { ...c, weight: -1 } : c)) };
    await expect(backend.call('grids:save', negative)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Le poids du critère « Articulation avec les collectivités » doit être un nombre strictement positif (-1 saisi).',
    });
    expect(backend.store.version).toBe(version);
    expect(await backend.call('grids:list', {})).toHaveLength(1);

    const saved = await backend.call('grids:save', { ...DEFAULT_GRID, name: 'Grille 2022', criteria: DEFAULT_GRID.criteria.slice(0, 3) });
    expect(saved).toMatchObject({ version: 2, current: true, createdBy: 'Marc Durand', name: 'Grille 2022' });
    expect((await backend.call('grids:list', {})).map((g) => [g.version, g.current])).toEqual([[2, true], [1, false]]);
  });
});

describe('scores', () => {
  it('two reviewers score the same dossier: aggregate and spread equal the hand computation', async () => {
    const id = ids['N-1']!;
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    const one = await backend.call('scores:record', { dossierId: id, gridId: 1, values: CLAIRE, comment: 'Bon ancrage local.' });
    expect(one).toMatchObject({ aggregate: 3.5, spread: { min: 3.5, max: 3.5, stdDev: 0 } });
    await useProfile(backend, 'Paul Bernard', 'PREFECTURE', ['06']);
    const scores = await backend.call('scores:record', { dossierId: id, gridId: 1, values: PAUL });

    expect(scores.reviewers.map((r) => [r.reviewerName, r.gridVersion, r.weightedMean])).toEqual([['Claire Martin', 1, 3.5], ['Paul Bernard', 1, 3]]);
    expect(scores.reviewers[0]).toMatchObject({ values: CLAIRE, comment: 'Bon ancrage local.' });
    expect(scores.aggregate).toBe(3.25);
    expect(scores.spread).toEqual({ min: 3, max: 3.5, stdDev: 0.25 });
    expect(scores.perCriterion.find((c) => c.key === 'besoins')).toEqual({ key: 'besoins', label: 'Besoins identifiés et offre existante', mean: 3, assessed: 2 });
    expect(scores.perCriterion.find((c) => c.key === 'territoires')).toMatchObject({ mean: 5, assessed: 1 });
    expect(await backend.call('scores:get', { dossierId: id })).toEqual(scores);

    const row = (await backend.call('dossiers:list', { search: 'Lien' })).rows[0]!;
    expect(row).toMatchObject({ aggregateScore: 3.25, reviewers: 2 });

    // Re-scoring replaces the reviewer's sheet: still two reviewers, Paul now at 5.
    const five = Object.fromEntries(Object.keys(PAUL).map((k) => [k, 5]));
    expect((await backend.call('scores:record', { dossierId: id, gridId: 1, values: five })).aggregate).toBe(4.25);
    expect(backend.store.db.value<number>('SELECT count(*) FROM scores WHERE dossier_id = ?', [id])).toBe(3);
  });

  it('refuses a note off the scale and leaves everything as it was', async () => {
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    const version = backend.store.version;
    await expect(backend.call('scores:record', { dossierId: ids['N-1']!, gridId: 1, values: { ...CLAIRE, besoins: 6 } })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/entier de 0 à 5 \(6 saisi\)/) });
    await expect(backend.call('scores:record', { dossierId: ids['N-1']!, gridId: 42, values: CLAIRE })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(backend.store.version).toBe(version);
  });

  it('keeps the grid version scores were made with; list filters and sorts on the aggregate', async () => {
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    await backend.call('scores:record', { dossierId: ids['N-1']!, gridId: 1, values: CLAIRE });
    await backend.call('scores:record', { dossierId: ids['N-2']!, gridId: 1, values: PAUL });
    await useProfile(backend, 'Admin ANCT', 'ADMIN');
    // Scale 0–10: older sheets are re-expressed on it (3.5 → 7).
    const v2 = await backend.call('grids:save', { ...DEFAULT_GRID, scaleMin: 0, scaleMax: 10 });
    const n1 = await backend.call('scores:get', { dossierId: ids['N-1']! });
    expect(n1.reviewers[0]).toMatchObject({ gridId: 1, gridVersion: 1, weightedMean: 7 });
    expect(n1.aggregate).toBe(7);
    const tens = Object.fromEntries(DEFAULT_GRID.criteria.map((c) => [c.key, 10]));
    const n3 = await backend.call('scores:record', { dossierId: ids['N-3']!, gridId: v2.id, values: tens });
    expect(n3.reviewers[0]).toMatchObject({ gridVersion: 2, weightedMean: 10 });

    const sorted = await backend.call('dossiers:list', { sort: { column: 'aggregateScore', direction: 'desc' } });
    expect(sorted.rows.map((r) => [r.externalId, r.aggregateScore]).slice(0, 3)).toEqual([['N-3', 10], ['N-1', 7], ['N-2', 6]]);
    // Unscored dossiers last, in either direction.
    expect(sorted.rows.slice(3).map((r) => r.aggregateScore)).toEqual([null, null, null]);
    const ascending = await backend.call('dossiers:list', { sort: { column: 'aggregateScore', direction: 'asc' } });
    expect(ascending.rows.slice(0, 3).map((r) => r.externalId)).toEqual(['N-2', 'N-1', 'N-3']);
    expect((await backend.call('dossiers:list', { minScore: 6.5 })).rows.map((r) => r.externalId).sort()).toEqual(['N-1', 'N-3']);
  });
});

describe('ranking and comparison', () => {
  beforeEach(async () => {
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
  });

  it('stores the order; unranked dossiers follow by score then name; running totals of favourable posts against the target', async () => {
    await backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: GOOD_COMMENT });
    await backend.call('opinions:record', { dossierId: ids['N-2']!, opinion: 'FAVORABLE', postsSupported: 1, comment: GOOD_COMMENT });
    await backend.call('opinions:record', { dossierId: ids['N-3']!, opinion: 'EXAMEN_COMPLEMENTAIRE', postsSupported: 1, comment: GOOD_COMMENT });
    await backend.call('scores:record', { dossierId: ids['N-3']!, gridId: 1, values: CLAIRE });

    const initial = await backend.call('ranking:get', { departmentCode: '06' });
    // Nothing ranked yet: scored N-3 first, then by name.
    expect(initial.entries.map((e) => e.externalId)).toEqual(['N-3', 'N-1', 'N-2', 'N-4']);

    const saved = await backend.call('ranking:save', { departmentCode: '06', order: [ids['N-2']!, ids['N-4']!] });
    expect(saved.entries.map((e) => [e.rank, e.externalId, e.opinion, e.postsSupported, e.cumulativeSupported])).toEqual([
      [1, 'N-2', 'FAVORABLE', 1, 1],
      [2, 'N-4', null, 0, 1],
      [3, 'N-3', 'EXAMEN_COMPLEMENTAIRE', 1, 1],
      [4, 'N-1', 'FAVORABLE', 2, 3],
    ]);
    expect(saved.totals).toMatchObject({ postsSupported: 3, favourable: 2, reviewed: 3, target: null });
    expect(await backend.call('ranking:get', { departmentCode: '06' })).toEqual(saved);

    await expect(backend.call('targets:set', { departmentCode: '06', target: 2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    await expect(backend.call('targets:set', { departmentCode: '06', target: -1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await backend.call('targets:set', { departmentCode: '06', target: 2 })).toMatchObject({ target: 2, postsSupported: 3 });
    expect((await backend.call('ranking:get', { departmentCode: '06' })).totals.target).toBe(2);
    await backend.call('targets:set', { departmentCode: '06', target: null });
    expect((await backend.call('departments:totals', { departmentCode: '06' })).target).toBeNull();
    expect(backend.store.db.value<number>('SELECT count(*) FROM department_targets')).toBe(2);

    await expect(backend.call('ranking:save', { departmentCode: '06', order: [ids['N-1']!, ids['M-1']!] })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/ne relève pas du département 06/) });
    await expect(backend.call('ranking:save', { departmentCode: '06', order: [ids['N-1']!, ids['N-1']!] })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('compares 2 to 4 dossiers with their detail, opinion and scores', async () => {
    await backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: GOOD_COMMENT });
    await backend.call('scores:record', { dossierId: ids['N-2']!, gridId: 1, values: PAUL });
    const items = await backend.call('compare:get', { ids: [ids['N-1']!, ids['N-2']!, ids['N-3']!] });
    expect(items.map((i) => [i.dossier.externalId, i.opinion?.opinion ?? null, i.scores.aggregate])).toEqual([['N-1', 'FAVORABLE', null], ['N-2', null, 3], ['N-3', null, null]]);
    await expect(backend.call('compare:get', { ids: [ids['N-1']!] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(backend.call('compare:get', { ids: [1, 2, 3, 4, 5] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
