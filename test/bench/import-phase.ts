/**
 * Item 1 and 6: a platform CSV imported through the real path (openBackend on a file database,
 * `import:preview` then `import:commit`), timed per step, with the memory high-water marks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import type { ImportResultSummary } from './bench-types';
import { copyDatabase } from './db-files';
import type { MemoryPoint, MemorySampler } from './memory-sampler';
import { captureImportOps, type RecordedOp } from './record-writes';
import { collectGarbage, summarize, timeAsync, timeSync } from './stats';

/** No background snapshot while we measure: the snapshot is timed on its own, on close. */
export const NO_IDLE_SNAPSHOT_MS = 3_600_000;

export interface ImportPhaseOutput {
  summary: ImportResultSummary;
  /** Statements of an import commit (captured by one more, untimed import), for the native reference. */
  ops: RecordedOp[];
  /** Database left by the last run (closed, snapshot written). */
  dbPath: string;
  /** Snapshot + journal as they were right after the last commit, when the journal held the import. */
  crashCopy: string | null;
}

export async function runImports(opts: { data: Uint8Array; fileName: string; rows: number; runs: number; dir: string; sampler: MemorySampler; log: (msg: string) => void }): Promise<ImportPhaseOutput> {
  const preview: number[] = [];
  const commit: number[] = [];
  const close: number[] = [];
  let memory: ImportResultSummary['memory'] | null = null;
  let dbPath = '';
  let crashCopy: string | null = null;
  let journalMb = 0;
  let created = 0;
  for (let run = 0; run < opts.runs; run++) {
    const last = run === opts.runs - 1;
    const runDir = path.join(opts.dir, `import-${run}`);
    dbPath = path.join(runDir, 'bench.cnfs');
    collectGarbage();
    const baselineRssMb = process.memoryUsage.rss() / (1024 * 1024);
    const backend = await openBackend({ dbPath, userName: 'Banc de mesure', mode: 'cli', snapshotDelayMs: NO_IDLE_SNAPSHOT_MS });
    opts.sampler.reset();
    const p = await timeAsync(() => backend.call('import:preview', { fileName: opts.fileName, data: opts.data }));
    const afterPreview: MemoryPoint = opts.sampler.read();
    opts.sampler.reset();
    const c = await timeAsync(() => backend.call('import:commit', { token: p.value.token }));
    const afterCommit = opts.sampler.read();
    created = c.value.counts.new;
    const journal = `${dbPath}.journal`;
    journalMb = fs.existsSync(journal) ? fs.statSync(journal).size / (1024 * 1024) : 0;
    if (last && journalMb > 0) {
      // Untimed: the files as a crash would leave them.
      crashCopy = path.join(opts.dir, 'crash-after-import', 'bench.cnfs');
      copyDatabase(dbPath, crashCopy);
    }
    opts.sampler.reset();
    const s = timeSync(() => backend.close());
    const afterClose = opts.sampler.read();
    preview.push(p.ms);
    commit.push(c.ms);
    close.push(s.ms);
    // The first run only: later ones inherit sql.js's WebAssembly memory, which never shrinks.
    if (run === 0) memory = { preview: afterPreview, commit: afterCommit, close: afterClose, baselineRssMb };
    opts.log(`  import run ${run + 1}/${opts.runs}: preview ${Math.round(p.ms)} ms, commit ${Math.round(c.ms)} ms, close ${Math.round(s.ms)} ms, ${created} created`);
    if (!last) fs.rmSync(runDir, { recursive: true, force: true });
  }
  // The journal holds row changes, not statements: the statements come from one more, untimed import.
  const ops = await captureImportOps(opts.fileName, opts.data);
  const total = preview.map((ms, i) => ms + commit[i]!);
  return {
    summary: {
      rows: opts.rows,
      csvMb: opts.data.byteLength / (1024 * 1024),
      runs: opts.runs,
      preview: summarize(preview),
      commit: summarize(commit),
      total: summarize(total),
      closeSnapshot: summarize(close),
      journalMbAfterCommit: journalMb,
      created,
      memory: memory!,
    },
    ops,
    dbPath,
    crashCopy,
  };
}
