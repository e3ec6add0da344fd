/**
 * `export decisions --out FILE.xlsx [--session NUMBER…] [--department CODE…] [--csv]`: the app's
 * export, through the contract (exports:start, its progress events, exports:result), so the
 * profile's scope narrows it as in the app; the file is written beside the target, then renamed:
 * never a half file.
 */
import type { ExportProgress } from '../../shared/api/exports-contract';
import type { Backend } from '../backend/backend';
import { defineCommand, write } from './cli-command';
import { writeFileAtomically } from './cli-lookup';

export interface ExportOptions {
  out: string;
  sessions: string[] | undefined;
  departments: string[] | undefined;
  csv: boolean;
  json: boolean;
}

export async function runExport(backend: Backend, options: ExportOptions): Promise<number> {
  const format = options.csv ? 'csv' : 'xlsx';
  const job = await backend.call('exports:start', {
    format,
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.departments ? { departments: options.departments } : {}),
  });
  const showProgress = !options.json && process.stderr.isTTY;
  const stop = backend.onEvent((name, payload) => {
    if (!showProgress || name !== 'export:progress') return;
    const progress = payload as ExportProgress;
    if (progress.id === job.id) process.stderr.write(`\r${progress.done} / ${progress.total} décisions`);
  });
  let file;
  try {
    file = await backend.call('exports:result', { id: job.id });
  } finally {
    stop();
    if (showProgress) process.stderr.write('\n');
  }
  const target = writeFileAtomically(options.out, file.data);
  write(options.json ? `${JSON.stringify({ file: target, format, rows: file.rows })}\n` : `${file.rows} décision(s) exportée(s) dans ${target} (${format === 'csv' ? 'CSV' : 'Excel'}).\n`);
  return 0;
}

export const exportDecisionsCommand = defineCommand({
  name: 'export decisions',
  summary: 'exporte les décisions d’attribution courantes (Excel, ou CSV avec --csv), dans le périmètre du profil',
  options: {
    out: { type: 'string', value: 'FICHIER', required: true, help: 'fichier à écrire (.xlsx, ou .csv avec --csv)' },
    session: { type: 'string', value: 'NUMÉRO', multiple: true, help: 'séance(s) à exporter (toutes par défaut)' },
    department: { type: 'string', value: 'CODE', multiple: true, help: 'département(s) à exporter' },
    csv: { type: 'boolean', help: 'CSV (séparateur « ; », UTF-8 avec BOM) au lieu d’Excel' },
  },
  run: (backend, { options, json }) => runExport(backend, { out: options.out, sessions: options.session, departments: options.department, csv: options.csv, json }),
});
