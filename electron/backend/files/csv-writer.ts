/**
 * The one CSV format of the files the app writes, as French Excel opens them and the national
 * platform's tooling reads its own exports: `;` separated (so numbers keep a decimal comma),
 * UTF-8 with a BOM, CRLF line ends, a field quoted only when it must be or when it was guarded.
 * Every text cell goes through the one formula guard below: names and identifiers come from
 * imported files, and a spreadsheet must show them, never run them.
 */
import Papa from 'papaparse';

/**
 * A text that a spreadsheet would take for a formula (or for a DDE payload) when typed or opened:
 * = + - @, a tab or a carriage return at the start (OWASP "CSV injection").
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Such a text gets a leading apostrophe, which spreadsheets read as « this is text ». */
export function neutralizeFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * A cell: text (guarded), a number (never guarded: « -3 » is a figure, written as French Excel
 * types it, with a decimal comma and no thousands separator), or nothing.
 */
export type CsvCell = string | number | null;

/** A number with a fixed count of decimals (money: « 30765,40 »). */
export const fixedNumber = (value: number, decimals: number): CsvNumber => ({ csvNumber: value.toFixed(decimals).replace('.', ',') });

/** A number already written in French, kept as it is (not guarded). */
export interface CsvNumber {
  csvNumber: string;
}

export const BOM = '\uFEFF';
export const NEWLINE = '\r\n';

function cellText(cell: CsvCell | CsvNumber): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  if (typeof cell === 'object') return cell.csvNumber;
  return neutralizeFormula(cell);
}

/** A guarded text is quoted too, as papaparse's own guard did for the decisions export. */
const GUARDED = /^'[=+\-@\t\r]/;

/** The lines of `rows`, each ended by CRLF (no BOM: for a file written in several parts). */
export function csvLines(rows: readonly (readonly (CsvCell | CsvNumber)[])[]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows.map((row) => row.map(cellText)), { delimiter: ';', newline: NEWLINE, header: false, quotes: (value: unknown) => typeof value === 'string' && GUARDED.test(value), escapeFormulae: false }) + NEWLINE;
}

/** A whole file: BOM, the header line, then the rows. */
export function csvFile(headers: readonly string[], rows: readonly (readonly (CsvCell | CsvNumber)[])[]): Uint8Array {
  return new TextEncoder().encode(BOM + csvLines([headers, ...rows]));
}
