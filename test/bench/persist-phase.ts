/**
 * Item 3 and 5: persisting one small change (journal append + fsync) and folding the journal into
 * a snapshot, on the imported database; with a native commit and a bare fsync as references.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../electron/backend/db/store';
import type { PersistResult, SnapshotResult } from './bench-types';
import type { NativeDatabase } from './native-db';
import { sample, summarize, timeSync } from './stats';

const TOUCH_SQL = 'UPDATE dossiers SET updated_at = ? WHERE id = ?';
const WARMUP = 5;

/** Deterministic spread of dossier ids, so every run touches a different row. */
function idAt(i: number, size: number): number {
  return ((i * 7919 + 13) % size) + 1;
}

function touch(store: Store, id: number): void {
  store.write({ action: 'bench:touch', user: 'Banc de mesure', summary: { id } }, (tx) => tx.run(TOUCH_SQL, [new Date().toISOString(), id]));
}

function fsyncFloor(dir: string, runs: number): Promise<PersistResult['fsyncFloor']> {
  const file = path.join(dir, 'fsync-floor.bin');
  const fd = fs.openSync(file, 'w');
  const line = Buffer.alloc(300, 0x61);
  let offset = 0;
  return sample(runs, WARMUP, () => {
    offset += fs.writeSync(fd, line, 0, line.length, offset);
    fs.fsyncSync(fd);
  }).finally(() => {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  });
}

export async function runPersist(opts: { store: Store; native: NativeDatabase; size: number; runs: number; dir: string }): Promise<PersistResult> {
  const { store, size } = opts;
  const journal = `${store.path}.journal`;
  const before = fs.statSync(journal).size;
  const write = await sample(opts.runs, WARMUP, (i) => touch(store, idAt(i, size)));
  const entries = opts.runs + WARMUP;
  const journalBytesPerEntry = (fs.statSync(journal).size - before) / entries;

  // What a native database would pay for the same durable change.
  opts.native.pragma('journal_mode = WAL');
  opts.native.pragma('synchronous = FULL');
  const update = opts.native.prepare(TOUCH_SQL);
  const native = await sample(opts.runs, WARMUP, (i) => update.run(new Date().toISOString(), idAt(i, size)));

  return { write, native, fsyncFloor: await fsyncFloor(opts.dir, opts.runs), journalBytesPerEntry };
}

/** Each run first makes one change (untimed), since a snapshot of an unchanged store is skipped. */
export async function runSnapshots(store: Store, runs: number): Promise<SnapshotResult> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    touch(store, i + 1);
    samples.push(timeSync(() => store.snapshot()).ms);
  }
  // The export alone, to split the snapshot into serialisation and file work.
  const exportOnly = await sample(runs, 0, () => store.db.export());
  return { snapshot: summarize(samples), exportOnly, fileMb: fs.statSync(store.path!).size / (1024 * 1024) };
}
