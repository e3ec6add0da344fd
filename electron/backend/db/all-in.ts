import type { SqlParam, SqlParams, Row } from './sqlite';

/** Ids bound per statement: well under SQLite's limit of bound parameters (999 in old builds). */
export const IN_CHUNK = 500;

/** The marker an `allIn` query puts where its `IN` list goes: `WHERE id IN (?*)`. */
const LIST = '(?*)';

/** `n` comma-separated slots, `?` unless another slot is given (e.g. `upper(?)`). */
export const placeholders = (n: number, slot = '?'): string => Array<string>(n).fill(slot).join(', ');

interface Reader {
  all<T = Row>(sql: string, params?: SqlParams): T[];
}

/**
 * Runs `sql` once per chunk of `ids`, its `(?*)` replaced by that chunk's slots, and returns all
 * rows (chunk after chunk, so an ORDER BY holds within a chunk only). `slot` wraps each id, e.g.
 * `upper(?)` for a case-insensitive match.
 */
export function allIn<T = Row>(db: Reader, sql: string, ids: readonly SqlParam[], slot = '?'): T[] {
  if (!sql.includes(LIST)) throw new Error(`allIn: the query has no ${LIST} list: ${sql}`);
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    rows.push(...db.all<T>(sql.replace(LIST, `(${placeholders(chunk.length, slot)})`), chunk));
  }
  return rows;
}
