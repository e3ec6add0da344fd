/**
 * The one adapter around sql.js. Nothing else in the codebase touches sql.js directly.
 * Statements are cached and always freed; transactions nest through SAVEPOINTs.
 */
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import type { Database as SqlJsDatabase, SqlJsStatic, Statement, SqlValue } from 'sql.js';
import { SQLJS_WASM_ENV } from '../paths';

export type SqlParam = string | number | null | Uint8Array;
export type SqlParams = readonly SqlParam[];
export type Row = Record<string, SqlValue>;

let sqlJsPromise: Promise<SqlJsStatic> | null = null;

const encoder = new TextEncoder();
const SLOT = /CAST\(\s*\?\s+AS\s+TEXT\s*\)|\?/gi;

/**
 * Parameter positions written `CAST(? AS TEXT)`. Strings bound there are passed as UTF-8 bytes:
 * sql.js encodes strings in slow JavaScript, while the cast stores exactly the same text.
 */
function textSlots(sql: string): boolean[] | null {
  const slots = [...sql.matchAll(SLOT)].map((m) => m[0] !== '?');
  return slots.includes(true) ? slots : null;
}

/** Where the wasm lives: next to sql.js in node_modules (unpacked from the asar in packaged builds). */
function wasmPath(): string {
  const override = process.env[SQLJS_WASM_ENV];
  if (override) return override;
  const require = createRequire(import.meta.url);
  return require.resolve('sql.js/dist/sql-wasm.wasm').replace('app.asar', 'app.asar.unpacked');
}

export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJsPromise ??= initSqlJs({ locateFile: () => wasmPath() });
  return sqlJsPromise;
}

export class SqliteDb {
  private readonly statements = new Map<string, Statement>();
  private readonly slots = new Map<string, boolean[] | null>();
  private savepointDepth = 0;

  private constructor(private readonly db: SqlJsDatabase) {
    this.applyConnectionPragmas();
  }

  static async open(bytes?: Uint8Array): Promise<SqliteDb> {
    const SQL = await loadSqlJs();
    return new SqliteDb(bytes ? new SQL.Database(bytes) : new SQL.Database());
  }

  /** Connection settings that `export()` resets in sql.js: re-applied after every export. */
  private applyConnectionPragmas(): void {
    this.db.run('PRAGMA foreign_keys = ON');
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  private bindable(sql: string, params: SqlParams): SqlValue[] {
    let slots = this.slots.get(sql);
    if (slots === undefined) {
      slots = textSlots(sql);
      this.slots.set(sql, slots);
    }
    if (!slots) return params as SqlValue[];
    return params.map((p, i) => (slots[i] && typeof p === 'string' ? encoder.encode(p) : p));
  }

  run(sql: string, params: SqlParams = []): void {
    const stmt = this.statement(sql);
    try {
      stmt.bind(this.bindable(sql, params));
      stmt.step();
    } finally {
      stmt.reset();
    }
  }

  all<T = Row>(sql: string, params: SqlParams = []): T[] {
    const stmt = this.statement(sql);
    const rows: T[] = [];
    try {
      stmt.bind(params as SqlValue[]);
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
    } finally {
      stmt.reset();
    }
    return rows;
  }

  get<T = Row>(sql: string, params: SqlParams = []): T | undefined {
    const stmt = this.statement(sql);
    try {
      stmt.bind(params as SqlValue[]);
      return stmt.step() ? (stmt.getAsObject() as T) : undefined;
    } finally {
      stmt.reset();
    }
  }

  /** The first row's values in column order. */
  row(sql: string, params: SqlParams = []): SqlValue[] | undefined {
    const stmt = this.statement(sql);
    try {
      stmt.bind(params as SqlValue[]);
      return stmt.step() ? stmt.get() : undefined;
    } finally {
      stmt.reset();
    }
  }

  /** First column of the first row. */
  value<T extends SqlValue>(sql: string, params: SqlParams = []): T | undefined {
    const stmt = this.statement(sql);
    try {
      stmt.bind(params as SqlValue[]);
      return stmt.step() ? (stmt.get()[0] as T) : undefined;
    } finally {
      stmt.reset();
    }
  }

  changes(): number {
    return this.db.getRowsModified();
  }

  get inTransaction(): boolean {
    return this.savepointDepth > 0;
  }

  /** Runs `fn` atomically; nested calls become savepoints. */
  transaction<T>(fn: () => T): T {
    const name = `sp${this.savepointDepth}`;
    this.db.exec(`SAVEPOINT ${name}`);
    this.savepointDepth++;
    try {
      const result = fn();
      this.savepointDepth--;
      this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.savepointDepth--;
      this.db.exec(`ROLLBACK TO ${name}`);
      this.db.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  /** Serialises the whole database. Blocks the thread: call it from the backend worker only. */
  export(): Uint8Array {
    if (this.inTransaction) throw new Error('export() during an open transaction');
    this.freeStatements();
    const bytes = this.db.export();
    this.applyConnectionPragmas();
    return bytes;
  }

  private freeStatements(): void {
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
  }

  close(): void {
    this.freeStatements();
    this.db.close();
  }
}
