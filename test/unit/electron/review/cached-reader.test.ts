import { describe, expect, it } from 'vitest';
import { SqliteDb } from '../../../../electron/backend/db/sqlite';
import { cachedReader, memoised } from '../../../../electron/backend/review/cached-reader';
import type { DbReader } from '../../../../electron/backend/review/db-reader';

async function dbWithRows() {
  const db = await SqliteDb.open();
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  db.run("INSERT INTO t (v) VALUES ('a'), ('b')");
  return db;
}

describe('cachedReader', () => {
  it('answers a repeated query from its cache, frozen, and keeps parameters apart', async () => {
    const db = await dbWithRows();
    const reader = cachedReader(db);
    const first = reader.all<{ v: string }>('SELECT v FROM t WHERE id >= ? ORDER BY id', [1]);
    db.run("INSERT INTO t (v) VALUES ('c')");
    expect(reader.all('SELECT v FROM t WHERE id >= ? ORDER BY id', [1])).toBe(first);
    expect(first.map((r) => r.v)).toEqual(['a', 'b']);
    expect(reader.all<{ v: string }>('SELECT v FROM t WHERE id >= ? ORDER BY id', [2]).map((r) => r.v)).toEqual(['b', 'c']);
    expect(() => (first as { v: string }[]).push({ v: 'x' })).toThrow(TypeError);
    db.close();
  });

  it('memoises a derived figure only on a cached reader: the live database computes it each time', async () => {
    const db = await dbWithRows();
    const count = (reader: DbReader) => memoised(reader, 'count', () => reader.value<number>('SELECT count(*) FROM t'));
    const reader = cachedReader(db);
    expect(count(reader)).toBe(2);
    expect(count(db)).toBe(2);
    db.run("INSERT INTO t (v) VALUES ('c')");
    expect(count(db)).toBe(3);
    expect(count(reader)).toBe(2);
    expect(count(cachedReader(db))).toBe(3);
    db.close();
  });
});
