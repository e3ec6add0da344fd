/**
 * Issue 11, point 5: a base is never silently empty. A deleted snapshot next to its companion
 * files is refused (CLI `info` exits 1 naming the files and the way back), `.prev` stays intact,
 * and `restore` brings it back with its rows, keeping or setting aside the journal honestly.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { restorePrevious } from '../../electron/backend/db/restore';
import { committeeRows, heldSession, openCommitteeBase } from './committee-fixtures';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-restore-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function cli(dbPath: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** Every file of the directory with its digest: what a refusal must leave as it was. */
const filesOf = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, sha256(path.join(dir, name))]));

async function rowsOf(dbPath: string) {
  const backend = await openBackend({ dbPath, userName: 'lecture', mode: 'cli' });
  try {
    return { version: backend.store.version, dossiers: backend.store.db.value<number>('SELECT count(*) FROM dossiers'), rows: committeeRows(backend) };
  } finally {
    backend.close();
  }
}

/**
 * A base whose `.prev` holds a sealed session and 8 dossiers, and whose snapshot holds one more
 * change (a new member); the journal is empty after the clean close. Returns the rows of `.prev`.
 */
async function closedBase(dbPath: string) {
  const base = await openCommitteeBase(dbPath);
  const session = await heldSession(base);
  await base.backend.call('minutes:validate', { sessionId: session.id });
  base.backend.store.snapshot();
  const atPrev = { version: base.backend.store.version, rows: committeeRows(base.backend) };
  await base.backend.call('members:save', { name: 'Hélène Blanc', organisation: 'ANCT', active: true });
  base.backend.close();
  return atPrev;
}

