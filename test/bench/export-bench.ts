/**
 * Exporting the decisions (issue 6): N current decisions written as the app does it — streamed
 * by exceljs's WorkbookWriter into memory for the UI, into a file for the CLI, and as CSV — beside
 * exceljs's in-memory Workbook writer as the reference. Target: 50,000 decisions under 15 s with a
 * peak memory growth under 300 MB. Each variant runs in its own process.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportRun, ExportVariant } from './export-bench-child';
import { formatCount, formatMb, formatMs, formatRatio, renderTable } from './format';

const VARIANTS: { variant: ExportVariant; label: string }[] = [
  { variant: 'app-xlsx', label: 'XLSX, app (exports:start → exports:result, streamed)' },
  { variant: 'file-xlsx', label: 'XLSX, CLI (streamed into the file)' },
  { variant: 'file-csv', label: 'CSV, CLI (into the file)' },
  { variant: 'memory-xlsx', label: 'XLSX, exceljs in-memory Workbook (reference)' },
];
const TARGET_MS = 15_000;
const TARGET_MB = 300;

function runVariant(variant: ExportVariant, size: number, dir: string): Promise<ExportRun> {
  const child = fork(fileURLToPath(new URL('./export-bench-child.ts', import.meta.url)), [variant, String(size), dir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: ExportRun | null = null;
    child.on('message', (message) => (result = message as ExportRun));
    child.on('error', reject);
    child.on('exit', (code, signal) => (result ? resolve(result) : reject(new Error(`export bench ${variant}: child exited with ${signal ?? code}`))));
  });
}

export interface ExportBenchResult {
  size: number;
  runs: ExportRun[];
}

/** `runs` times the app's XLSX (the figure that matters), once each other variant. */
export async function runExportBench(options: { size: number; runs: number; dir: string | null }): Promise<ExportBenchResult> {
  const dir = fs.mkdtempSync(path.join(options.dir ?? os.tmpdir(), 'cnfs-export-bench-'));
  const runs: ExportRun[] = [];
  try {
    for (const { variant } of VARIANTS) {
      for (let i = 0; i < (variant === 'app-xlsx' ? options.runs : 1); i += 1) {
        process.stderr.write(`[export ${options.size}] ${variant} run ${i + 1}\n`);
        runs.push(await runVariant(variant, options.size, dir));
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { size: options.size, runs };
}

export function renderExportReport({ size, runs }: ExportBenchResult): string {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  const of = (variant: ExportVariant) => runs.filter((r) => r.variant === variant);
  const reference = of('memory-xlsx')[0];
  const rows = VARIANTS.map(({ variant, label }) => {
    const mine = of(variant);
    const ms = median(mine.map((r) => r.ms));
    const mb = Math.max(...mine.map((r) => r.peakGrowthMb));
    return [
      label,
      formatCount(mine[0]?.rows ?? 0),
      `${formatMs(ms)}${mine.length > 1 ? ` (median of ${mine.length})` : ''}`,
      formatMs(median(mine.map((r) => r.cpuMs))),
      formatMb(mb),
      formatMb(Math.max(...mine.map((r) => r.rssBeforeMb))),
      `${(median(mine.map((r) => r.bytes)) / 1024 / 1024).toFixed(1)} MB`,
      variant === 'memory-xlsx' ? '1.0×' : formatRatio(reference?.ms, ms),
      variant === 'memory-xlsx' ? '1.0×' : formatRatio(reference?.peakGrowthMb, mb),
    ];
  });
  const app = of('app-xlsx');
  const appMs = median(app.map((r) => r.ms));
  const appMb = Math.max(...app.map((r) => r.peakGrowthMb));
  const target = `target (50,000 decisions): under ${TARGET_MS / 1000} s and ${TARGET_MB} MB of peak growth`;
  const verdict =
    size >= 50_000
      ? `${target} — app XLSX ${formatMs(appMs)}, ${formatMb(appMb)}: ${appMs < TARGET_MS && appMb < TARGET_MB ? 'met' : 'NOT met'}`
      : `${target} — not judged at ${formatCount(size)} decisions`;
  return [
    `Decision export, ${formatCount(size)} current decisions (peak RSS growth over the RSS before the export; ratios: how many times faster / less memory than the reference)`,
    renderTable(['variant', 'rows', 'time', 'CPU', 'peak RSS growth', 'RSS before', 'file', 'speed vs ref.', 'memory vs ref.'], rows),
    verdict,
  ].join('\n');
}
