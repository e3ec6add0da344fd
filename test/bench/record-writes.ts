/**
 * The statements an import commits, for the native reference to replay exactly: captured by
 * wrapping one Store instance during an extra, untimed import (the journal holds rows, not SQL).
 */
import type { Store, WriteMeta, WriteTx } from '../../electron/backend/db/store';
import type { SqlParams } from '../../electron/backend/db/sqlite';
import { openBackend } from '../../electron/backend/backend';

export type RecordedOp = readonly [sql: string, params: SqlParams];

/** From now on, every `tx.run` of `store.write` is also pushed to the result. */
export function recordWrites(store: Store): RecordedOp[] {
  const ops: RecordedOp[] = [];
  const write = store.write.bind(store);
  store.write = <T>(meta: WriteMeta, fn: (tx: WriteTx) => T): T =>
    write(meta, (tx) =>
      fn({
        ...tx,
        run(sql, params = []) {
          ops.push([sql, [...params]]);
          tx.run(sql, params);
        },
      }),
    );
  return ops;
}

/** Imports `data` once more into an in-memory database, only to capture its statements. */
export async function captureImportOps(fileName: string, data: Uint8Array): Promise<RecordedOp[]> {
  const backend = await openBackend({ dbPath: null, userName: 'Banc de mesure', mode: 'cli' });
  try {
    const ops = recordWrites(backend.store);
    const preview = await backend.call('import:preview', { fileName, data });
    await backend.call('import:commit', { token: preview.token });
    return ops;
  } finally {
    backend.close();
  }
}
