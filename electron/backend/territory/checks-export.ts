/**
 * The coherence checks as a file for the committee's records: CSV (`;`, UTF-8 with BOM, as French
 * Excel opens it) or XLSX (a filterable table, and the parameters of the extraction).
 */
import ExcelJS from 'exceljs';
import { getDepartment } from '../../../shared/domain/geography';
import type { TerritoryCheck } from '../../../shared/domain/territory';
import { CHECK_LABELS, SEVERITY_LABELS } from '../../../shared/domain/territory-labels';
import { allIn } from '../db/all-in';
import { csvFile, neutralizeFormula } from '../files/csv-writer';
import type { DbReader } from '../review/db-reader';

export interface ChecksExportContext {
  tolerancePercent: number;
  /** Who extracted it, and the scope they see (« tous les départements », « 06 »). */
  author: string;
  scope: string;
  at: Date;
}

const HEADERS = ['Gravité', 'Contrôle', 'Départements', 'Message', 'Nombre de dossiers', 'Dossiers concernés'] as const;

function externalIds(db: DbReader, checks: readonly TerritoryCheck[]): Map<number, string> {
  const ids = [...new Set(checks.flatMap((c) => c.dossierIds ?? []))];
  const found = new Map<number, string>();
  for (const r of allIn<{ id: number; external_id: string }>(db, 'SELECT id, external_id FROM dossiers WHERE id IN (?*)', ids)) found.set(r.id, r.external_id);
  return found;
}

const departmentsOf = (check: TerritoryCheck) => check.departmentCodes.map((code) => `${code} ${getDepartment(code)?.name ?? ''}`.trim()).join(', ');

/** One line per check, in the order of the list beside the map; guarded against formulas for the XLSX too. */
export function checkRows(db: DbReader, checks: readonly TerritoryCheck[]): string[][] {
  const ids = externalIds(db, checks);
  return checks.map((c) => {
    const dossiers = (c.dossierIds ?? []).map((id) => ids.get(id) ?? `n° ${id}`);
    return [SEVERITY_LABELS[c.severity], CHECK_LABELS[c.code], departmentsOf(c), c.message, String(dossiers.length), dossiers.join(', ')].map(neutralizeFormula);
  });
}

const day = (at: Date) => at.toISOString().slice(0, 10);

export function checksFileName(format: 'csv' | 'xlsx', at: Date): string {
  return `controles-coherence-${day(at)}.${format}`;
}

export function checksCsv(rows: readonly string[][]): Uint8Array {
  return csvFile(HEADERS, rows.map((row) => row.map((value, i) => (i === 4 ? Number(value) : value))));
}

const WIDTHS = [12, 38, 30, 110, 12, 40];

export async function checksXlsx(rows: readonly string[][], context: ChecksExportContext): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CNFS Revue';
  workbook.created = context.at;
  const sheet = workbook.addWorksheet('Contrôles', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header, i) => ({ header, width: WIDTHS[i] }));
  for (const row of rows) {
    const added = sheet.addRow(row.map((value, i) => (i === 4 ? Number(value) : value)));
    added.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    added.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF5' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } };

  const about = workbook.addWorksheet('Paramètres');
  about.columns = [{ width: 28 }, { width: 60 }];
  about.addRows([
    ['Extraction', 'Contrôles de cohérence territoriale'],
    ['Date', context.at.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })],
    ['Par', context.author],
    ['Périmètre', context.scope],
    ['Tolérance autour des objectifs', `${context.tolerancePercent.toLocaleString('fr-FR')} %`],
    ['Nombre de contrôles', rows.length],
  ]);
  about.getColumn(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
