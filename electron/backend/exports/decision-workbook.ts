/**
 * The decisions workbook: "Décisions" (one row per current decision, streamed page by page),
 * then "Par département", "Par région" and "Séances". Every totals row is a formula (SUBTOTAL,
 * so that it follows the autofilter) carrying the value the app computed as its cached result,
 * for viewers that do not recalculate.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { SESSION_STATUS_LABELS } from '../../../shared/domain/committee';
import { roundCents } from '../../../shared/domain/money';
import { per100k } from '../../../shared/domain/territory';
import { DECISION_COLUMNS, SOURCE_LABELS } from './decision-columns';
import type { DecisionExportRow } from './decision-rows';
import type { AreaLine, DepartmentLine, RegionLine, SessionLine } from './export-summary';
import { addTableSheet, cellValue, columnLetter, commitSheet, formula, styleTotalCell, type TableColumn } from './workbook-cells';

export interface ExportSummaries {
  departments: DepartmentLine[];
  regions: RegionLine[];
  sessions: SessionLine[];
}

/** Where the rows of an export go: the workbook or the CSV. */
export interface DecisionWriter {
  /** Appends rows, in order. */
  addRows(rows: readonly DecisionExportRow[]): void;
  /** Lets the output catch up between pages, so that memory stays bounded. */
  pause(): Promise<void>;
  /** Writes what follows the rows and closes the output. */
  finish(summaries: ExportSummaries): Promise<void>;
}

/** A plain value (formatted by the column's kind) or a formula cell with its cached result. */
type Value = string | number | null | { formula: string; result: number };

interface SummaryColumn<T> extends TableColumn {
  value: (line: T, row: number) => Value;
  /** Its totals cell: the SUBTOTAL of the column, or a cell of its own (given the totals row). */
  total?: 'sum' | ((row: number) => Value);
}

const numberIn = (value: Value): number => (typeof value === 'number' ? value : value !== null && typeof value === 'object' ? value.result : 0);
const toCell = (column: TableColumn, value: Value): CellValue => (value !== null && typeof value === 'object' ? formula(value.formula, value.result) : cellValue(column.kind, value));
const sumFormula = (column: number, lastRow: number) => `SUBTOTAL(109,${columnLetter(column)}2:${columnLetter(column)}${Math.max(lastRow, 2)})`;

/** The rows, then a blank row, then the totals row (outside the autofilter, so sorting never moves it). */
function writeTotals(sheet: Worksheet, columns: number, dataRows: number, cell: (column: number, totalRow: number) => Value | undefined, kinds: readonly TableColumn[]): void {
  sheet.autoFilter = `A1:${columnLetter(columns)}${dataRows + 1}`;
  sheet.addRow([]).commit();
  const totalRow = dataRows + 3;
  const values = Array.from({ length: columns }, (_, i) => (i === 0 ? 'Total' : (cell(i + 1, totalRow) ?? null)));
  const row = sheet.addRow(values.map((v, i) => toCell(kinds[i]!, v)));
  row.height = 18;
  for (let c = 1; c <= columns; c += 1) styleTotalCell(row.getCell(c));
  row.commit();
}

/** A table of a few hundred lines at most. */
function writeSummarySheet<T>(book: Workbook, name: string, columns: readonly SummaryColumn<T>[], lines: readonly T[]): void {
  const sheet = addTableSheet(book, name, columns);
  lines.forEach((line, i) => {
    sheet.addRow(columns.map((c) => toCell(c, c.value(line, i + 2)))).commit();
  });
  writeTotals(
    sheet,
    columns.length,
    lines.length,
    (column, totalRow) => {
      const spec = columns[column - 1]!;
      if (spec.total === 'sum') {
        const sum = lines.reduce((acc, line) => acc + numberIn(spec.value(line, 0)), 0);
        return { formula: sumFormula(column, lines.length + 1), result: spec.kind === 'euro' ? roundCents(sum) : sum };
      }
      return spec.total?.(totalRow);
    },
    columns,
  );
  commitSheet(sheet);
}

/**
 * The figures of a department or a region, columns D to L after three leading columns: population
 * D, decisions E, requested F, supported G, granted H, target I, gap J, per 100,000 K, subsidy L.
 */
const per100kFormula = (row: number, value: number) => ({ formula: `IF(D${row}>0,ROUND(H${row}*100000/D${row},2),0)`, result: value });

function areaColumns<T extends AreaLine>(): SummaryColumn<T>[] {
  return [
    { header: 'Population', kind: 'count', width: 13, total: 'sum', value: (l) => l.population },
    { header: 'Décisions', kind: 'count', width: 11, total: 'sum', value: (l) => l.decisions },
    { header: 'Postes demandés', kind: 'count', width: 11, total: 'sum', value: (l) => l.requested },
    { header: 'Postes soutenus (avis favorables)', kind: 'count', width: 16, total: 'sum', value: (l) => l.supported },
    { header: 'Postes accordés', kind: 'count', width: 11, total: 'sum', value: (l) => l.granted },
    { header: 'Objectif de postes', kind: 'count', width: 11, total: 'sum', value: (l) => l.target },
    { header: 'Écart à l’objectif (accordés − objectif)', kind: 'count', width: 15, total: 'sum', value: (l, row) => (l.gap === null ? null : { formula: `H${row}-I${row}`, result: l.gap }) },
    { header: 'Accordés pour 100 000 habitants', kind: 'ratio', width: 15, value: (l, row) => per100kFormula(row, l.per100k) },
    { header: 'Subvention engagée', kind: 'euro', width: 17, total: 'sum', value: (l) => l.subsidy },
  ];
}

