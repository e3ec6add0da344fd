/**
 * Cells and table layout of the export workbooks: French number and date formats, a styled and
 * frozen header row, and text that can never turn into a formula.
 */
import type { Cell, CellRichTextValue, CellValue, Fill, Font, PaperSize, Style, Workbook, Worksheet } from 'exceljs';
import { FORMULA_TRIGGER } from '../files/csv-writer';
import type { ColumnKind } from './decision-columns';

/** `ratio`: a decimal figure such as posts per 100,000 inhabitants. */
export type SheetKind = ColumnKind | 'ratio';

/** Number formats as Excel itself stores them: the display follows the reader's locale (« 1 234,56 € » in French). */
const NUM_FMT: Record<SheetKind, string | undefined> = {
  text: undefined,
  code: '@',
  count: '#,##0',
  euro: '#,##0.00\\ "€"',
  date: 'dd/mm/yyyy',
  ratio: '#,##0.00',
};

/** A column's format; dates are centred, so that they never touch the next column's text. */
function columnStyle(kind: SheetKind): Partial<Style> {
  const numFmt = NUM_FMT[kind];
  if (kind === 'date') return { numFmt, alignment: { horizontal: 'center' } };
  return numFmt ? { numFmt } : {};
}

/** Bleu France, the State's colour: header rows read as the administration's own tables. */
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF000091' } };
// The workbook's default font: without a name, LibreOffice falls back to a serif face.
const FONT: Partial<Font> = { name: 'Calibri', family: 2, size: 11 };
const HEADER_FONT: Partial<Font> = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
const TOTAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E3FD' } };

/** Excel's limit per cell; longer text is cut rather than making a file Excel repairs. */
const CELL_MAX = 32_767;
// Characters XML 1.0 cannot carry (an imported file may hold them): they would corrupt the file.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  const cleaned = text.replace(XML_INVALID, '');
  return cleaned.length > CELL_MAX ? `${cleaned.slice(0, CELL_MAX - 1)}…` : cleaned;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as Excel stores dates (midnight UTC: exceljs turns it into a whole serial number). */
export function excelDate(iso: string): Date | null {
  const match = ISO_DATE.exec(iso.slice(0, 10));
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The cell value for a column kind. Text a spreadsheet could read as a formula is written as an
 * inline string (t="inlineStr"), never as a formula: the cell shows exactly the text.
 */
export function cellValue(kind: SheetKind, value: string | number | null): CellValue {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'string') return excelDate(value) ?? cleanText(value);
  if (typeof value === 'number') return value;
  const text = cleanText(value);
  if (FORMULA_TRIGGER.test(text)) return { richText: [{ text }] } satisfies CellRichTextValue;
  return text;
}

/** A totals cell: the formula and the value the app computed, for viewers that do not recalculate. */
export const formula = (text: string, result: number): CellValue => ({ formula: text, result });

export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface TableColumn {
  header: string;
  kind: SheetKind;
  width: number;
}

/** Printing: landscape, the header row repeated on every page, `pagesWide` pages across (A3 when more than one). */
export interface PrintLayout {
  pagesWide: number;
}

// exceljs's PaperSize lists A4 (9) but not A3 (8), a standard OOXML paper size all the same.
const A4 = 9 as PaperSize;
const A3 = 8 as number as PaperSize;

/** A sheet with its column widths and formats, and the header row written, styled and frozen. */
export function addTableSheet(book: Workbook, name: string, columns: readonly TableColumn[], print: PrintLayout = { pagesWide: 1 }): Worksheet {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: print.pagesWide > 1 ? A3 : A4,
      fitToPage: true,
      fitToWidth: print.pagesWide,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    properties: { defaultRowHeight: 15 },
  });
  sheet.columns = columns.map((c) => ({ width: c.width, style: columnStyle(c.kind) }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 45;
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.numFmt = 'General';
  });
  header.commit();
  return sheet;
}

export function styleTotalCell(cell: Cell): void {
  cell.font = { ...FONT, bold: true };
  cell.fill = TOTAL_FILL;
  cell.border = { top: { style: 'thin' } };
}

/** Streaming sheets are written out on commit; an in-memory workbook keeps its sheets until written. */
export function commitSheet(sheet: Worksheet): void {
  const streamed = sheet as Worksheet & { commit?: () => void };
  if (typeof streamed.commit === 'function') streamed.commit();
}
