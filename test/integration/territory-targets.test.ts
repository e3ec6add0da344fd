import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { DEPARTMENTS } from '../../shared/domain/geography';
import { openWithFixture, useProfile } from './review-fixtures';

let backend: Backend;

beforeEach(async () => {
  ({ backend } = await openWithFixture());
});
afterEach(() => backend.close());

const targetsOf = async () => new Map((await backend.call('stats:departments', {})).map((d) => [d.code, d.target]));

describe('targets:distribute', () => {
  it('spreads 4,000 posts by population, summing exactly to the total, as the departments’ current targets', async () => {
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    const result = await backend.call('targets:distribute', {});
    expect(result.version).toMatchObject({ kind: 'distribution', total: 4000, key: 'population', floor: 0, setBy: 'Marc Durand' });
    expect(result.targets).toHaveLength(101);
    expect(result.targets.reduce((s, t) => s + t.target, 0)).toBe(4000);
    const national = DEPARTMENTS.reduce((s, d) => s + d.population, 0);
    for (const d of DEPARTMENTS) {
      const target = result.targets.find((t) => t.departmentCode === d.code)!.target;
      // Largest remainder: each target is its exact share rounded down or up.
      expect(Math.abs(target - (4000 * d.population) / national)).toBeLessThan(1);
    }
    const targets = await targetsOf();
    expect([...targets.values()].reduce<number>((s, t) => s + (t ?? 0), 0)).toBe(4000);
    // Paris has 12.5 times the population of Corse-du-Sud: its target follows.
    expect(targets.get('75')).toBe(result.targets.find((t) => t.departmentCode === '75')!.target);
    expect(targets.get('75')! / targets.get('2A')!).toBeCloseTo(2103778 / 168306, 0);
  });

  it('gives every department at least the floor and still sums to the total', async () => {
    await useProfile(backend, 'Admin ANCT', 'ADMIN');
    const { targets } = await backend.call('targets:distribute', { total: 1000, floor: 5, key: 'population' });
    expect(targets.reduce((s, t) => s + t.target, 0)).toBe(1000);
    expect(Math.min(...targets.map((t) => t.target))).toBe(5);
    expect(targets.find((t) => t.departmentCode === '48')!.target).toBe(5);
    const floored = targets.filter((t) => t.target > 5);
    // Above the floor, targets stay in the order of the populations.
    const population = (code: string) => DEPARTMENTS.find((d) => d.code === code)!.population;
    const sorted = [...floored].sort((a, b) => population(b.departmentCode) - population(a.departmentCode));
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.target).toBeLessThanOrEqual(sorted[i - 1]!.target);
  });

  it('keeps versions: a department set afterwards overrides its share, the history lists both newest first', async () => {
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    await backend.call('targets:distribute', { total: 4000 });
    await backend.call('targets:set', { departmentCode: '06', target: 70 });
    await backend.call('targets:distribute', { total: 3000, floor: 10 });
    await backend.call('targets:set', { departmentCode: '13', target: 120 });
    const targets = await targetsOf();
    expect(targets.get('13')).toBe(120);
    expect(targets.get('06')).not.toBe(70);
    const history = await backend.call('targets:history', {});
    expect(history.map((v) => [v.kind, v.departmentCode, v.total, v.floor])).toEqual([
      ['department', '13', 120, null],
      ['distribution', null, 3000, 10],
      ['department', '06', 70, null],
      ['distribution', null, 4000, 0],
    ]);
    expect(history.every((v) => v.setBy === 'Marc Durand')).toBe(true);
  });

  it('refuses a floor the total cannot give every department, and a total that is not a whole number', async () => {
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    const version = backend.store.version;
    await expect(backend.call('targets:distribute', { total: 100, floor: 2 })).rejects.toMatchObject({ code: 'VALIDATION', message: 'Un plancher de 2 poste(s) pour 101 départements dépasse le total de 100 postes.' });
    await expect(backend.call('targets:distribute', { total: 10.5 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(backend.call('targets:distribute', { total: '4000' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(backend.store.version).toBe(version);
  });

  it('is refused to a prefecture profile, and nothing is stored', async () => {
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    const version = backend.store.version;
    await expect(backend.call('targets:distribute', { total: 4000 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Seuls les membres du comité national et les administrateurs ANCT peuvent répartir l’objectif national de postes.',
    });
    expect(backend.store.version).toBe(version);
    expect(await backend.call('targets:history', {})).toEqual([]);
    expect((await backend.call('stats:departments', {}))[0]!.target).toBeNull();
  });
});

describe('a distribution in a database file', () => {
  it('is found again, with its history, after the base is closed and reopened (journal replay)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-targets-'));
    const dbPath = path.join(dir, 'base.sqlite');
    const open = () => openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 60_000 });
    try {
      let base = await open();
      await base.call('profile:save', { name: 'Marc Durand', role: 'COMMITTEE', departments: [] });
      await base.call('targets:distribute', { total: 4000, floor: 3 });
      await base.call('targets:set', { departmentCode: '2A', target: 12 });
      const stats = await base.call('stats:departments', {});
      const history = await base.call('targets:history', {});
      base.close();
      base = await open();
      try {
        expect(await base.call('stats:departments', {})).toEqual(stats);
        expect(await base.call('targets:history', {})).toEqual(history);
        expect(stats.find((d) => d.code === '2A')!.target).toBe(12);
      } finally {
        base.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
