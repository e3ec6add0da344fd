/** Filling a department workbook as an agent would, and saving it through LibreOffice when it is installed. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { WORKBOOK_COLUMNS, type WorkbookColumn } from '../../shared/domain/exchange';

/** A workbook's bytes read back with exceljs. */
export async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

export type RowEdit = Partial<Record<WorkbookColumn, string | number | null>>;

function columnOf(sheet: ExcelJS.Worksheet, key: WorkbookColumn): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === WORKBOOK_COLUMNS[key]) found = col;
  });
  if (!found) throw new Error(`No column ${key} in ${sheet.name}`);
  return found;
}

/** Edits rows found by their identifier, and appends new rows at the end of a sheet. */
export async function fillWorkbook(data: Uint8Array, edits: Record<string, RowEdit>, appended: { sheet: string; values: RowEdit }[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const pending = new Set(Object.keys(edits));
  for (const sheet of workbook.worksheets) {
    const idColumn = sheet.getRow(1).cellCount > 0 && sheet.getRow(1).getCell(1).value === WORKBOOK_COLUMNS.externalId ? 1 : 0;
    if (!idColumn) continue;
    sheet.eachRow((row, n) => {
      const id = String(row.getCell(idColumn).value ?? '');
      const edit = edits[id];
      if (n === 1 || !edit) return;
      for (const [key, value] of Object.entries(edit)) row.getCell(columnOf(sheet, key as WorkbookColumn)).value = value;
      pending.delete(id);
    });
  }
  if (pending.size > 0) throw new Error(`Rows not found: ${[...pending].join(', ')}`);
  for (const { sheet: name, values } of appended) {
    const sheet = workbook.getWorksheet(name)!;
    const row = sheet.getRow(sheet.rowCount + 1);
    for (const [key, value] of Object.entries(values)) row.getCell(columnOf(sheet, key as WorkbookColumn)).value = value;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const SOFFICE = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0) ?? null;

/**
 * The workbook opened and saved again by LibreOffice Calc (`soffice --headless --convert-to
 * xlsx`), as an agent without Excel would send it back. Where LibreOffice is not installed the
 * exceljs file is used as it is, and `via` says so.
 */
export function saveWithLibreOffice(data: Uint8Array): { data: Uint8Array; via: 'LibreOffice' | 'exceljs' } {
  if (!SOFFICE) return { data, via: 'exceljs' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-libreoffice-'));
  try {
    const input = path.join(dir, 'classeur.xlsx');
    fs.writeFileSync(input, data);
    // Calc recomputes formulas as the agent types; exceljs, which typed here, does not. Asking
    // LibreOffice to recompute on opening gives what the agent's Calc would have shown.
    fs.mkdirSync(path.join(dir, 'profile', 'user'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'profile', 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
    const result = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'out'), input],
      { encoding: 'utf8', timeout: 180_000 },
    );
    const output = path.join(dir, 'out', 'classeur.xlsx');
    if (result.status !== 0 || !fs.existsSync(output)) throw new Error(`LibreOffice conversion failed (${result.status}): ${result.stderr}${result.stdout}`);
    return { data: new Uint8Array(fs.readFileSync(output)), via: 'LibreOffice' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
