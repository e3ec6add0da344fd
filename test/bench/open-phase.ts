/**
 * Item 4: opening the database (Store.open of the snapshot), clean and with a journal to replay,
 * plus the crash-right-after-import case when the import's entry was still in the journal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Store } from '../../electron/backend/db/store';
import type { OpenResult } from './bench-types';
import { copyDatabase } from './db-files';
import { NO_IDLE_SNAPSHOT_MS } from './import-phase';
import { openNative } from './native-db';
import { sample, summarize, timeAsync } from './stats';

const open = (file: string) => Store.open({ path: file, snapshotDelayMs: NO_IDLE_SNAPSHOT_MS });

/** A fresh copy for each run: opening folds the journal into the snapshot, so a copy is single-use. */
function freshCopy(from: string, dir: string, run: number): string {
  const to = path.join(dir, `open-${run}`, path.basename(from));
  copyDatabase(from, to);
  return to;
}

async function timeOpens(source: string, dir: string, runs: number): Promise<OpenResult['clean']> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const file = freshCopy(source, dir, run);
    const opened = await timeAsync(() => open(file));
    opened.value.close();
    samples.push(opened.ms);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  return summarize(samples);
}

export async function runOpens(opts: {
  dbPath: string;
  nativePath: string;
  withJournal: { path: string; entries: number } | null;
  crashCopy: string | null;
  runs: number;
  dir: string;
  log: (msg: string) => void;
}): Promise<OpenResult> {
  const clean = await sample(opts.runs, 1, async () => (await open(opts.dbPath)).close());
  const store = await open(opts.dbPath);
  const quickCheck = await sample(3, 0, () => store.db.value('PRAGMA quick_check'));
  store.close();
  const nativeOpen = await sample(opts.runs, 1, () => {
    const db = openNative(opts.nativePath);
    db.prepare('SELECT count(*) FROM dossiers').get();
    db.close();
  });
  opts.log(`  open: ${clean.median.toFixed(0)} ms (quick_check ${quickCheck.median.toFixed(0)} ms)`);

  let withJournal: OpenResult['withJournal'] = null;
  let journalKb = 0;
  if (opts.withJournal) {
    journalKb = fs.statSync(`${opts.withJournal.path}.journal`).size / 1024;
    withJournal = await timeOpens(opts.withJournal.path, opts.dir, Math.min(opts.runs, 3));
    opts.log(`  open with ${opts.withJournal.entries} journal entries: ${withJournal.median.toFixed(0)} ms`);
  }
  let afterImportCrash: OpenResult['afterImportCrash'] = null;
  if (opts.crashCopy) {
    const journalMb = fs.statSync(`${opts.crashCopy}.journal`).size / (1024 * 1024);
    const replay = await timeOpens(opts.crashCopy, opts.dir, 1);
    afterImportCrash = { ms: replay.median, journalMb };
    opts.log(`  open after a crash right after the import (replay ${journalMb.toFixed(1)} MB journal): ${replay.median.toFixed(0)} ms`);
  }
  const digest = fs.existsSync(`${opts.dbPath}.sha256`);
  return { clean, quickCheck, digest, nativeOpen, withJournal, journalEntries: opts.withJournal?.entries ?? 0, journalKb, afterImportCrash };
}
