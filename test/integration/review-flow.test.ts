import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { DEFAULT_GRID } from '../../shared/domain/review';
import { GOOD_COMMENT, openWithFixture, useProfile } from './review-fixtures';

let backend: Backend;
let ids: Record<string, number>;

beforeEach(async () => {
  ({ backend, ids } = await openWithFixture());
});
afterEach(() => backend.close());

const journalUsers = () => backend.store.db.all<{ user_name: string; action: string }>('SELECT user_name, action FROM journal ORDER BY seq');

describe('profiles', () => {
  it('starts without a profile, then journals every write under the current profile’s name', async () => {
    expect(await backend.call('profile:current', {})).toBeNull();
    expect((await backend.call('app:info', {})).userName).toBe('compte-systeme');
    const claire = await backend.call('profile:save', { name: '  Claire Martin ', role: 'PREFECTURE', departments: ['06', '06'] });
    expect(claire).toMatchObject({ name: 'Claire Martin', role: 'PREFECTURE', departments: ['06'] });
    expect(await backend.call('profile:current', {})).toEqual(claire);
    expect((await backend.call('app:info', {})).userName).toBe('Claire Martin');
    await backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: GOOD_COMMENT });
    const marc = await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    await backend.call('targets:set', { departmentCode: '06', target: 5 });
    expect(journalUsers()).toEqual([
      { user_name: 'compte-systeme', action: 'import' },
      { user_name: 'Claire Martin', action: 'profile:save' },
      { user_name: 'Claire Martin', action: 'opinions:record' },
      { user_name: 'Marc Durand', action: 'profile:save' },
      { user_name: 'Marc Durand', action: 'targets:set' },
    ]);
    expect((await backend.call('profile:list', {})).map((p) => p.name)).toEqual(['Claire Martin', 'Marc Durand']);
    expect(await backend.call('profile:switch', { id: claire.id })).toEqual(claire);
    expect((await backend.call('profile:current', {}))!.id).toBe(claire.id);
    expect(marc.departments).toEqual([]);
  });

  it('refuses review writes before a profile exists, and an invalid profile', async () => {
    const version = backend.store.version;
    await expect(backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'FAVORABLE', postsSupported: 1, comment: GOOD_COMMENT })).rejects.toMatchObject({ code: 'NO_PROFILE', message: 'Indiquez d’abord qui vous êtes (Paramètres).' });
    await expect(backend.call('scores:record', { dossierId: ids['N-1']!, gridId: 1, values: {} })).rejects.toMatchObject({ code: 'NO_PROFILE' });
    await expect(backend.call('ranking:save', { departmentCode: '06', order: [] })).rejects.toMatchObject({ code: 'NO_PROFILE' });
    await expect(backend.call('targets:set', { departmentCode: '06', target: 3 })).rejects.toMatchObject({ code: 'NO_PROFILE' });
    await expect(backend.call('grids:save', DEFAULT_GRID)).rejects.toMatchObject({ code: 'NO_PROFILE' });
    await expect(backend.call('profile:save', { name: 'Claire', role: 'PREFECTURE', departments: [] })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/au moins un département/) });
    expect(backend.store.version).toBe(version);
  });
});

