/**
 * A read-only view of the database that answers the same query with the same parameters once:
 * regenerating the minutes of every sealed session asks for the same base-wide figures (the map's
 * department figures, the national totals) once per session. Only for a run of reads with no write
 * in between (a verification runs in one turn of the backend's queue).
 */
import type { SqlParams } from '../db/sqlite';
import type { DbReader } from './db-reader';

/** Shared between callers, so frozen: a caller that tried to change a cached row would throw, not corrupt the next one. */
function frozen<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const row of value) if (row && typeof row === 'object') Object.freeze(row);
    return Object.freeze(value);
  }
  return value && typeof value === 'object' ? Object.freeze(value) : value;
}

/** The cache of each cached reader: also what `memoised` keeps derived figures in. */
const caches = new WeakMap<DbReader, Map<string, unknown>>();

/**
 * A figure computed from the database, once per cached reader (e.g. the national totals every
 * session's minutes recompute by a loop over the base); on any other reader, computed each time.
 */
export function memoised<T>(db: DbReader, key: string, compute: () => T): T {
  const cache = caches.get(db);
  if (!cache) return compute();
  const slot = `memo\n${key}`;
  if (!cache.has(slot)) cache.set(slot, frozen(compute()));
  return cache.get(slot) as T;
}

export function cachedReader(db: DbReader): DbReader {
  const cache = new Map<string, unknown>();
  const once = <T>(kind: string, sql: string, params: SqlParams | undefined, read: () => T): T => {
    const key = `${kind}\n${sql}\n${JSON.stringify(params ?? [])}`;
    if (!cache.has(key)) cache.set(key, frozen(read()));
    return cache.get(key) as T;
  };
  const reader: DbReader = {
    all: (sql, params) => once('all', sql, params, () => db.all(sql, params)),
    get: (sql, params) => once('get', sql, params, () => db.get(sql, params)),
    value: (sql, params) => once('value', sql, params, () => db.value(sql, params)),
  };
  caches.set(reader, cache);
  return reader;
}
