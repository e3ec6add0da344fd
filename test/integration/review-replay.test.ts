import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { DEFAULT_GRID } from '../../shared/domain/review';
import { GOOD_COMMENT, idsByExternalId, importDossiers, useProfile } from './review-fixtures';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-review-replay-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('review writes and the journal', () => {
  it('a crash before any snapshot loses nothing: profile, opinions, scores, state columns and ranking are replayed', async () => {
    const dbPath = path.join(dir, 'base.sqlite');
    const crashed = path.join(dir, 'crashed', 'base.sqlite');
    const backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 600_000 });
    await importDossiers(backend);
    const ids = await idsByExternalId(backend);
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    await backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: GOOD_COMMENT });
    await backend.call('scores:record', { dossierId: ids['N-1']!, gridId: 1, values: Object.fromEntries(DEFAULT_GRID.criteria.map((c) => [c.key, 2])) });
    await backend.call('ranking:save', { departmentCode: '06', order: [ids['N-2']!, ids['N-1']!] });
    const list = await backend.call('dossiers:list', {});
    const ranking = await backend.call('ranking:get', { departmentCode: '06' });
    // What a crash leaves: the snapshot taken at creation and the journal of every write since.
    fs.mkdirSync(path.dirname(crashed));
    for (const suffix of ['', '.sha256', '.journal']) fs.copyFileSync(`${dbPath}${suffix}`, `${crashed}${suffix}`);
    backend.close();
    expect(fs.readFileSync(`${crashed}.journal`, 'utf8').split('\n').filter(Boolean).length).toBe(5);

    const reopened = await openBackend({ dbPath: crashed, userName: 'autre-compte', mode: 'cli' });
    try {
      expect(await reopened.call('profile:current', {})).toMatchObject({ name: 'Claire Martin', departments: ['06'] });
      expect(await reopened.call('dossiers:list', {})).toEqual(list);
      expect(await reopened.call('ranking:get', { departmentCode: '06' })).toEqual(ranking);
      expect((await reopened.call('scores:get', { dossierId: ids['N-1']! })).aggregate).toBe(2);
    } finally {
      reopened.close();
    }
  });
});
