import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
// exceljs's own zip library: reads the raw sheet XML.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { compareDepartmentCodes, DEPARTMENTS, getDepartment } from '../../shared/domain/geography';
import { EXPECTED_DEPARTMENTS, EXPECTED_ROWS, EXPECTED_TOTALS, HYPERLINK_NAME, MINUTES_HASH, openExportFixture } from './exports-fixtures';
import { sheetsAsCsv } from './exports-libreoffice';

let backend: Backend;
let dir: string;
let file: string;
let data: Uint8Array;

const HEADERS = [
  'Origine', 'Séance', 'Date de séance', 'Identifiant dossier', 'SIRET', 'Nom de la structure', 'Forme juridique', 'Code département', 'Département', 'Région',
  'Postes demandés', 'Avis de la préfecture', 'Postes soutenus', 'Décision', 'Postes accordés', 'Prioritaire', 'Motifs de refus', 'Commentaire',
  'Justification (écart à l’avis)', 'Type de contrat', 'Subvention par poste', 'Aides déclarées déduites', 'Subvention totale', 'Signature du contrat',
  'Tranche 1 (20 %)', 'Échéance tranche 1', 'Tranche 2 (30 %)', 'Échéance tranche 2', 'Tranche 3 (50 %)', 'Échéance tranche 3',
  'Éligibilité (à la décision)', 'Justification de la dérogation', 'Dossier modifié depuis la décision',
];
const DATE_COLUMNS = new Set([2, 23, 25, 27, 29]);