describe('opinions', () => {
  beforeEach(async () => {
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
  });

  it('keeps every version: changed twice, the history has 3 versions newest first and the list shows the latest', async () => {
    const id = ids['N-2']!;
    const first = await backend.call('opinions:record', { dossierId: id, opinion: 'EXAMEN_COMPLEMENTAIRE', postsSupported: 0, comment: 'Attente du budget prévisionnel.' });
    expect(first).toMatchObject({ version: 1, authorName: 'Claire Martin', source: 'app', duplicateOfId: null, transferFromId: null, transferPosts: null });
    await backend.call('opinions:record', { dossierId: id, opinion: 'FAVORABLE', postsSupported: 3, comment: 'Budget reçu, projet solide.' });
    await useProfile(backend, 'Paul Bernard', 'PREFECTURE', ['06']);
    const third = await backend.call('opinions:record', { dossierId: id, opinion: 'FAVORABLE', postsSupported: 2, comment: '  Deux postes suffisent au regard de l’offre existante.  ' });
    expect(third.comment).toBe('Deux postes suffisent au regard de l’offre existante.');

    const history = await backend.call('opinions:history', { dossierId: id });
    expect(history.map((o) => [o.version, o.opinion, o.postsSupported, o.authorName])).toEqual([
      [3, 'FAVORABLE', 2, 'Paul Bernard'],
      [2, 'FAVORABLE', 3, 'Claire Martin'],
      [1, 'EXAMEN_COMPLEMENTAIRE', 0, 'Claire Martin'],
    ]);
    const row = (await backend.call('dossiers:list', { search: 'Moulins' })).rows[0]!;
    expect(row).toMatchObject({ opinion: 'FAVORABLE', postsSupported: 2 });
    expect((await backend.call('dossiers:get', { id })).opinion).toBe('FAVORABLE');
    expect(await backend.call('departments:totals', { departmentCode: '06' })).toEqual({ departmentCode: '06', dossiers: 4, requested: 10, reviewed: 1, favourable: 1, postsSupported: 2, target: null });
  });

  it('refuses a 9-character comment, posts above those requested, a duplicate without its original: French message, nothing stored', async () => {
    const id = ids['N-1']!;
    await backend.call('opinions:record', { dossierId: id, opinion: 'FAVORABLE', postsSupported: 1, comment: GOOD_COMMENT });
    const version = backend.store.version;
    const before = await backend.call('dossiers:list', {});
    await expect(backend.call('opinions:record', { dossierId: id, opinion: 'FAVORABLE', postsSupported: 1, comment: '123456789' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Avis non enregistré pour le dossier N-1 : Le commentaire justifiant l’avis doit compter au moins 10 caractères (9 saisis).',
    });
    await expect(backend.call('opinions:record', { dossierId: id, opinion: 'FAVORABLE', postsSupported: 3, comment: GOOD_COMMENT })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Avis non enregistré pour le dossier N-1 : Le nombre de postes soutenus (3) ne peut pas dépasser le nombre de postes demandés (2).',
    });
    await expect(backend.call('opinions:record', { dossierId: id, opinion: 'DOUBLON', postsSupported: 0, comment: GOOD_COMMENT })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(backend.call('opinions:record', { dossierId: id, opinion: 'DOUBLON', postsSupported: 0, comment: GOOD_COMMENT, duplicateOfId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(backend.store.version).toBe(version);
    expect(await backend.call('dossiers:list', {})).toEqual(before);
    expect(await backend.call('opinions:history', { dossierId: id })).toHaveLength(1);
  });

  it('refuses a favourable opinion with 0 posts and an unfavourable one with posts, naming the dossier; bulk too; nothing stored', async () => {
    const id = ids['N-1']!;
    const version = backend.store.version;
    const rows = () => backend.store.db.all('SELECT * FROM opinions ORDER BY id');
    const before = rows();
    await expect(backend.call('opinions:record', { dossierId: id, opinion: 'FAVORABLE', postsSupported: 0, comment: GOOD_COMMENT })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Avis non enregistré pour le dossier N-1 : Un avis favorable soutient au moins un poste : indiquez le nombre de postes soutenus, ou donnez un autre avis.',
    });
    await expect(backend.call('opinions:record', { dossierId: id, opinion: 'DEFAVORABLE', postsSupported: 2, comment: GOOD_COMMENT })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Avis non enregistré pour le dossier N-1 : Un avis défavorable ne soutient aucun poste (2 indiqués) : mettez 0 poste soutenu, ou donnez un avis favorable.',
    });
    await expect(backend.call('opinions:recordBulk', { dossierIds: [ids['N-2']!, id], opinion: 'DEFAVORABLE', postsSupported: 'requested', comment: GOOD_COMMENT })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Aucun avis n’a été enregistré\. dossier N-2 : Un avis défavorable ne soutient aucun poste .* ; dossier N-1 : Un avis défavorable/),
    });
    await expect(backend.call('opinions:recordBulk', { dossierIds: [id], opinion: 'FAVORABLE', postsSupported: 'none', comment: GOOD_COMMENT })).rejects.toMatchObject({
      message: expect.stringContaining('dossier N-1 : Un avis favorable soutient au moins un poste'),
    });
    expect(backend.store.version).toBe(version);
    expect(rows()).toEqual(before);
  });

  it('records a duplicate and a post transfer with their references', async () => {
    const dup = await backend.call('opinions:record', { dossierId: ids['N-3']!, opinion: 'DOUBLON', postsSupported: 0, comment: 'Même structure que le dossier N-1.', duplicateOfId: ids['N-1']! });
    expect(dup.duplicateOfId).toBe(ids['N-1']);
    const transfer = await backend.call('opinions:record', { dossierId: ids['N-4']!, opinion: 'FAVORABLE', postsSupported: 1, comment: 'Reprise du poste de la structure N-3.', transferFromId: ids['N-3']!, transferPosts: 1 });
    expect(transfer).toMatchObject({ transferFromId: ids['N-3'], transferPosts: 1 });
  });

  it('bulk: each dossier gets its posts requested, in one transaction; one invalid dossier and nothing is recorded', async () => {
    const dossierIds = [ids['N-1']!, ids['N-2']!, ids['N-4']!];
    expect(await backend.call('opinions:recordBulk', { dossierIds, opinion: 'FAVORABLE', postsSupported: 'requested', comment: GOOD_COMMENT })).toEqual({ recorded: 3 });
    const rows = (await backend.call('dossiers:list', { departments: ['06'], reviewed: 'yes', sort: { column: 'postsSupported', direction: 'desc' } })).rows;
    expect(rows.map((r) => [r.externalId, r.postsSupported])).toEqual([['N-4', 4], ['N-2', 3], ['N-1', 2]]);
    expect(await backend.call('departments:totals', { departmentCode: '06' })).toMatchObject({ reviewed: 3, favourable: 3, postsSupported: 9 });
    expect(journalUsers().filter((j) => j.action === 'opinions:recordBulk')).toHaveLength(1);

    await backend.call('opinions:recordBulk', { dossierIds: [ids['N-1']!, ids['N-3']!], opinion: 'DEFAVORABLE', postsSupported: 'none', comment: GOOD_COMMENT });
    expect((await backend.call('opinions:history', { dossierId: ids['N-1']! })).map((o) => [o.version, o.opinion, o.postsSupported])).toEqual([[2, 'DEFAVORABLE', 0], [1, 'FAVORABLE', 2]]);

    const version = backend.store.version;
    await expect(backend.call('opinions:recordBulk', { dossierIds: [ids['N-2']!, ids['N-3']!], opinion: 'DOUBLON', postsSupported: 'none', comment: GOOD_COMMENT })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Aucun avis n’a été enregistré\. dossier N-2 : .*dossier N-3 : /),
    });
    await expect(backend.call('opinions:recordBulk', { dossierIds: [ids['N-2']!], opinion: 'FAVORABLE', postsSupported: 'none', comment: 'court' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(backend.store.version).toBe(version);
    expect((await backend.call('opinions:history', { dossierId: ids['N-2']! })).length).toBe(1);
  });

  it('filters and counts by opinion, reviewer and "not yet reviewed"', async () => {
    await backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: GOOD_COMMENT });
    const paul = await useProfile(backend, 'Paul Bernard', 'PREFECTURE', ['06']);
    await backend.call('opinions:record', { dossierId: ids['N-2']!, opinion: 'DEFAVORABLE', postsSupported: 0, comment: GOOD_COMMENT });
    const externalIds = async (filter: object) => (await backend.call('dossiers:list', { ...filter, sort: { column: 'externalId', direction: 'asc' } })).rows.map((r) => r.externalId);
    expect(await externalIds({ opinions: ['FAVORABLE'] })).toEqual(['N-1']);
    expect(await externalIds({ opinions: ['NONE'] })).toEqual(['N-3', 'N-4']);
    expect(await externalIds({ opinions: ['NONE', 'DEFAVORABLE'] })).toEqual(['N-2', 'N-3', 'N-4']);
    expect(await externalIds({ reviewed: 'no' })).toEqual(['N-3', 'N-4']);
    expect(await externalIds({ reviewerId: paul.id })).toEqual(['N-2']);
    const facets = await backend.call('dossiers:facets', {});
    expect(facets.opinions).toEqual(
      expect.arrayContaining([
        { value: 'NONE', label: 'Sans avis', count: 2 },
        { value: 'FAVORABLE', label: 'Favorable', count: 1 },
        { value: 'DEFAVORABLE', label: 'Défavorable', count: 1 },
      ]),
    );
  });
});
