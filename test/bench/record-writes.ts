/**
 * The statements an import commits, for the native reference to replay exactly: read back from
 * the journal (zero cost to the timed run), or, when the journal was already folded into the
 * snapshot, captured by wrapping one Store instance during an extra, untimed import.
 */
import fs from 'node:fs';
import type { Store, WriteMeta, WriteTx } from '../../electron/backend/db/store';
import type { JournalEntry } from '../../electron/backend/db/journal';
import type { SqlParams } from '../../electron/backend/db/sqlite';
import { openBackend } from '../../electron/backend/backend';

export type RecordedOp = readonly [sql: string, params: SqlParams];

/** Every statement of the journal's entries for `action`, in order (read-only: the store stays open). */
export function journalOps(dbPath: string, action: string): RecordedOp[] {
  const ops: RecordedOp[] = [];
  const text = fs.readFileSync(`${dbPath}.journal`, 'utf8');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const entry = JSON.parse(line) as JournalEntry;
    if (entry.action !== action) continue;
    for (const [index, params] of entry.ops) ops.push([entry.sql[index]!, params]);
  }
  return ops;
}

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
