import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { DEFAULT_GRID } from '../../shared/domain/review';
import { GOOD_COMMENT, idsByExternalId, importDossiers, useProfile } from './review-fixtures';

let dir: string;
let dbPath: string;
let ids: Record<string, number>;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-review-cli-'));
  dbPath = path.join(dir, 'base.sqlite');
  const backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 60_000 });
  try {
    await importDossiers(backend);
    ids = await idsByExternalId(backend);
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    await backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'DEFAVORABLE', postsSupported: 0, comment: 'Première lecture trop rapide.' });
    await backend.call('opinions:record', { dossierId: ids['N-1']!, opinion: 'FAVORABLE', postsSupported: 2, comment: GOOD_COMMENT });
    await backend.call('scores:record', { dossierId: ids['N-1']!, gridId: 1, values: Object.fromEntries(DEFAULT_GRID.criteria.map((c) => [c.key, 4])) });
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    await backend.call('opinions:record', { dossierId: ids['M-1']!, opinion: 'FAVORABLE', postsSupported: 1, comment: GOOD_COMMENT });
  } finally {
    backend.close();
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CLI review commands', { timeout: 60_000 }, () => {
  it('prints the current opinion of each dossier, then only those of the profile’s department', () => {
    const all = cli('opinions', '--json');
    expect(all.code).toBe(0);
    const opinions = JSON.parse(all.out) as Record<string, unknown>[];
    expect(opinions).toHaveLength(2);
    expect(opinions.find((o) => o.externalId === 'N-1')).toEqual({
      dossierId: ids['N-1'],
      externalId: 'N-1',
      departmentCode: '06',
      opinion: 'FAVORABLE',
      postsSupported: 2,
      comment: GOOD_COMMENT,
      author: 'Claire Martin',
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      version: 2,
    });
    expect(JSON.parse(cli('opinions', '--department', '13', '--json').out)).toHaveLength(1);

    const profile = cli('profile', '--name', 'Claire Martin', '--role', 'prefecture', '--department', '06');
    expect(profile.out).toBe('Profil actuel : Claire Martin (Agent de préfecture – 06)\n');
    expect((JSON.parse(cli('opinions', '--json').out) as { externalId: string }[]).map((o) => o.externalId)).toEqual(['N-1']);
    // The same name and role again: the existing profile, not a second one.
    expect(JSON.parse(cli('profile', '--json').out)).toMatchObject({ id: 1, name: 'Claire Martin' });
  });

  it('prints the aggregate score per dossier and per criterion', () => {
    const result = cli('scores', '--json');
    expect(result.code).toBe(0);
    const [scores] = JSON.parse(result.out) as { externalId: string; aggregate: number; spread: object; reviewers: { reviewerName: string }[]; perCriterion: { key: string; mean: number }[] }[];
    expect(scores).toMatchObject({ dossierId: ids['N-1'], externalId: 'N-1', aggregate: 4, spread: { min: 4, max: 4, stdDev: 0 } });
    expect(scores!.reviewers.map((r) => r.reviewerName)).toEqual(['Claire Martin']);
    expect(scores!.perCriterion.map((c) => [c.key, c.mean])).toEqual(DEFAULT_GRID.criteria.map((c) => [c.key, 4]));
  });

  it('refuses an unknown role as a usage error', () => {
    const result = cli('profile', '--name', 'X', '--role', 'maire');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--role parmi PREFECTURE, COMMITTEE, ADMIN/);
  });
});