describe('a missing snapshot and restore', { timeout: 180_000 }, () => {
  it('refuses to open a base whose snapshot was deleted, keeps .prev, and restore brings it back with its rows', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'base.sqlite');
    const atPrev = await closedBase(dbPath);
    fs.rmSync(dbPath);
    const before = filesOf(dir);
    expect(Object.keys(before)).toEqual(['base.sqlite.journal', 'base.sqlite.prev', 'base.sqlite.prev.sha256', 'base.sqlite.sha256']);

    const info = cli(dbPath, 'info');
    expect(info.code).toBe(1);
    expect(info.err).toContain(`La base « ${dbPath} » est introuvable alors que ses fichiers compagnons sont présents (« base.sqlite.journal », « base.sqlite.sha256 », « base.sqlite.prev », « base.sqlite.prev.sha256 »)`);
    expect(info.err).toContain('elle n’a pas été recréée vide');
    expect(info.err).toContain(`« Restaurer la sauvegarde précédente »`);
    expect(info.err).toContain(`npm run cli -- restore --db "${dbPath}"`);
    // Nothing created, nothing rotated: `.prev` is the same file, and no empty base appeared.
    expect(filesOf(dir)).toEqual(before);
    await expect(openBackend({ dbPath, userName: 'x', mode: 'cli' })).rejects.toMatchObject({ code: 'DB_MISSING' });
    expect(filesOf(dir)).toEqual(before);

    const restored = cli(dbPath, 'restore', '--json');
    expect(restored.code).toBe(0);
    const result = JSON.parse(restored.out) as { dossiers: number; seq: number; snapshotAside: string | null; journalAside: string | null; journalKept: number; journalLost: number; message: string };
    expect(result).toMatchObject({ dossiers: 8, seq: atPrev.version, snapshotAside: null, journalAside: null, journalKept: 0, journalLost: 0 });
    expect(result.message).toContain(`Base « ${dbPath} » restaurée depuis la sauvegarde précédente « ${dbPath}.prev » : 8 dossier(s)`);
    expect(sha256(dbPath)).toBe(before['base.sqlite.prev']);
    expect(sha256(`${dbPath}.prev`)).toBe(before['base.sqlite.prev']);

    const infoAfter = cli(dbPath, 'info', '--json');
    expect(infoAfter.code).toBe(0);
    expect(JSON.parse(infoAfter.out)).toMatchObject({ dossierCount: 8 });
    expect(await rowsOf(dbPath)).toEqual({ version: atPrev.version, dossiers: 8, rows: atPrev.rows });
  });

  it('a stale lock alone is a companion too; only a base with no file at all is created', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'base.sqlite');
    fs.writeFileSync(`${dbPath}.lock`, JSON.stringify({ pid: 999_999_999, hostname: os.hostname(), since: '2026-01-01T00:00:00.000Z' }));
    await expect(openBackend({ dbPath, userName: 'x', mode: 'cli' })).rejects.toMatchObject({ code: 'DB_MISSING', message: expect.stringContaining('(« base.sqlite.lock »)') });
    expect(fs.existsSync(dbPath)).toBe(false);
    const fresh = path.join(dir, 'neuve.sqlite');
    const backend = await openBackend({ dbPath: fresh, userName: 'x', mode: 'cli' });
    backend.close();
    expect(fs.existsSync(fresh)).toBe(true);
  });

  it('without .prev, says there is nothing to restore and creates nothing', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'base.sqlite');
    fs.writeFileSync(`${dbPath}.journal`, '');
    await expect(openBackend({ dbPath, userName: 'x', mode: 'cli' })).rejects.toMatchObject({
      code: 'DB_MISSING',
      message: expect.stringContaining('(« base.sqlite.journal ») : elle n’a pas été recréée vide, et aucun fichier n’a été modifié. Aucune sauvegarde précédente (« base.sqlite.prev ») n’existe'),
    });
    await expect(restorePrevious(dbPath)).rejects.toMatchObject({ message: `Restauration refusée : aucune sauvegarde précédente « ${dbPath}.prev » n’existe. Aucun fichier n’a été modifié.` });
    expect(fs.readdirSync(dir)).toEqual(['base.sqlite.journal']);
  });

  it('sets aside the current snapshot and a journal that does not continue .prev, saying how many entries are lost', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'base.sqlite');
    const atPrev = await closedBase(dbPath);
    // Two changes journaled after the last snapshot, then the machine stops (files copied as they are).
    const backend = await openBackend({ dbPath, userName: 'x', mode: 'cli', snapshotDelayMs: 600_000 });
    await backend.call('members:save', { name: 'Igor Vidal', organisation: 'ANCT', active: true });
    await backend.call('members:save', { name: 'Julie Noël', organisation: 'ANCT', active: true });
    const crashed = path.join(tempDir(), 'base.sqlite');
    for (const suffix of ['', '.sha256', '.journal', '.prev', '.prev.sha256']) fs.copyFileSync(`${dbPath}${suffix}`, `${crashed}${suffix}`);
    backend.close();
    const snapshotDigest = sha256(crashed);
    const journalDigest = sha256(`${crashed}.journal`);

    const result = await restorePrevious(crashed, () => '2026-12-08T03:00:00.000Z');
    expect(result.snapshotAside).toBe(`${crashed}.avant-restauration-2026-12-08T03-00-00-000Z`);
    expect(result.journalAside).toBe(`${crashed}.journal.avant-restauration-2026-12-08T03-00-00-000Z`);
    expect(result).toMatchObject({ journalKept: 0, journalLost: 2 });
    expect(result.message).toContain(`Le journal ne prolonge pas la sauvegarde : il est conservé sous « ${result.journalAside} » et ses 2 entrée(s) ne sont pas récupérées.`);
    expect(result.message).toContain(`L’instantané remplacé est conservé sous « ${result.snapshotAside} ».`);
    // Set aside, never deleted.
    expect(sha256(result.snapshotAside!)).toBe(snapshotDigest);
    expect(sha256(result.journalAside!)).toBe(journalDigest);
    expect(await rowsOf(crashed)).toEqual({ version: atPrev.version, dossiers: 8, rows: atPrev.rows });
  });

  it('keeps a journal whose entries continue .prev and replays them on the next opening', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'base.sqlite');
    await closedBase(dbPath);
    fs.rmSync(dbPath);
    // The same `.prev`, opened elsewhere, gets two changes: a journal that chains onto it.
    const other = path.join(tempDir(), 'autre.sqlite');
    fs.copyFileSync(`${dbPath}.prev`, other);
    fs.copyFileSync(`${dbPath}.prev.sha256`, `${other}.sha256`);
    const backend = await openBackend({ dbPath: other, userName: 'x', mode: 'cli', snapshotDelayMs: 600_000 });
    await backend.call('members:save', { name: 'Igor Vidal', organisation: 'ANCT', active: true });
    await backend.call('members:save', { name: 'Julie Noël', organisation: 'ANCT', active: true });
    fs.copyFileSync(`${other}.journal`, `${dbPath}.journal`);
    const expected = { version: backend.store.version, dossiers: 8, rows: committeeRows(backend) };
    backend.close();

    const result = await restorePrevious(dbPath);
    expect(result).toMatchObject({ journalKept: 2, journalLost: 0, journalAside: null, snapshotAside: null });
    expect(result.message).toContain('Les 2 entrée(s) du journal prolongent la sauvegarde : elles seront rejouées à l’ouverture.');
    expect(await rowsOf(dbPath)).toEqual(expected);
  });

  it('refuses a .prev that does not match its digest, and changes nothing', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'base.sqlite');
    await closedBase(dbPath);
    fs.rmSync(dbPath);
    const bytes = fs.readFileSync(`${dbPath}.prev`);
    bytes[bytes.length - 10]! ^= 0xff;
    fs.writeFileSync(`${dbPath}.prev`, bytes);
    const before = filesOf(dir);
    const restored = cli(dbPath, 'restore');
    expect(restored.code).toBe(1);
    expect(restored.err).toContain(`Restauration refusée : « ${dbPath}.prev » ne correspond pas à son empreinte « ${dbPath}.prev.sha256 » (SHA-256 différente) : la sauvegarde est endommagée. Aucun fichier n’a été modifié.`);
    expect(filesOf(dir)).toEqual(before);
  });
});
