import { describe, expect, it } from 'vitest';
import { allIn, IN_CHUNK, placeholders } from '../../../../electron/backend/db/all-in';
import { SqliteDb } from '../../../../electron/backend/db/sqlite';

async function numbers(count: number): Promise<SqliteDb> {
  const db = await SqliteDb.open();
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL)');
  db.transaction(() => {
    for (let id = 1; id <= count; id++) db.run('INSERT INTO t (id, code) VALUES (?, ?)', [id, `C${id}`]);
  });
  return db;
}

describe('allIn', () => {
  it('returns the rows of every chunk when the ids exceed one chunk, each statement under the limit', async () => {
    const db = await numbers(1_300);
    const ids = Array.from({ length: 1_200 }, (_, i) => i + 1);
    const bound: number[] = [];
    const counting = {
      all<T>(sql: string, params: readonly (string | number | null | Uint8Array)[] = []): T[] {
        bound.push(params.length);
        return db.all<T>(sql, params);
      },
    };
    const rows = allIn<{ id: number }>(counting, 'SELECT id FROM t WHERE id IN (?*) ORDER BY id', ids);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(bound).toEqual([IN_CHUNK, IN_CHUNK, 1_200 - 2 * IN_CHUNK]);
  });

  it('wraps each id in the given slot', async () => {
    const db = await numbers(3);
    const rows = allIn<{ id: number }>(db, 'SELECT id FROM t WHERE upper(code) IN (?*) ORDER BY id', ['c1', 'c3'], 'upper(?)');
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it('runs nothing for no ids, and refuses a query without its list', async () => {
    const db = await numbers(1);
    expect(allIn(db, 'SELECT id FROM t WHERE id IN (?*)', [])).toEqual([]);
    expect(() => allIn(db, 'SELECT id FROM t WHERE id IN (?)', [1])).toThrow(/\(\?\*\)/);
  });
});

describe('placeholders', () => {
  it('joins n slots', () => {
    expect(placeholders(3)).toBe('?, ?, ?');
    expect(placeholders(2, 'upper(?)')).toBe('upper(?), upper(?)');
  });
});
