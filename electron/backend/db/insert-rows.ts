import type { SqlParam } from './sqlite';
import type { WriteTx } from './store';

/**
 * Inserts many rows with multi-row statements: in sql.js the per-statement overhead (binding,
 * stepping, resetting across the WebAssembly boundary) dominates bulk writes.
 * `head` is "INSERT INTO t (a, b)", `slots` one row's placeholders, e.g. "(?, CAST(? AS TEXT))".
 */
export function insertRows(tx: WriteTx, head: string, slots: string, rows: readonly SqlParam[][], rowsPerStatement: number): void {
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    tx.run(`${head} VALUES ${chunk.map(() => slots).join(', ')}`, chunk.flat());
  }
}
