import fs from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../../electron/backend/db/store';
import { SqliteDb } from '../../../../electron/backend/db/sqlite';
import type { JournalEntry } from '../../../../electron/backend/db/journal';

const dirs: string[] = [];
function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-store-'));
  dirs.push(dir);
  return path.join(dir, 'base.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const meta = { action: 'test', user: 'Testeur' };
const insertBatch = (tx: { run: (s: string, p: (string | number)[]) => void }, name: string) =>
  tx.run(
    "INSERT INTO import_batches (file_name, file_hash, format, imported_at, imported_by, total, created, updated, unchanged, rejected, rejections) VALUES (?, 'h', 'csv', '2026-01-01', 'x', 0, 0, 0, 0, 0, '[]')",
    [name],
  );
const batchNames = (store: Store) => store.db.all<{ file_name: string }>('SELECT file_name FROM import_batches ORDER BY id').map((r) => r.file_name);

describe('Store', () => {
  it('creates a migrated database file with a snapshot', async () => {
    const file = tempDb();
    const store = await Store.open({ path: file });
    expect(fs.existsSync(file)).toBe(true);
    expect(store.db.value('SELECT count(*) FROM schema_migrations')).toBeGreaterThanOrEqual(1);
    store.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('keeps a journaled change without any snapshot, and chains hashes', async () => {
    const file = tempDb();
    const store = await Store.open({ path: file, snapshotDelayMs: 60_000 });
    store.write(meta, (tx) => insertBatch(tx, 'a.csv'));
    store.write(meta, (tx) => insertBatch(tx, 'b’€œ.csv'));
    const journalLines = fs.readFileSync(`${file}.journal`, 'utf8').trim().split('\n');
    expect(journalLines).toHaveLength(2);
    // Simulate a crash: copy the files as they are on disk, without closing (no snapshot).
    const crashed = path.join(path.dirname(file), 'crashed.sqlite');
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}.journal`, `${crashed}.journal`);
    store.close();
    const reopened = await Store.open({ path: crashed });
    expect(batchNames(reopened)).toEqual(['a.csv', 'b’€œ.csv']);
    const chain = reopened.db.all<{ seq: number; hash: string; prev_hash: string }>('SELECT seq, hash, prev_hash FROM journal ORDER BY seq');
    expect(chain[1]!.prev_hash).toBe(chain[0]!.hash);
    reopened.close();
  });

  it('rolls back everything when the write function throws', async () => {
    const store = await Store.open({ path: tempDb() });
    expect(() =>
      store.write(meta, (tx) => {
        insertBatch(tx, 'partial.csv');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(batchNames(store)).toEqual([]);
    expect(store.version).toBe(0);
    store.close();
  });

  it('snapshots, keeps the previous snapshot and empties the journal', async () => {
    const file = tempDb();
    const store = await Store.open({ path: file, snapshotDelayMs: 60_000 });
    store.write(meta, (tx) => insertBatch(tx, 'a.csv'));
    store.snapshot();
    expect(fs.statSync(`${file}.journal`).size).toBe(0);
    expect(fs.existsSync(`${file}.prev`)).toBe(true);
    store.write(meta, (tx) => insertBatch(tx, 'b.csv'));
    store.close();
    const reopened = await Store.open({ path: file });
    expect(batchNames(reopened)).toEqual(['a.csv', 'b.csv']);
    reopened.close();
  });

  it('refuses a second opening of the same database', async () => {
    const file = tempDb();
    const store = await Store.open({ path: file });
    await expect(Store.open({ path: file })).rejects.toMatchObject({ code: 'DB_LOCKED' });
    store.close();
  });

  it('refuses a corrupted file and leaves it untouched', async () => {
    const file = tempDb();
    const store = await Store.open({ path: file });
    store.write(meta, (tx) => insertBatch(tx, 'a.csv'));
    store.close();
    const bytes = fs.readFileSync(file);
    const damaged = Buffer.from(bytes);
    damaged.fill(0x41, 4096, Math.min(damaged.length, 4096 * 3));
    fs.writeFileSync(file, damaged);
    await expect(Store.open({ path: file })).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(Buffer.compare(fs.readFileSync(file), damaged)).toBe(0);
    fs.rmSync(`${file}.sha256`);
    await expect(Store.open({ path: file })).rejects.toMatchObject({ code: 'DB_CORRUPT', message: expect.stringContaining('endommagée') });
    fs.writeFileSync(file, 'pas une base');
    await expect(Store.open({ path: file })).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('refuses a database made by a newer version', async () => {
    const file = tempDb();
    const store = await Store.open({ path: file });
    store.close();
    const db = await SqliteDb.open(fs.readFileSync(file));
    db.run("INSERT INTO schema_migrations (id, name, hash, applied_at) VALUES (999, 'future', 'x', 'now')");
    const newer = db.export();
    db.close();
    fs.writeFileSync(file, newer);
    // A newer app writes the snapshot digest too.
    fs.writeFileSync(`${file}.sha256`, createHash('sha256').update(newer).digest('hex'));
    await expect(Store.open({ path: file })).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    expect(Buffer.compare(fs.readFileSync(file), Buffer.from(newer))).toBe(0);
  });

  it('journals the rows a write changed as data, never its SQL, and announces their tables', async () => {
    const file = tempDb();
    const store = await Store.open({ path: file, snapshotDelayMs: 60_000 });
    const announced: string[][] = [];
    store.onChange((tables) => announced.push(tables));
    store.write(meta, (tx) => insertBatch(tx, 'a.csv'));
    store.write(meta, (tx) => {
      tx.run("UPDATE import_batches SET file_name = 'b.csv' WHERE id = 1");
      tx.run("INSERT INTO settings (key, value) VALUES ('k', 'v')");
      tx.run('DELETE FROM import_batches WHERE id = 1');
    });
    // A statement that changes no row is no change: no entry, no event.
    store.write(meta, (tx) => tx.run("UPDATE settings SET value = 'w' WHERE key = 'absent'"));
    const lines = fs.readFileSync(`${file}.journal`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalEntry);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !('sql' in l) && !('ops' in l))).toBe(true);
    const columns = store.db.all<{ name: string }>("SELECT name FROM pragma_table_info('import_batches') ORDER BY cid").map((c) => c.name);
    const row = [1, 'a.csv', 'h', 'csv', '2026-01-01', 'x', 0, 0, 0, 0, 0, '[]'];
    expect(lines[1]).toMatchObject({
      seq: 2,
      columns: { import_batches: columns, settings: ['key', 'value'] },
      changes: [
        { table: 'import_batches', op: 'update', key: 1, before: row, after: [1, 'b.csv', ...row.slice(2)] },
        { table: 'settings', op: 'insert', key: ['k'], before: null, after: ['k', 'v'] },
        { table: 'import_batches', op: 'delete', key: 1, before: [1, 'b.csv', ...row.slice(2)], after: null },
      ],
    });
    expect(announced).toEqual([['import_batches'], ['import_batches', 'settings']]);
    expect(store.db.value('SELECT tables FROM journal WHERE seq = 2')).toBe('["import_batches","settings"]');
    expect(store.version).toBe(2);
    store.close();
  });

  it('refuses a write that changes the schema: the journal could not replay it', async () => {
    const store = await Store.open({ path: null });
    expect(() => store.write(meta, (tx) => tx.run('CREATE TABLE evil (x)'))).toThrow(/may not change the schema/);
    expect(store.db.value("SELECT count(*) FROM sqlite_master WHERE name = 'evil'")).toBe(0);
    expect(store.version).toBe(0);
    store.close();
  });

  it('cuts a torn last journal line but refuses a tampered entry', async () => {
    const file = tempDb();
    const store = await Store.open({ path: file, snapshotDelayMs: 60_000 });
    store.write(meta, (tx) => insertBatch(tx, 'a.csv'));
    const journal = fs.readFileSync(`${file}.journal`, 'utf8');
    store.close();
    // Torn append after an acknowledged one.
    fs.writeFileSync(`${file}.journal`, `${journal}{"seq":2,"at":"x`);
    const dbBytes = fs.readFileSync(file);
    const db = await SqliteDb.open(dbBytes);
    db.run('DELETE FROM journal');
    db.run('DELETE FROM import_batches');
    fs.writeFileSync(file, db.export());
    fs.rmSync(`${file}.sha256`);
    db.close();
    const reopened = await Store.open({ path: file });
    expect(batchNames(reopened)).toEqual(['a.csv']);
    reopened.close();
    const tampered = journal.replace('a.csv', 'z.csv');
    const db2 = await SqliteDb.open(fs.readFileSync(file));
    db2.run('DELETE FROM journal');
    db2.run('DELETE FROM import_batches');
    fs.writeFileSync(file, db2.export());
    fs.rmSync(`${file}.sha256`, { force: true });
    db2.close();
    fs.writeFileSync(`${file}.journal`, tampered);
    await expect(Store.open({ path: file })).rejects.toMatchObject({ code: 'DB_JOURNAL' });
  });
});