function withPer100kTotal<T extends AreaLine>(columns: SummaryColumn<T>[], lines: readonly T[]): SummaryColumn<T>[] {
  const granted = lines.reduce((acc, l) => acc + l.granted, 0);
  const population = lines.reduce((acc, l) => acc + l.population, 0);
  return columns.map((c) => (c.kind === 'ratio' ? { ...c, total: (row: number) => per100kFormula(row, per100k(granted, population)) } : c));
}

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'Oui' : 'Non');

const SESSION_COLUMNS: SummaryColumn<SessionLine>[] = [
  { header: 'Séance', kind: 'code', width: 10, value: (s) => s.number ?? 'Sans numéro' },
  { header: 'Date', kind: 'date', width: 12, value: (s) => s.date },
  { header: 'Origine', kind: 'text', width: 11, value: (s) => SOURCE_LABELS[s.source] },
  { header: 'Statut', kind: 'text', width: 11, value: (s) => (s.status ? SESSION_STATUS_LABELS[s.status] : null) },
  { header: 'Membres présents', kind: 'count', width: 11, value: (s) => s.present?.length ?? null },
  { header: 'Présents', kind: 'text', width: 40, value: (s) => s.present?.join(', ') ?? null },
  { header: 'Décisions exportées', kind: 'count', width: 11, total: 'sum', value: (s) => s.decisions },
  { header: 'Postes accordés', kind: 'count', width: 11, total: 'sum', value: (s) => s.granted },
  { header: 'Subvention engagée', kind: 'euro', width: 17, total: 'sum', value: (s) => s.subsidy },
  { header: 'PV scellé', kind: 'text', width: 9, value: (s) => yesNo(s.sealed) },
  { header: 'PV validé le', kind: 'date', width: 12, value: (s) => s.validatedAt?.slice(0, 10) ?? null },
  { header: 'Empreinte SHA-256 du PV', kind: 'code', width: 68, value: (s) => s.minutesHash },
];

export class DecisionWorkbookWriter implements DecisionWriter {
  private readonly sheet: Worksheet;
  private rows = 0;
  /** Sums of the totals columns, by column index, for the cached results. */
  private readonly sums = new Map<number, number>();

  /** A streaming writer (exceljs WorkbookWriter) or an in-memory Workbook: the same sheets either way. */
  constructor(private readonly book: Workbook) {
    book.creator = 'CNFS Revue';
    book.title = 'Décisions d’attribution des postes de conseillers numériques France Services';
    // Thirty columns: two A3 pages across keep the text legible on paper.
    this.sheet = addTableSheet(book, 'Décisions', DECISION_COLUMNS, { pagesWide: 2 });
    DECISION_COLUMNS.forEach((c, i) => c.total && this.sums.set(i, 0));
  }

  addRows(rows: readonly DecisionExportRow[]): void {
    for (const row of rows) {
      const values = DECISION_COLUMNS.map((c, i) => {
        const value = c.value(row);
        if (typeof value === 'number' && this.sums.has(i)) this.sums.set(i, this.sums.get(i)! + value);
        return cellValue(c.kind, value);
      });
      const added = this.sheet.addRow(values);
      // Each cell gets a copy of its column's style, whose id exceljs then looks up by content;
      // the column's own style object is recognised at once (measured: a tenth of the time).
      values.forEach((value, i) => {
        if (value !== null) added.getCell(i + 1).style = this.sheet.getColumn(i + 1).style;
      });
      added.commit();
    }
    this.rows += rows.length;
  }

  pause(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  async finish(summaries: ExportSummaries): Promise<void> {
    writeTotals(
      this.sheet,
      DECISION_COLUMNS.length,
      this.rows,
      (column) => {
        const sum = this.sums.get(column - 1);
        if (sum === undefined) return undefined;
        return { formula: sumFormula(column, this.rows + 1), result: DECISION_COLUMNS[column - 1]!.kind === 'euro' ? roundCents(sum) : sum };
      },
      DECISION_COLUMNS,
    );
    commitSheet(this.sheet);
    const departmentColumns: SummaryColumn<DepartmentLine>[] = [
      { header: 'Code', kind: 'code', width: 7, value: (l) => l.code },
      { header: 'Département', kind: 'text', width: 24, value: (l) => l.name },
      { header: 'Région', kind: 'text', width: 26, value: (l) => l.regionName },
      ...areaColumns<DepartmentLine>(),
    ];
    writeSummarySheet(this.book, 'Par département', withPer100kTotal(departmentColumns, summaries.departments), summaries.departments);
    const regionColumns: SummaryColumn<RegionLine>[] = [
      { header: 'Code', kind: 'code', width: 7, value: (l) => l.code },
      { header: 'Région', kind: 'text', width: 28, value: (l) => l.name },
      { header: 'Départements', kind: 'count', width: 13, total: 'sum', value: (l) => l.departments },
      ...areaColumns<RegionLine>(),
    ];
    writeSummarySheet(this.book, 'Par région', withPer100kTotal(regionColumns, summaries.regions), summaries.regions);
    writeSummarySheet(this.book, 'Séances', SESSION_COLUMNS, summaries.sessions);
    if (this.book instanceof ExcelJS.stream.xlsx.WorkbookWriter) await this.book.commit();
  }
}
