import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { neutralizeFormula } from '../../electron/backend/files/csv-writer';
import { useProfile } from './review-fixtures';
import { openTerritoryBase } from './territory-fixtures';

let backend: Backend;

beforeAll(async () => {
  ({ backend } = await openTerritoryBase());
});
afterAll(() => backend.close());

const HEADER = ['Gravité', 'Contrôle', 'Départements', 'Message', 'Nombre de dossiers', 'Dossiers concernés'];

function readCsv(data: Uint8Array): string[][] {
  expect([...data.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(data.slice(3));
  return Papa.parse<string[]>(text.trimEnd(), { delimiter: ';' }).data;
}

describe('territory:exportChecks', () => {
  it('writes the checks as a CSV with a BOM and « ; », in the order of the list', async () => {
    const checks = await backend.call('territory:checks', {});
    const file = await backend.call('territory:exportChecks', { format: 'csv' });
    expect(file.fileName).toMatch(/^controles-coherence-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readCsv(file.data);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[3])).toEqual(checks.map((c) => c.message));
    expect(rows[1]).toEqual([
      'Erreur',
      'CUI-CIE hors outre-mer',
      '75 Paris',
      checks[0]!.message,
      '1',
      'P-1',
    ]);
    const siret = rows.find((r) => r[1] === 'Même SIRET dans plusieurs départements')!;
    expect(siret).toEqual(['Alerte', 'Même SIRET dans plusieurs départements', '13 Bouches-du-Rhône, 2B Haute-Corse', 'SIRET 73282932000074 : 2 dossiers dans 2 départements (13, 2B).', '2', 'B-1, M-1']);
  });

  it('applies the tolerance, and writes an XLSX with a filterable sheet and the parameters', async () => {
    const file = await backend.call('territory:exportChecks', { format: 'xlsx', tolerancePercent: 50 });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Contrôles', 'Paramètres']);
    const sheet = workbook.getWorksheet('Contrôles')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const expected = await backend.call('territory:checks', { tolerancePercent: 50 });
    expect(sheet.rowCount).toBe(expected.length + 1);
    const targetRows = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const label = String(sheet.getRow(r).getCell(2).value);
      if (label.includes('objectif')) targetRows.push([label, sheet.getRow(r).getCell(3).value]);
    }
    expect(targetRows).toEqual([
      ['Postes accordés au-delà de l’objectif', '2B Haute-Corse'],
      ['Postes soutenus au-delà de l’objectif', '2B Haute-Corse'],
      ['Postes accordés en deçà de l’objectif', '2A Corse-du-Sud'],
    ]);
    expect(sheet.getRow(2).getCell(5).value).toBe(1);
    expect(sheet.autoFilter).toBeTruthy();
    const about = workbook.getWorksheet('Paramètres')!;
    const params = Object.fromEntries(about.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1, 3)));
    expect(params).toMatchObject({ Par: 'Marc Durand', Périmètre: 'tous les départements', 'Tolérance autour des objectifs': '50 %', 'Nombre de contrôles': expected.length });
  });

  it('gives a prefecture profile only the checks of its departments, with only its dossiers', async () => {
    await useProfile(backend, 'Agent Haute-Corse', 'PREFECTURE', ['2B']);
    try {
      const rows = readCsv((await backend.call('territory:exportChecks', { format: 'csv' })).data).slice(1);
      expect(rows.map((r) => [r[1], r[5]])).toEqual([
        ['Postes accordés au-delà de l’objectif', ''],
        ['Réseau en deçà d’un réseau national', 'B-1'],
        ['Même SIRET dans plusieurs départements', 'B-1'],
        ['Postes soutenus au-delà de l’objectif', ''],
        ['Réseau national : répartition', 'B-2'],
      ]);
    } finally {
      await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    }
  });

  it('refuses an unknown format', async () => {
    await expect(backend.call('territory:exportChecks', { format: 'pdf' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('neutralizeFormula', () => {
  it('keeps a spreadsheet from running imported text as a formula', () => {
    expect(['=HYPERLINK("x")', '+33 1', '-1', '@SUM(A1)', '\tx'].map(neutralizeFormula)).toEqual(["'=HYPERLINK(\"x\")", "'+33 1", "'-1", "'@SUM(A1)", "'\tx"]);
    expect(['P-1', '2B Haute-Corse', 'SIRET 1 : 2 dossiers', ''].map(neutralizeFormula)).toEqual(['P-1', '2B Haute-Corse', 'SIRET 1 : 2 dossiers', '']);
  });
});