/** A value as LibreOffice writes it raw in en-US: numbers plain, dates MM/DD/YYYY, nothing for empty. */
function asLibreOffice(value: string | number | null, isDate: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (isDate) {
    const [y, m, d] = value.split('-');
    return `${m}/${d}/${y}`;
  }
  return value;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

beforeAll(async () => {
  ({ backend } = await openExportFixture());
  const job = await backend.call('exports:start', { format: 'xlsx' });
  const result = await backend.call('exports:result', { id: job.id });
  data = result.data;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-exports-'));
  file = path.join(dir, 'decisions.xlsx');
  fs.writeFileSync(file, data);
}, 60_000);
afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { recalculate: false, label: 'cached results (LibreOffice’s default)' },
  { recalculate: true, label: 'formulas recalculated by LibreOffice' },
])('the workbook converted to CSV by LibreOffice, $label', { timeout: 180_000 }, ({ recalculate }) => {
  let sheets: Map<string, string[][]>;
  beforeAll(() => {
    sheets = sheetsAsCsv(file, { recalculate });
  }, 180_000);

  it('has the four sheets, in order of use', () => {
    expect([...sheets.keys()].sort()).toEqual(['Décisions', 'Par département', 'Par région', 'Séances'].sort());
  });

  it('« Décisions »: one row per current decision, every value as computed by hand, then the totals', () => {
    const rows = sheets.get('Décisions')!;
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1, 8)).toEqual(EXPECTED_ROWS.map((row) => row.map((v, i) => asLibreOffice(v, DATE_COLUMNS.has(i)))));
    expect(rows[8]).toEqual(Array(33).fill(''));
    const totals = rows[9]!;
    expect(rows).toHaveLength(10);
    expect(totals[0]).toBe('Total');
    totals.slice(1).forEach((cell, i) => {
      const expected = EXPECTED_TOTALS[i + 1];
      expect(cell, `totals column ${i + 1}`).toBe(expected === undefined ? '' : String(expected));
    });
    // The dossier named like a formula is text, never evaluated (a HYPERLINK would give « y »).
    expect(rows[1]![5]).toBe(HYPERLINK_NAME);
    // SIRET stays text: the leading zero survives.
    expect(rows[4]![4]).toBe('01234567800012');
  });

  it('« Par département »: the 101 departments, the decided ones summed from the rows, targets and gaps, per 100,000 inhabitants', () => {
    const rows = sheets.get('Par département')!;
    expect(rows[0]).toEqual([
      'Code', 'Département', 'Région', 'Population', 'Décisions', 'Postes demandés', 'Postes soutenus (avis favorables)', 'Postes accordés',
      'Objectif de postes', 'Écart à l’objectif (accordés − objectif)', 'Accordés pour 100 000 habitants', 'Subvention engagée',
    ]);
    expect(rows).toHaveLength(1 + 101 + 2);
    expect(rows.slice(1, 102).map((r) => r[0])).toEqual(DEPARTMENTS.map((d) => d.code).sort(compareDepartmentCodes));
    const byCode = new Map(rows.slice(1, 102).map((r) => [r[0], r]));
    // 6 posts granted for 1,128,418 inhabitants: 0.5317… → 0.53; 4 for 2,087,658: 0.1916… → 0.19.
    expect(byCode.get('06')).toEqual(['06', 'Alpes-Maritimes', "Provence-Alpes-Côte d'Azur", '1128418', '4', '9', '7', '6', '5', '1', '0.53', '182766.44']);
    expect(byCode.get('13')).toEqual(['13', 'Bouches-du-Rhône', "Provence-Alpes-Côte d'Azur", '2087658', '3', '8', '0', '4', '4', '0', '0.19', '0']);
    expect(getDepartment('06')!.population).toBe(1128418);
    for (const [code, expected] of Object.entries(EXPECTED_DEPARTMENTS)) {
      expect(byCode.get(code)!.slice(4, 10).map(Number)).toEqual([expected.decisions, expected.requested, expected.supported, expected.granted, expected.target, expected.gap]);
    }
    expect(byCode.get('75')).toEqual(['75', 'Paris', 'Île-de-France', String(getDepartment('75')!.population), '0', '0', '0', '0', '', '', '0', '0']);
    const population = DEPARTMENTS.reduce((sum, d) => sum + d.population, 0);
    // 10 posts for the whole population: 10 × 100,000 / 68,350,798 = 0.0146… → 0.01.
    expect(rows.at(-1)).toEqual(['Total', '', '', String(population), '7', '17', '7', '10', '9', '1', String(round2((10 * 100_000) / population)), '182766.44']);
  });

  it('« Par région »: the departments summed by region', () => {
    const rows = sheets.get('Par région')!;
    expect(rows).toHaveLength(1 + 18 + 2);
    const paca = rows.find((r) => r[0] === '93')!;
    // 10 posts for the 5,218,960 inhabitants of the six departments: 0.1916… → 0.19.
    expect(paca).toEqual(['93', "Provence-Alpes-Côte d'Azur", '6', '5218960', '7', '17', '7', '10', '9', '1', '0.19', '182766.44']);
    expect(rows.find((r) => r[0] === '11')).toEqual(['11', 'Île-de-France', '8', expect.any(String), '0', '0', '0', '0', '', '', '0', '0']);
    expect(rows.at(-1)!.slice(0, 3)).toEqual(['Total', '', '101']);
    expect(rows.at(-1)!.slice(4)).toEqual(['7', '17', '7', '10', '9', '1', '0.01', '182766.44']);
  });

  it('« Séances »: the platform session and the sealed committee session, with the members present and the minutes’ hash', () => {
    expect(sheets.get('Séances')).toEqual([
      ['Séance', 'Date', 'Origine', 'Statut', 'Membres présents', 'Présents', 'Décisions exportées', 'Postes accordés', 'Subvention engagée', 'PV scellé', 'PV validé le', 'Empreinte SHA-256 du PV'],
      ['7', '03/31/2021', 'Plateforme', '', '', '', '2', '4', '0', '', '', ''],
      ['12', '04/08/2021', 'Comité', 'PV validé', '2', 'Alice Martin, Bruno Petit', '5', '6', '182766.44', 'Oui', '04/09/2021', MINUTES_HASH],
      Array(12).fill(''),
      ['Total', '', '', '', '', '', '7', '10', '182766.44', '', '', ''],
    ]);
  });
});

