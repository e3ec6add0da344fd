/**
 * Captures the statements a Store writes, so the native reference replays exactly the same
 * statements with the same parameters. Wraps one Store instance; the backend code is untouched.
 */
import type { Store, WriteMeta, WriteTx } from '../../electron/backend/db/store';
import type { SqlParams } from '../../electron/backend/db/sqlite';

export type RecordedOp = readonly [sql: string, params: SqlParams];

/** From now on, every `tx.run` of `store.write` is also pushed (by reference: cheap) to the result. */
export function recordWrites(store: Store): RecordedOp[] {
  const ops: RecordedOp[] = [];
  const write = store.write.bind(store);
  store.write = <T>(meta: WriteMeta, fn: (tx: WriteTx) => T): T =>
    write(meta, (tx) =>
      fn({
        ...tx,
        run(sql, params = []) {
          ops.push([sql, params]);
          tx.run(sql, params);
        },
      }),
    );
  return ops;
}
