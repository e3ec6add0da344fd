/**
 * Item 2 and item 7 (queries): list pages and filtered counts through `backend.call`, then the very
 * SQL that call issued, replayed raw on sql.js and on better-sqlite3 holding the same rows.
 */
import type { ApiMethod } from '../../shared/api/contract';
import type { Backend } from '../../electron/backend/backend';
import type { SqliteDb, SqlParams } from '../../electron/backend/db/sqlite';
import type { QueryResult } from './bench-types';
import { nativeParams, statementCache, type NativeDatabase } from './native-db';
import { sample } from './stats';

interface QueryCase {
  label: string;
  method: ApiMethod;
  request: object;
}

interface CapturedStatement {
  kind: 'all' | 'get';
  sql: string;
  params: SqlParams;
}

const PAGE = 50;

export function queryCases(size: number): QueryCase[] {
  const byName = { column: 'name', direction: 'asc' } as const;
  const middle = Math.floor(size / 2 / PAGE) * PAGE;
  const list = (label: string, request: object): QueryCase => ({ label, method: 'dossiers:list', request: { sort: byName, limit: PAGE, offset: 0, ...request } });
  return [
    list('list: first page, by name', {}),
    list(`list: middle page (offset ${middle}), by name`, { offset: middle }),
    list('list: first page, by commune (no index)', { sort: { column: 'communeName', direction: 'asc' } }),
    list('filter: department 59 + count', { departments: ['59'] }),
    list('filter: status VALIDATION_COSELEC + count', { statuses: ['VALIDATION_COSELEC'] }),
    list('filter: search "centre social" + count', { search: 'centre social' }),
    list('filter: search "numérique" (broad) + count', { search: 'numérique' }),
    list('filter: dept 59 + status + search + count', { departments: ['59'], statuses: ['CREEE'], search: 'association' }),
    list('list: first page, by aggregate score (desc)', { sort: { column: 'aggregateScore', direction: 'desc' } }),
    list('list: first page, by posts supported (desc)', { sort: { column: 'postsSupported', direction: 'desc' } }),
    list('filter: opinion favourable + count', { opinions: ['FAVORABLE'] }),
    list('filter: not yet reviewed + count', { reviewed: 'no' }),
    list('filter: reviewer + score ≥ 3 + count', { reviewerId: 1, minScore: 3 }),
    { label: 'facets: no filter', method: 'dossiers:facets', request: {} },
    { label: 'facets: search "association" + department 59', method: 'dossiers:facets', request: { search: 'association', departments: ['59'] } },
    { label: 'stats:departments (map)', method: 'stats:departments', request: {} },
    { label: 'stats:regions (map)', method: 'stats:regions', request: {} },
    { label: 'territory:checks (map)', method: 'territory:checks', request: {} },
  ];
}

/** The SQL a backend call runs, caught on the SqliteDb instance for the duration of one call. */
async function captureStatements(db: SqliteDb, call: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const captured: CapturedStatement[] = [];
  const all = db.all.bind(db);
  const get = db.get.bind(db);
  db.all = <T>(sql: string, params: SqlParams = []): T[] => {
    captured.push({ kind: 'all', sql, params });
    return all<T>(sql, params);
  };
  db.get = <T>(sql: string, params: SqlParams = []): T | undefined => {
    captured.push({ kind: 'get', sql, params });
    return get<T>(sql, params);
  };
  try {
    await call();
  } finally {
    Reflect.deleteProperty(db, 'all');
    Reflect.deleteProperty(db, 'get');
  }
  return captured;
}

export async function runQueries(opts: { backend: Backend; native: NativeDatabase; size: number; runs: number; log: (msg: string) => void }): Promise<QueryResult[]> {
  const { backend, native } = opts;
  const db = backend.store.db;
  const nativeStmt = statementCache(native);
  const results: QueryResult[] = [];
  const warmup = 5;
  for (const c of queryCases(opts.size)) {
    const call = () => backend.call(c.method, c.request);
    const first = (await call()) as { total?: number } | unknown[];
    const total = Array.isArray(first) ? first.length : (first.total ?? 0);
    const statements = await captureStatements(db, call);
    const callSummary = await sample(opts.runs, warmup, call);
    const sqljs = await sample(opts.runs, warmup, () => {
      for (const s of statements) {
        if (s.kind === 'all') db.all(s.sql, s.params);
        else db.get(s.sql, s.params);
      }
    });
    const nativeSummary = await sample(opts.runs, warmup, () => {
      for (const s of statements) {
        const stmt = nativeStmt(s.sql);
        if (s.kind === 'all') stmt.all(...nativeParams(s.params));
        else stmt.get(...nativeParams(s.params));
      }
    });
    results.push({ label: c.label, call: callSummary, total, engines: { label: c.label, sqljs, native: nativeSummary } });
    opts.log(`  ${c.label}: median ${callSummary.median.toFixed(1)} ms, p95 ${callSummary.p95.toFixed(1)} ms (${total} rows)`);
  }
  return results;
}
