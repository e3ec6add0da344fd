/**
 * better-sqlite3, the native reference. The package ships no type declarations and none are
 * installed, so it is loaded through createRequire and typed with just the part we use.
 */
import { createRequire } from 'node:module';
import type { SqlParams } from '../../electron/backend/db/sqlite';
import { MIGRATIONS } from '../../electron/backend/db/migrations/index';

export interface NativeStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}

export interface NativeDatabase {
  prepare(sql: string): NativeStatement;
  exec(sql: string): void;
  pragma(sql: string): unknown;
  close(): void;
}

type NativeDatabaseConstructor = new (file: string) => NativeDatabase;

const require = createRequire(import.meta.url);

export function openNative(file: string): NativeDatabase {
  const Database = require('better-sqlite3') as NativeDatabaseConstructor;
  const db = new Database(file);
  // Same connection setting as the sql.js adapter, so foreign-key checks cost the same.
  db.pragma('foreign_keys = ON');
  return db;
}

/** The schema the app ships: every numbered migration, as read from its .sql file, in order. */
export function migrationSql(): string {
  return MIGRATIONS.map((m) => m.sql).join('\n');
}

/** better-sqlite3 binds Buffers, not bare Uint8Arrays. */
export function nativeParams(params: SqlParams): unknown[] {
  return params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p));
}

/** Prepared statements cached per SQL text, like the sql.js adapter does. */
export function statementCache(db: NativeDatabase): (sql: string) => NativeStatement {
  const cache = new Map<string, NativeStatement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}
