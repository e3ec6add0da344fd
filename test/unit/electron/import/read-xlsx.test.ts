import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../../electron/backend/import/import-file-error';
import { readImportFile } from '../../../../electron/backend/import/read-file';
import { cellToPrimitive } from '../../../../electron/backend/import/read-xlsx';

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The 2021 per-department workbook layout, with the header on row 2 and a gap in the data. */
async function departmentWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Liste A - Structures publiques').addRow(['Identifiant structure']);
  const sheet = workbook.addWorksheet('Liste B - Structures privées');
  sheet.getRow(2).values = ['Identifiant structure', 'Nom Structure', 'Nombre de conseillers demandés', 'Avis Préfecture', 'Date'];
  sheet.getRow(3).values = [
    4567,
    { richText: [{ text: 'Asso ' }, { text: 'Connexions', font: { bold: true } }] },
    { formula: '1+1', result: 2 },
    { text: 'favorable', hyperlink: 'https://exemple.fr' },
    new Date(Date.UTC(2021, 2, 24)),
  ];
  sheet.getRow(5).values = ['4568', 'Les Amis', { error: '#N/A' }, true];
  sheet.getCell('G5').value = 'note sans en-tête';
  return toBytes(workbook);
}

let workbookBytes: Uint8Array;
beforeAll(async () => {
  workbookBytes = await departmentWorkbook();
});

describe('XLSX', () => {
  it('lists the sheets and reads the chosen one with Excel row numbers', async () => {
    const table = await readImportFile('59.xlsx', workbookBytes, { sheet: 'Liste B - Structures privées' });
    expect(table).toMatchObject({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheets: ['Liste A - Structures publiques', 'Liste B - Structures privées'],
      sheet: 'Liste B - Structures privées',
      malformed: [],
    });
    expect(table.headers).toEqual([
      'Identifiant structure',
      'Nom Structure',
      'Nombre de conseillers demandés',
      'Avis Préfecture',
      'Date',
      'Colonne G',
    ]);
    expect(table.records).toEqual([
      {
        row: 3,
        line: null,
        cells: {
          'Identifiant structure': 4567,
          'Nom Structure': 'Asso Connexions',
          'Nombre de conseillers demandés': 2,
          'Avis Préfecture': 'favorable',
          Date: new Date(Date.UTC(2021, 2, 24)),
          'Colonne G': null,
        },
      },
      {
        row: 5,
        line: null,
        cells: {
          'Identifiant structure': '4568',
          'Nom Structure': 'Les Amis',
          'Nombre de conseillers demandés': null,
          'Avis Préfecture': true,
          Date: null,
          'Colonne G': 'note sans en-tête',
        },
      },
    ]);
  });

  it('reads the first visible sheet by default', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('Listes');
    hidden.state = 'hidden';
    hidden.addRow(['Valeurs']);
    hidden.addRow(['CDI']);
    const visible = workbook.addWorksheet('Dossiers');
    visible.addRow(['ID']);
    visible.addRow([1]);
    const table = await readImportFile('d.xlsx', await toBytes(workbook));
    expect(table.sheets).toEqual(['Listes', 'Dossiers']);
    expect(table.sheet).toBe('Dossiers');
    expect(table.records).toEqual([{ row: 2, line: null, cells: { ID: 1 } }]);
  });

  it('names the available sheets when the requested one does not exist', async () => {
    await expect(readImportFile('59.xlsx', workbookBytes, { sheet: 'Liste C' })).rejects.toThrow(
      'Le classeur « 59.xlsx » n’a pas de feuille « Liste C ». Feuilles disponibles : « Liste A - Structures publiques », « Liste B - Structures privées ».',
    );
  });

  it('explains a truncated or corrupted workbook', async () => {
    for (const bytes of [workbookBytes.subarray(0, workbookBytes.length - 100), workbookBytes.subarray(0, 1000)]) {
      const error = await readImportFile('59.xlsx', bytes).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).message).toContain('Le classeur « 59.xlsx » est endommagé ou incomplet');
    }
    const corrupted = Uint8Array.from(workbookBytes);
    corrupted.fill(0x41, 200, 800);
    await expect(readImportFile('59.xlsx', corrupted)).rejects.toThrow('endommagé ou incomplet');
  });

  it('refuses an archive without any sheet, with a hint for OpenDocument', async () => {
    const empty = await toBytes(new ExcelJS.Workbook());
    await expect(readImportFile('a.ods', empty)).rejects.toThrow('classeur OpenDocument (.ods), non pris en charge');
    await expect(readImportFile('a.zip', empty)).rejects.toThrow('ne contient aucune feuille de calcul');
  });

  it('refuses an empty sheet, a sheet without data and duplicate headers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Vide');
    workbook.addWorksheet('En-tête').addRow(['ID', 'Nom']);
    workbook.addWorksheet('Doublons').addRows([['ID', 'Email', 'email '], [1, 'a@b.fr', 'c@d.fr']]);
    const bytes = await toBytes(workbook);
    await expect(readImportFile('w.xlsx', bytes, { sheet: 'Vide' })).rejects.toThrow(
      'La feuille « Vide » du classeur « w.xlsx » ne contient aucune ligne d’en-tête.',
    );
    await expect(readImportFile('w.xlsx', bytes, { sheet: 'En-tête' })).rejects.toThrow('ne contient aucune ligne de données');
    await expect(readImportFile('w.xlsx', bytes, { sheet: 'Doublons' })).rejects.toThrow(
      'plusieurs colonnes de même nom : « Email », « email » (colonnes B, C)',
    );
  });
});

describe('cellToPrimitive', () => {
  it('turns every exceljs cell value into what the cell displays', () => {
    expect(cellToPrimitive({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellToPrimitive({ formula: 'A1' })).toBeNull();
    expect(cellToPrimitive({ formula: '1/0', result: { error: '#DIV/0!' } })).toBeNull();
    expect(cellToPrimitive({ text: { richText: [{ text: 'lien ' }, { text: 'gras' }] }, hyperlink: 'x' } as unknown as ExcelJS.CellValue)).toBe(
      'lien gras',
    );
    expect(cellToPrimitive(undefined)).toBeNull();
  });
});
