import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImportTemplate, TEMPLATE_ROWS } from '../../../../electron/backend/import/template';
import { FIELD_DEFS, getFieldDef } from '../../../../shared/domain/fields';
import { DEPARTMENTS } from '../../../../shared/domain/geography';
import { matchHeaders } from '../../../../shared/import/headers';
import { validateRecord } from '../../../../shared/import/validate-record';

let workbook: ExcelJS.Workbook;
let dossiers: Worksheet;
let headers: string[];

// What a spreadsheet reader hands over: rich text flattened, blanks as null.
function plain(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return value ?? null;
}

beforeAll(async () => {
  const data = await buildImportTemplate();
  expect(data).toBeInstanceOf(Uint8Array);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Dossiers');
  if (!sheet) throw new Error('no Dossiers sheet');
  dossiers = sheet;
  headers = FIELD_DEFS.map((_, i) => String(plain(dossiers.getRow(1).getCell(i + 1).value)));
});

const columnOf = (key: string) => dossiers.getColumn(FIELD_DEFS.findIndex((d) => d.key === key) + 1);
const validationAt = (address: string) =>
  (dossiers as unknown as { dataValidations: { find(a: string): DataValidation | undefined } }).dataValidations.find(address);

describe('import template', () => {
  it('heads the Dossiers sheet with every field label, each mapping back to its field', () => {
    expect(headers).toEqual(FIELD_DEFS.map((d) => d.label));
    const match = matchHeaders(headers);
    expect(match.unknown).toEqual([]);
    expect(match.missingRequired).toEqual([]);
    expect(match.conflicts).toEqual([]);
    expect(match.mapping).toEqual(Object.fromEntries(FIELD_DEFS.map((d) => [d.label, d.key])));
  });

  it('has an example row that imports without a warning', () => {
    const row = dossiers.getRow(2);
    const cells = Object.fromEntries(headers.map((h, i) => [h, plain(row.getCell(i + 1).value)]));
    const result = validateRecord({ row: 2, line: null, cells }, matchHeaders(headers).mapping);
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.warnings).toEqual([]);
    expect(result.fields).toMatchObject({
      externalId: 'EXEMPLE-1', siret: '48219376500013', departmentCode: '35', regionCode: '53', postalCode: '35000',
      postsRequested: 2, contractType: 'CDI', status: 'CREEE', structureType: 'PRIVEE', qpv: 'OUI', submittedAt: '2021-03-15',
    });
    expect(dossiers.rowCount).toBe(2);
  });

  it('marks required columns by style only and freezes the header', () => {
    const fills = FIELD_DEFS.map((d, i) => {
      const fill = dossiers.getRow(1).getCell(i + 1).fill;
      return { required: d.required, color: fill?.type === 'pattern' ? fill.fgColor?.argb : undefined };
    });
    const requiredColors = new Set(fills.filter((f) => f.required).map((f) => f.color));
    const optionalColors = new Set(fills.filter((f) => !f.required).map((f) => f.color));
    expect(requiredColors.size).toBe(1);
    expect(optionalColors.size).toBe(1);
    expect([...requiredColors][0]).not.toBe([...optionalColors][0]);
    expect(dossiers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (let i = 1; i <= FIELD_DEFS.length; i++) expect(dossiers.getColumn(i).width).toBeGreaterThanOrEqual(12);
  });

  it('formats code columns as text so Excel keeps their leading zeros', () => {
    for (const key of ['siret', 'postalCode', 'departmentCode', 'communeInsee', 'communeCode', 'phone']) {
      expect(columnOf(key).numFmt, key).toBe('@');
    }
    expect(columnOf('postsRequested').numFmt).not.toBe('@');
  });

  it('offers choice lists for statuses, contracts, yes/no, QPV and departments', () => {
    const lists = workbook.getWorksheet('Listes');
    expect(lists?.state).toBe('hidden');
    const listValues = (key: string) => {
      const validation = validationAt(`${columnOf(key).letter}${TEMPLATE_ROWS + 1}`);
      expect(validation?.type, key).toBe('list');
      const range = /^Listes!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(String(validation?.formulae[0]));
      if (!range?.[1] || !range[2] || !lists) throw new Error(`no list range for ${key}`);
      const values: unknown[] = [];
      for (let r = 2; r <= Number(range[2]); r++) values.push(lists.getCell(`${range[1]}${r}`).value);
      return values;
    };
    expect(listValues('status')).toContain('Non traitée');
    expect(listValues('contractType')).toEqual(['CDI', 'CDD', 'Contrat de projet', 'CUI (CAE/CIE – PEC)']);
    expect(listValues('zrr')).toEqual(['Oui', 'Non']);
    expect(listValues('qpv')).toEqual(['Oui', 'Non', 'Sans objet']);
    expect(listValues('departmentCode')).toEqual(DEPARTMENTS.map((d) => d.code));
    expect(validationAt(`${columnOf('postsRequested').letter}2`)).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(validationAt(`${columnOf('name').letter}2`)).toBeUndefined();
  });

  it('keeps validation titles within Excel’s 32-character limit', () => {
    for (const def of FIELD_DEFS) {
      const title = validationAt(`${columnOf(def.key).letter}2`)?.errorTitle;
      if (title !== undefined) expect(title.length, def.label).toBeLessThanOrEqual(32);
    }
  });

  it('explains every column on the Aide sheet', () => {
    const help = workbook.getWorksheet('Aide');
    if (!help) throw new Error('no Aide sheet');
    const rows = new Map<string, unknown[]>();
    help.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(plain);
      rows.set(String(values[0]), values);
    });
    for (const def of FIELD_DEFS) {
      const row = rows.get(def.label);
      expect(row, def.label).toBeDefined();
      expect(row?.[1]).toBe(def.required ? 'Oui' : 'Non');
      expect(String(row?.[2]).length).toBeGreaterThan(5);
    }
    expect(String(rows.get(getFieldDef('contractType').label)?.[2])).toContain('Contrat de projet');
    expect(String(rows.get(getFieldDef('siret').label)?.[4])).toContain('SIRET structure');
  });
});
