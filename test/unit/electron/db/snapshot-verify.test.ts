/**
 * Issue 11, point 5: `.prev` is only replaced by a snapshot whose digest was verified after
 * writing, and it keeps its own digest (`.prev.sha256`). A write that alters or shortens the
 * snapshot on its way to disk is caught before anything is rotated.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../../../electron/backend/db/store';

const dirs: string[] = [];
function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-snapshot-'));
  dirs.push(dir);
  return path.join(dir, 'base.sqlite');
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const meta = { action: 'test', user: 'Testeur' };
const insertBatch = (store: Store, name: string) =>
  store.write(meta, (tx) =>
    tx.run(
      "INSERT INTO import_batches (file_name, file_hash, format, imported_at, imported_by, total, created, updated, unchanged, rejected, rejections) VALUES (?, 'h', 'csv', '2026-01-01', 'x', 0, 0, 0, 0, 0, '[]')",
      [name],
    ),
  );
const batchNames = (store: Store) => store.db.all<{ file_name: string }>('SELECT file_name FROM import_batches ORDER BY id').map((r) => r.file_name);
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const files = (file: string) => Object.fromEntries(['', '.sha256', '.prev', '.prev.sha256'].map((s) => [s || 'snapshot', fs.existsSync(`${file}${s}`) ? sha256(`${file}${s}`) : null]));

/** From now on, what is written to the snapshot's `.tmp` file goes through `alter`. */
function alterSnapshotWrites(alter: (bytes: Buffer) => Buffer) {
  const tmpFds = new Set<number>();
  const open = fs.openSync.bind(fs) as (file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => number;
  const write = fs.writeSync.bind(fs) as (fd: number, data: Buffer, ...rest: unknown[]) => number;
  vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    const fd = open(file, flags, mode);
    if (String(file).endsWith('.sqlite.tmp')) tmpFds.add(fd);
    return fd;
  }) as typeof fs.openSync);
  vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Buffer, ...rest: unknown[]) => {
    if (tmpFds.has(fd) && rest.length === 0) return write(fd, alter(Buffer.from(data)));
    return write(fd, data, ...rest);
  }) as typeof fs.writeSync);
}

/** Three writes, each folded into a snapshot at once (a journal over 1 byte is folded after the write). */
async function baseWithPrev(file: string): Promise<Store> {
  const store = await Store.open({ path: file, snapshotDelayMs: 600_000, maxJournalBytes: 1 });
  for (const name of ['a.csv', 'b.csv', 'c.csv']) insertBatch(store, name);
  return store;
}

describe('snapshot verified before rotation', () => {
  it('keeps a digest of .prev that matches it after each rotation', async () => {
    const file = tempDb();
    const store = await baseWithPrev(file);
    const current = sha256(file);
    insertBatch(store, 'd.csv');
    expect(fs.readFileSync(`${file}.prev.sha256`, 'utf8')).toBe(current);
    expect(sha256(`${file}.prev`)).toBe(current);
    expect(fs.readFileSync(`${file}.sha256`, 'utf8')).toBe(sha256(file));
    store.close();
  });

  for (const [what, alter] of [
    ['altered', (bytes: Buffer) => (bytes[bytes.length - 100]! ^= 0x01, bytes)],
    ['shortened', (bytes: Buffer) => bytes.subarray(0, bytes.length - 4096)],
  ] as const) {
    it(`never replaces .prev with a snapshot ${what} on its way to disk`, async () => {
      const file = tempDb();
      const store = await baseWithPrev(file);
      const before = files(file);
      const version = store.version;
      alterSnapshotWrites(alter);
      // The write is acknowledged: its snapshot after it fails quietly, the fsync'd journal keeping the change.
      insertBatch(store, 'd.csv');
      expect(store.version).toBe(version + 1);
      expect(files(file)).toEqual(before);
      const journal = fs.readFileSync(`${file}.journal`, 'utf8');
      expect(journal).toContain('d.csv');
      expect(() => store.snapshot()).toThrow(
        expect.objectContaining({
          code: 'DB_WRITE',
          message: `L’instantané écrit dans « ${file}.tmp » ne correspond pas à la base en mémoire (empreinte SHA-256 relue différente) : il a été écarté ; « ${file} », sa sauvegarde « ${file}.prev » et le journal sont inchangés.`,
        }),
      );
      expect(files(file)).toEqual(before);
      expect(fs.existsSync(`${file}.tmp`)).toBe(false);
      expect(fs.readFileSync(`${file}.journal`, 'utf8')).toBe(journal);
      vi.restoreAllMocks();
      store.close();
      const reopened = await Store.open({ path: file });
      expect(batchNames(reopened)).toEqual(['a.csv', 'b.csv', 'c.csv', 'd.csv']);
      // The healthy snapshot of close() rotated the previous one, with its digest.
      expect(fs.readFileSync(`${file}.prev.sha256`, 'utf8')).toBe(before.snapshot);
      reopened.close();
    });
  }
});
