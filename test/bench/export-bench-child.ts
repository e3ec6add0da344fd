/**
 * One variant of the export bench, in a fresh process (forked by export-bench.ts) so that its
 * peak memory is its own: seed N decisions (not measured), collect garbage, then export once
 * while a sampler thread records the peak RSS.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openBackend } from '../../electron/backend/backend';
import { runDecisionExport, writerFor } from '../../electron/backend/exports/decision-export';
import { DecisionWorkbookWriter } from '../../electron/backend/exports/decision-workbook';
import { seedDecisions } from './export-seed';
import { MemorySampler } from './memory-sampler';
import { collectGarbage, timeAsync } from './stats';

export type ExportVariant = 'app-xlsx' | 'file-xlsx' | 'file-csv' | 'memory-xlsx';

export interface ExportRun {
  variant: ExportVariant;
  rows: number;
  ms: number;
  /** CPU time of the process during the export (all threads): what other processes on the machine cannot inflate much. */
  cpuMs: number;
  /** Peak RSS during the export minus RSS just before it (MB). */
  peakGrowthMb: number;
  /** RSS just before the export, the base seeded and garbage collected (MB). */
  rssBeforeMb: number;
  bytes: number;
}

const MB = 1024 * 1024;

async function measure(variant: ExportVariant, size: number, dir: string): Promise<ExportRun> {
  const backend = await openBackend({ dbPath: null, userName: 'Banc de mesure', mode: 'cli' });
  seedDecisions(backend, size);
  const source = { db: backend.store.db, version: () => backend.store.version };
  const file = path.join(dir, `export-${variant}.${variant === 'file-csv' ? 'csv' : 'xlsx'}`);
  // Warm the code paths and the query plan on a small selection, outside the measure.
  await runDecisionExport(source, { departments: ['48'] }, writerFor('xlsx', fs.createWriteStream(path.join(dir, 'warmup.xlsx'))));
  collectGarbage();
  const sampler = new MemorySampler(5);
  const before = process.memoryUsage.rss();
  sampler.reset();
  const cpu = process.cpuUsage();
  const run = await timeAsync(async (): Promise<{ rows: number; bytes: number }> => {
    switch (variant) {
      case 'app-xlsx': {
        const job = await backend.call('exports:start', { format: 'xlsx' });
        const result = await backend.call('exports:result', { id: job.id });
        return { rows: result.rows, bytes: result.data.length };
      }
      case 'memory-xlsx': {
        const book = new ExcelJS.Workbook();
        const { rows } = await runDecisionExport(source, {}, new DecisionWorkbookWriter(book));
        await book.xlsx.writeFile(file);
        return { rows, bytes: fs.statSync(file).size };
      }
      default: {
        const { rows } = await runDecisionExport(source, {}, writerFor(variant === 'file-csv' ? 'csv' : 'xlsx', fs.createWriteStream(file)));
        return { rows, bytes: fs.statSync(file).size };
      }
    }
  });
  const cpuUsed = process.cpuUsage(cpu);
  const peak = sampler.read().peakRssMb * MB;
  await sampler.stop();
  backend.close();
  return { variant, rows: run.value.rows, ms: run.ms, cpuMs: (cpuUsed.user + cpuUsed.system) / 1000, peakGrowthMb: (peak - before) / MB, rssBeforeMb: before / MB, bytes: run.value.bytes };
}

const [variant, size, dir] = process.argv.slice(2);
if (!variant || !size || !dir || !process.send) {
  process.stderr.write('export-bench-child.ts is forked by export-bench.ts.\n');
  process.exit(2);
}
const result = await measure(variant as ExportVariant, Number(size), dir);
process.send(result, () => process.exit(0));
