import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { extensionOf, ImportFileError, quoted } from './import-file-error';
import type { RawGrid } from './read-file';

export type CellPrimitive = string | number | boolean | Date | null;

export interface XlsxSheet {
  sheets: string[];
  sheet: string;
  grid: RawGrid;
}

/** What a reviewer sees in the cell: rich text and hyperlinks as text, formulas as their cached result. */
export function cellToPrimitive(value: CellValue): CellPrimitive {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return null;
  // exceljs types the link text as a string, but it is rich text when the link is formatted.
  if ('hyperlink' in value) return cellToPrimitive(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellToPrimitive(value.result ?? null);
  return null;
}

function headerText(value: CellPrimitive): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

const isBlank = (value: CellPrimitive): boolean => value === null || (typeof value === 'string' && value.trim() === '');

/** Header = first non-empty row; fully empty rows are skipped; `row` is the Excel row number. */
function readSheet(worksheet: Worksheet): RawGrid {
  const grid: RawGrid = { headers: [], rows: [], malformed: [] };
  let headerFound = false;
  for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber++) {
    const row = worksheet.findRow(rowNumber);
    if (!row) continue;
    const cells: CellPrimitive[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellToPrimitive(cell.value);
    });
    const values = Array.from(cells, (value) => value ?? null);
    if (values.every(isBlank)) continue;
    if (!headerFound) {
      grid.headers = values.map(headerText);
      headerFound = true;
    } else {
      grid.rows.push({ row: rowNumber, line: null, values });
    }
  }
  return grid;
}

function notAWorkbook(fileName: string): ImportFileError {
  if (extensionOf(fileName) === 'ods') {
    return new ImportFileError(
      `Le fichier ${quoted(fileName)} est un classeur OpenDocument (.ods), non pris en charge : enregistrez-le au format « Classeur Excel (.xlsx) » ou CSV.`,
    );
  }
  return new ImportFileError(
    `Le fichier ${quoted(fileName)} est une archive ZIP qui ne contient aucune feuille de calcul : ce n’est pas un classeur XLSX.`,
  );
}

export async function readXlsx(fileName: string, data: Uint8Array, sheetName?: string): Promise<XlsxSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type as an ArrayBuffer, but hands the data to JSZip, which
    // reads a Uint8Array as is: no copy of a file that may weigh 200 MB.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError(
      `Le classeur ${quoted(fileName)} est endommagé ou incomplet (téléchargement interrompu ?) et ne peut pas être lu : ` +
        'ouvrez-le dans Excel, enregistrez-le de nouveau puis recommencez l’import.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) throw notAWorkbook(fileName);
  const sheets = worksheets.map((worksheet) => worksheet.name);
  // By default the first sheet the user can see in Excel, not a hidden one.
  const worksheet =
    sheetName === undefined
      ? (worksheets.find((candidate) => candidate.state === 'visible') ?? worksheets[0])
      : worksheets.find((candidate) => candidate.name === sheetName);
  if (!worksheet) {
    throw new ImportFileError(
      `Le classeur ${quoted(fileName)} n’a pas de feuille ${quoted(sheetName ?? '')}. ` +
        `Feuilles disponibles : ${sheets.map(quoted).join(', ')}.`,
    );
  }
  return { sheets, sheet: worksheet.name, grid: readSheet(worksheet) };
}
