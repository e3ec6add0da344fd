/**
 * One size, measured in its own process (forked by run-bench.ts): sql.js's WebAssembly memory
 * only grows, so a fresh process per size keeps the memory figures and timings independent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { generateDemoDossiers } from '../../electron/backend/demo/generate-demo';
import { writePlatformCsv } from '../../electron/backend/demo/platform-csv';
import type { SizePlan } from './bench-options';
import type { SizeResult } from './bench-types';
import { copyDatabase } from './db-files';
import { NO_IDLE_SNAPSHOT_MS, runImports } from './import-phase';
import { compareInserts } from './insert-reference';
import { MemorySampler } from './memory-sampler';
import { runOpens } from './open-phase';
import { runPersist, runSnapshots } from './persist-phase';
import { runQueries } from './query-phase';
import { runDecisionBench } from './decision-bench';
import { runReviewBench } from './review-bench';
import { collectGarbage } from './stats';

function platformCsvBytes(size: number, seed: number): Uint8Array {
  return new TextEncoder().encode(writePlatformCsv(generateDemoDossiers(size, seed)));
}

async function measure(plan: SizePlan, dir: string): Promise<SizeResult> {
  const log = (msg: string) => process.stderr.write(`[${plan.size}] ${msg}\n`);
  const sampler = new MemorySampler();
  try {
    log('generating the platform CSV (not timed)');
    const data = platformCsvBytes(plan.size, plan.seed);
    collectGarbage();

    log(`import × ${plan.importRuns}`);
    const imported = await runImports({ data, fileName: `structures-${plan.size}.csv`, rows: plan.size, runs: plan.importRuns, dir, sampler, log });
    collectGarbage();

    log(`native reference: replaying the commit's ${imported.ops.length} statements`);
    const inserts = await compareInserts(imported.ops, dir);
    imported.ops.length = 0;
    collectGarbage();

    const backend = await openBackend({ dbPath: imported.dbPath, userName: 'Banc de mesure', mode: 'cli', snapshotDelayMs: NO_IDLE_SNAPSHOT_MS });
    // Before the queries, so that the list's review columns, filters and sorts hold realistic data.
    log(`review: opinions and scores, then opinion + totals × ${plan.persistRuns}`);
    const review = await runReviewBench({ backend, size: plan.size, runs: plan.persistRuns, log });
    log(`committee: decisions:record × ${plan.persistRuns}`);
    const decisions = await runDecisionBench({ backend, runs: plan.persistRuns, log });
    log(`queries × ${plan.queryRuns}`);
    const queries = await runQueries({ backend, native: inserts.native, size: plan.size, runs: plan.queryRuns, log });

    log(`persisting one change × ${plan.persistRuns}`);
    const persist = await runPersist({ store: backend.store, native: inserts.native, size: plan.size, runs: plan.persistRuns, dir });
    log(`  write: median ${persist.write.median.toFixed(2)} ms, p95 ${persist.write.p95.toFixed(2)} ms`);
    // Keep the snapshot + journal of those writes aside: the "open with a journal to replay" case.
    const withJournalPath = path.join(dir, 'with-journal', 'bench.cnfs');
    copyDatabase(imported.dbPath, withJournalPath);
    const journalEntries = fs.readFileSync(`${withJournalPath}.journal`, 'utf8').split('\n').filter(Boolean).length;

    log(`snapshot × ${plan.snapshotRuns}`);
    const snapshot = await runSnapshots(backend.store, plan.snapshotRuns);
    backend.close();
    inserts.native.close();
    collectGarbage();

    log(`open × ${plan.openRuns}`);
    const open = await runOpens({
      dbPath: imported.dbPath,
      nativePath: path.join(dir, 'native.sqlite'),
      withJournal: { path: withJournalPath, entries: journalEntries },
      crashCopy: imported.crashCopy,
      runs: plan.openRuns,
      dir,
      log,
    });
    return { size: plan.size, import: imported.summary, insert: inserts.result, review, decisions, queries, persist, snapshot, open };
  } finally {
    await sampler.stop();
  }
}

const [planJson, dir] = process.argv.slice(2);
if (!planJson || !dir || !process.send) {
  process.stderr.write('bench-size.ts is forked by run-bench.ts, with a plan and a directory.\n');
  process.exit(2);
}
const result = await measure(JSON.parse(planJson) as SizePlan, dir);
process.send(result, () => process.exit(0));
