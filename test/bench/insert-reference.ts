/**
 * Item 7, inserts: the statements of the real import commit replayed in one transaction on a fresh
 * sql.js database and on a better-sqlite3 file database, both created from the shipped schema.
 */
import path from 'node:path';
import { SqliteDb } from '../../electron/backend/db/sqlite';
import { migrate } from '../../electron/backend/db/migrate';
import type { NativeInsert } from './bench-types';
import { migrationSql, nativeParams, openNative, statementCache, type NativeDatabase } from './native-db';
import type { RecordedOp } from './record-writes';
import { timeSync } from './stats';

export async function compareInserts(ops: readonly RecordedOp[], dir: string): Promise<{ result: NativeInsert; native: NativeDatabase }> {
  const sqljs = await SqliteDb.open();
  migrate(sqljs, new Date().toISOString());
  const js = timeSync(() => sqljs.transaction(() => {
    for (const [sql, params] of ops) sqljs.run(sql, params);
  }));
  sqljs.close();

  const native = openNative(path.join(dir, 'native.sqlite'));
  native.exec(migrationSql());
  const stmt = statementCache(native);
  const begin = native.prepare('BEGIN');
  const commitStmt = native.prepare('COMMIT');
  const statements = timeSync(() => {
    begin.run();
    for (const [sql, params] of ops) stmt(sql).run(...nativeParams(params));
  });
  const commit = timeSync(() => commitStmt.run());
  return {
    result: { statements: ops.length, sqljsMs: js.ms, nativeMs: statements.ms + commit.ms, nativeCommitMs: commit.ms },
    native,
  };
}
