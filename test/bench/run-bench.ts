/**
 * `npm run bench`: import, list, persist, snapshot and open timings of the sql.js store at
 * 10,000 and 50,000 dossiers, with better-sqlite3 as a native reference, then the map's measure
 * switch in Chromium and the decision export (beside exceljs's in-memory writer). Prints; never asserts.
 *
 *   npm run bench -- --sizes 10000,50000   (default)   npm run bench -- --quick   (smoke run)
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, planFor, type BenchOptions, type SizePlan } from './bench-options';
import type { SizeResult } from './bench-types';
import { busyCores, cpuTimes } from './machine-load';
import { renderMapSwitch, runMapSwitchBench, type MapSwitchResult } from './map-switch-bench';
import { jsonSummary, renderReport } from './report';
import { renderExportReport, runExportBench, type ExportBenchResult } from './export-bench';
import { renderIntegrityReport, runIntegrityBench, type IntegrityBenchResult } from './integrity-bench';

function runSize(plan: SizePlan, dir: string): Promise<SizeResult> {
  const child = fork(fileURLToPath(new URL('./bench-size.ts', import.meta.url)), [JSON.stringify(plan), dir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: SizeResult | null = null;
    child.on('message', (message) => (result = message as SizeResult));
    child.on('error', reject);
    child.on('exit', (code, signal) => (result ? resolve(result) : reject(new Error(`size ${plan.size}: child exited with ${signal ?? code}`))));
  });
}

function parseOrExit(): BenchOptions {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

const options = parseOrExit();
// Other processes on the machine skew timings (p95 first): say so next to the numbers.
const cpuAtStart = cpuTimes();
const root = fs.mkdtempSync(path.join(options.dir ?? os.tmpdir(), 'cnfs-bench-'));
const started = performance.now();
const results: SizeResult[] = [];
let map: MapSwitchResult | { skipped: string } | undefined;
let exportBench: ExportBenchResult | undefined;
let integrityBench: IntegrityBenchResult | undefined;
try {
  for (const size of options.sizes) {
    const dir = path.join(root, String(size));
    fs.mkdirSync(dir);
    const plan = planFor(size, options);
    results.push(await runSize(plan, dir));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The map's measure switch in Chromium, at the largest size (issue 4).
  map = await runMapSwitchBench({ size: Math.max(...options.sizes), dir: root, log: (msg) => process.stderr.write(`[map] ${msg}\n`) });
  // The decision export at the largest size (issue 6): one process per variant.
  exportBench = await runExportBench({ size: Math.max(...options.sizes), runs: options.quick ? 1 : 3, dir: root });
  // verify on sealed sessions at the largest size (issue 11): 100 sessions of 20 decisions.
  integrityBench = await runIntegrityBench({
    size: Math.max(...options.sizes),
    sessions: options.quick ? 10 : 100,
    perSession: 20,
    runs: options.quick ? 3 : 7,
    dir: root,
    log: (msg) => process.stderr.write(`[verify] ${msg}
`),
  });
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

const elapsedS = (performance.now() - started) / 1000;
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const cores = busyCores(cpuAtStart);
// Measured on a quiet machine: the bench alone keeps ~1.4 cores busy (tsx loader, GC threads).
const busy = cores > 1.6;
console.log(`\ncnfs-review bench — Node ${process.version}, ${os.cpus().length} × ${cpu}, temp dir ${path.dirname(root)}${options.quick ? ', --quick' : ''}, ${elapsedS.toFixed(0)} s`);
console.log(`machine CPU busy during the bench: ${cores.toFixed(1)} of ${os.cpus().length} cores (the bench alone: ~1.4)${busy ? ' — other processes competed: timings, p95 above all, are pessimistic' : ''}\n`);
console.log(renderReport(results));
if (map) console.log(`\n${renderMapSwitch(map)}`);
if (exportBench) console.log(`\n${renderExportReport(exportBench)}`);
if (integrityBench) console.log(`\n${renderIntegrityReport(integrityBench)}`);
console.log('');
console.log(jsonSummary(results, { node: process.version, cpus: os.cpus().length, quick: options.quick, sizes: options.sizes, elapsedS, busyCores: cores }));
