/**
 * One export of decisions, page by page: select and order the ids, then read a page, write it,
 * yield, and so on; the summaries are summed from the rows as they pass. Memory stays bounded by
 * a page whatever the number of decisions, and the backend answers other calls between pages.
 * If the base changes meanwhile, the export stops (EXPORT_STALE) rather than mix two states.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ApiError } from '../../../shared/api/contract';
import type { DecisionSelection, ExportFormat } from '../../../shared/api/exports-contract';
import type { DbReader } from '../review/db-reader';
import { PAGE_SIZE, readDecisionRows, selectDecisionIds, summaryDepartments } from './decision-rows';
import { DecisionCsvWriter } from './decision-csv';
import { DecisionWorkbookWriter, type DecisionWriter } from './decision-workbook';
import { ExportSummary } from './export-summary';

export interface ExportSource {
  db: DbReader;
  /** Changes whenever the data does (Store.version). */
  version: () => number;
}

export interface ExportRunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export const STALE_CODE = 'EXPORT_STALE';
export const CANCELLED_CODE = 'EXPORT_CANCELLED';

/**
 * The writer of a format onto a stream: exceljs's streaming WorkbookWriter (rows leave as they are
 * committed; strings inline, no shared-strings table kept in memory), or the CSV.
 */
export function writerFor(format: ExportFormat, stream: Writable): DecisionWriter {
  return format === 'xlsx'
    ? new DecisionWorkbookWriter(new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false }))
    : new DecisionCsvWriter(stream);
}

export async function runDecisionExport(source: ExportSource, selection: DecisionSelection, writer: DecisionWriter, options: ExportRunOptions = {}): Promise<{ rows: number }> {
  const { db } = source;
  const version = source.version();
  const unchanged = () => {
    if (options.signal?.aborted) throw new ApiError(CANCELLED_CODE, 'Export annulé.');
    if (source.version() !== version) throw new ApiError(STALE_CODE, 'Les données ont changé pendant l’export : relancez-le pour un fichier cohérent.');
  };
  const ids = selectDecisionIds(db, selection);
  const summary = new ExportSummary();
  options.onProgress?.(0, ids.length);
  for (let start = 0; start < ids.length; start += PAGE_SIZE) {
    unchanged();
    const rows = readDecisionRows(db, ids.slice(start, start + PAGE_SIZE));
    for (const row of rows) summary.add(row);
    writer.addRows(rows);
    options.onProgress?.(start + rows.length, ids.length);
    await writer.pause();
  }
  unchanged();
  const departments = summary.departments(db, summaryDepartments(selection));
  await writer.finish({ departments, regions: summary.regions(departments), sessions: summary.sessions(db, selection.sessions ?? []) });
  return { rows: ids.length };
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** « decisions-cnfs-seance-12-06-2024-05-02.xlsx »: what was selected, and the day. */
export function exportFileName(selection: DecisionSelection, format: ExportFormat, today: string): string {
  const parts = ['decisions-cnfs'];
  const sessions = selection.sessions ?? [];
  if (sessions.length === 1) parts.push(`seance-${slug(sessions[0]!)}`);
  else if (sessions.length > 1) parts.push(`${sessions.length}-seances`);
  const departments = selection.departments ?? [];
  if (departments.length > 0 && departments.length <= 3) parts.push(...departments.map(slug));
  if (selection.filter && Object.keys(selection.filter).some((k) => k !== 'departments')) parts.push('selection');
  parts.push(today.slice(0, 10));
  return `${parts.join('-')}.${format}`;
}