describe('the workbook read back with exceljs', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
  });

  it('has styled, frozen headers, autofilters and French formats', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['Décisions', 'Par département', 'Par région', 'Séances']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
    }
    const decisions = book.getWorksheet('Décisions')!;
    expect(decisions.autoFilter).toBe('A1:AG8');
    expect(book.getWorksheet('Par département')!.autoFilter).toBe('A1:L102');
    const cdi = decisions.getRow(5);
    expect(cdi.getCell(4).value).toBe('D-CDI');
    expect(cdi.getCell(5).value).toBe('01234567800012');
    expect(cdi.getCell(5).numFmt).toBe('@');
    expect(cdi.getCell(3).value).toEqual(new Date(Date.UTC(2021, 3, 8)));
    expect(cdi.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(cdi.getCell(26).value).toEqual(new Date(Date.UTC(2022, 1, 28)));
    expect(cdi.getCell(23).value).toBe(75000);
    // exceljs reads the escaped space back unescaped; the file holds Excel's own form (checked below).
    expect(cdi.getCell(23).numFmt).toMatch(/^#,##0\.00\\? "€"$/);
    expect(cdi.getCell(11).value).toBe(3);
    expect(cdi.getCell(11).numFmt).toBe('#,##0');
    for (const column of [1, 3, 5, 15, 20, 23, 29]) expect(decisions.getColumn(column).width).toBeGreaterThanOrEqual(9);
  });

  it('computes every total by a formula whose cached result is the app’s value', () => {
    const totals = book.getWorksheet('Décisions')!.getRow(10);
    expect(totals.getCell(1).value).toBe('Total');
    const formulas = Object.keys(EXPECTED_TOTALS).map((index) => {
      const cell = totals.getCell(Number(index) + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.Formula);
      return [cell.formula, cell.result];
    });
    expect(formulas).toEqual([
      ['SUBTOTAL(109,K2:K8)', 17],
      ['SUBTOTAL(109,M2:M8)', 7],
      ['SUBTOTAL(109,O2:O8)', 10],
      ['SUBTOTAL(109,V2:V8)', 6234.56],
      ['SUBTOTAL(109,W2:W8)', 182766.44],
      ['SUBTOTAL(109,Y2:Y8)', 36553.29],
      ['SUBTOTAL(109,AA2:AA8)', 54829.93],
      ['SUBTOTAL(109,AC2:AC8)', 91383.22],
    ]);
    const department = book.getWorksheet('Par département')!;
    const alpesMaritimes = department.getRow(1 + DEPARTMENTS.map((d) => d.code).sort(compareDepartmentCodes).indexOf('06') + 1);
    expect(alpesMaritimes.getCell(10).value).toEqual({ formula: `H${alpesMaritimes.number}-I${alpesMaritimes.number}`, result: 1 });
    expect(alpesMaritimes.getCell(11).value).toEqual({ formula: `IF(D${alpesMaritimes.number}>0,ROUND(H${alpesMaritimes.number}*100000/D${alpesMaritimes.number},2),0)`, result: 0.53 });
    expect(department.getRow(104).getCell(8).value).toEqual({ formula: 'SUBTOTAL(109,H2:H102)', result: 10 });
  });

  it('stores text that looks like a formula as an inline string, never as a formula', async () => {
    const row = book.getWorksheet('Décisions')!.getRow(2);
    expect(row.getCell(6).type).not.toBe(ExcelJS.ValueType.Formula);
    expect(row.getCell(6).text).toBe(HYPERLINK_NAME);
    expect(row.getCell(7).text).toBe('+SCIC');
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(await zip.file('xl/styles.xml')!.async('string')).toContain('formatCode="#,##0.00\\ &quot;€&quot;"');
    expect(xml).toContain('<c r="F2" t="inlineStr"><is><r><t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t></r></is></c>');
    expect(xml).toContain('<c r="G2" t="inlineStr"><is><r><t>+SCIC</t></r></is></c>');
    // The only formulas are the eight totals.
    expect(xml.match(/<f>/g)).toHaveLength(8);
    expect(xml).not.toMatch(/<f>[^<]*HYPERLINK/);
  });
});
