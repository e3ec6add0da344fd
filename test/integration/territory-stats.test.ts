import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { useProfile } from './review-fixtures';
import { openTerritoryBase } from './territory-fixtures';

let dir: string;
let dbPath: string;
let backend: Backend;

/** Hand-computed from territory-fixtures (populations: resources/departments.json). */
const EXPECTED = {
  // Granted 2; supported 3 (A-1 favourable, A-2 unfavourable); 2 × 100 000 / 168 306 = 1.188…
  '2A': { code: '2A', name: 'Corse-du-Sud', regionCode: '94', population: 168306, dossiers: 2, requested: 5, supported: 3, granted: 2, reviewed: 2, target: 5, per100k: 1.19 },
  // B-1's second opinion (4) counts, not its first (2); B-2 refused: nothing granted; 400 000 / 187 180 = 2.137
  '2B': { code: '2B', name: 'Haute-Corse', regionCode: '94', population: 187180, dossiers: 2, requested: 5, supported: 4, granted: 4, reviewed: 1, target: 2, per100k: 2.14 },
  // G-3's opinion is not favourable: supported 5 + 1; target set then cleared; 300 000 / 384 160 = 0.7809
  '971': { code: '971', name: 'Guadeloupe', regionCode: '01', population: 384160, dossiers: 3, requested: 8, supported: 6, granted: 3, reviewed: 3, target: null, per100k: 0.78 },
  '75': { code: '75', name: 'Paris', regionCode: '11', population: 2103778, dossiers: 1, requested: 2, supported: 0, granted: 0, reviewed: 0, target: null, per100k: 0 },
  '01': { code: '01', name: 'Ain', regionCode: '84', population: 679344, dossiers: 0, requested: 0, supported: 0, granted: 0, reviewed: 0, target: null, per100k: 0 },
};

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-territory-'));
  dbPath = path.join(dir, 'base.sqlite');
  ({ backend } = await openTerritoryBase(dbPath));
}, 60_000);
afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The CLI is another process: the base must be closed for it to open (one process at a time). */
async function withBaseClosed<T>(fn: () => T): Promise<T> {
  backend.close();
  try {
    return fn();
  } finally {
    backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 60_000 });
  }
}

describe('stats:departments', { timeout: 60_000 }, () => {
  it('gives the hand-computed figures of every department, all 101 of them', async () => {
    const stats = await backend.call('stats:departments', {});
    expect(stats).toHaveLength(101);
    for (const expected of Object.values(EXPECTED)) expect(stats.find((d) => d.code === expected.code)).toEqual(expected);
    expect(stats.reduce((s, d) => s + d.dossiers, 0)).toBe(9);
    expect(stats.reduce((s, d) => s + d.granted, 0)).toBe(9);
  });

  it('sums the departments by region', async () => {
    const regions = await backend.call('stats:regions', {});
    expect(regions).toHaveLength(18);
    expect(regions.find((r) => r.code === '94')).toEqual({
      code: '94', name: 'Corse', departments: 2, population: 355486, dossiers: 4, requested: 10, supported: 7, granted: 6, reviewed: 3, target: 7, per100k: 1.69,
    });
    expect(regions.find((r) => r.code === '01')).toMatchObject({ departments: 1, dossiers: 3, granted: 3, target: null, per100k: 0.78 });
    expect(regions.reduce((s, r) => s + r.departments, 0)).toBe(101);
  });

  it('prints the same objects from the CLI, as JSON', async () => {
    const fromApi = { departments: await backend.call('stats:departments', {}), regions: await backend.call('stats:regions', {}) };
    const [departments, regions, wrong] = await withBaseClosed(() => [cli('stats', 'departments', '--json'), cli('stats', 'regions', '--json'), cli('stats', 'communes')]);
    expect(departments.err).toBe('');
    expect(departments.code).toBe(0);
    const stats = JSON.parse(departments.out) as Record<string, unknown>[];
    expect(stats).toEqual(fromApi.departments);
    for (const expected of Object.values(EXPECTED)) expect(stats.find((d) => d.code === expected.code)).toEqual(expected);
    expect(JSON.parse(regions.out)).toEqual(fromApi.regions);
    expect(wrong.code).toBe(2);
  });

  it('shows a prefecture profile the same national aggregates (the map for context), not other departments’ dossiers', async () => {
    const national = { departments: await backend.call('stats:departments', {}), regions: await backend.call('stats:regions', {}) };
    await useProfile(backend, 'Agent Corse-du-Sud', 'PREFECTURE', ['2A']);
    try {
      expect(await backend.call('stats:departments', {})).toEqual(national.departments);
      expect(await backend.call('stats:regions', {})).toEqual(national.regions);
      expect((await backend.call('stats:departments', {})).find((d) => d.code === '2B')).toEqual(EXPECTED['2B']);
      await expect(backend.call('ranking:get', { departmentCode: '2B' })).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    } finally {
      await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    }
  });
});
