import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../../electron/backend/import/read-file';
import { isPlatformExport, normalizeHeader, readPlatformCsv } from '../../../../electron/backend/import/read-platform-csv';

const fixture = readFileSync(new URL('../../../fixtures/import/platform-structures.csv', import.meta.url));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('platform structures export', () => {
  it('is recognised and read record by record despite quotes, ";" and multi-line addresses', async () => {
    const table = await readImportFile('export-structures.csv', fixture);
    expect(table.format).toBe('platform-csv');
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toHaveLength(32);
    expect(table.headers[0]).toBe('SIRET structure');
    expect(table.records.map((record) => [record.row, record.line, record.cells['ID Structure']])).toEqual([
      [2, 2, '4567'],
      [3, 5, '4568'],
      [4, 8, '4569'],
      [6, 14, '4571'],
    ]);
  });

  it('keeps every value raw and strips only the quotes of the quoted fields', async () => {
    const [first, amis, cyber, reunion] = (await readImportFile('export.csv', fixture)).records;
    expect(first?.cells).toMatchObject({
      'Dénomination': 'Association Connexions',
      'Adresse postale': '12 RUE DES LILAS\n          \n          75011 PARIS',
      'Libellé catégorie juridique niv III': 'Association déclarée',
      'Nom Grand Réseau': '',
      'Emails administrateurs': 'admin@connexions.fr,presidente@connexions.fr',
    });
    expect(amis?.cells).toMatchObject({
      'Dénomination': '"Les Amis" du numérique',
      'Date Coselec': 'non renseignée',
      'Téléphone': 'undefined',
      'Email': 'undefined',
      'Raison sociale': 'LES AMIS "DU NUMERIQUE"',
      'Adresse postale': '5 AVENUE FELIX FAURE\n          BATIMENT B\n          69003 LYON',
      'Nom Grand Réseau': 'Emmaüs Connect',
    });
    expect(cyber?.cells['Dénomination']).toBe('Espace "Cyber;Base" Nord');
    expect(cyber?.cells['Date Coselec']).toBe('02/06/2021');
    expect(cyber?.cells['Raison sociale']).toBe('CYBERBASE NORD');
    expect(reunion?.cells).toMatchObject({
      'Code département': '974',
      'Adresse postale': '8 RUE DE PARIS 97400 SAINT-DENIS',
      'Emails administrateurs': '',
    });
  });

  it('reports a broken multi-line record once, with its first line, and reads on', async () => {
    const table = await readImportFile('export.csv', fixture);
    expect(table.malformed).toEqual([{ row: 5, line: 11, reason: expect.stringContaining('lignes 11 à 13') }]);
    expect(table.malformed[0]?.reason).toContain('colonne 28');
  });

  it('reads the same records from a CRLF file', async () => {
    const lf = await readImportFile('export.csv', fixture);
    const crlf = await readImportFile('export.csv', encode(new TextDecoder().decode(fixture).replace(/\n/g, '\r\n')));
    expect(crlf.records).toEqual(lf.records);
    expect(crlf.malformed).toEqual(lf.malformed);
  });

  it('locates columns by name in an older export without some columns', async () => {
    const text = [
      'SIRET structure;ID Structure;Dénomination;Type;Statut;Code postal;Nombre de conseillers souhaités;Raison sociale;Adresse postale;Grand Réseau',
      '12345678901234;12;"Point" numérique;PRIVATE;CREEE;01000;2;POINT NUMERIQUE;"1 RUE A',
      '    01000 BOURG";Non',
    ].join('\n');
    const table = await readImportFile('ancien.csv', encode(text));
    expect(table.format).toBe('platform-csv');
    expect(table.malformed).toEqual([]);
    expect(table.records).toEqual([
      {
        row: 2,
        line: 2,
        cells: {
          'SIRET structure': '12345678901234',
          'ID Structure': '12',
          'Dénomination': '"Point" numérique',
          'Type': 'PRIVATE',
          'Statut': 'CREEE',
          'Code postal': '01000',
          'Nombre de conseillers souhaités': '2',
          'Raison sociale': 'POINT NUMERIQUE',
          'Adresse postale': '1 RUE A\n    01000 BOURG',
          'Grand Réseau': 'Non',
        },
      },
    ]);
  });
});

describe('readPlatformCsv', () => {
  const header = 'ID Structure;Dénomination;Nombre de conseillers souhaités;Adresse postale;Grand Réseau;Emails administrateurs';

  it('re-joins a name split by ";" even when it starts with a quote', () => {
    const grid = readPlatformCsv(`${header}\n7;"Mieux";vivre; ensemble;1;"2 RUE B\n  75002 PARIS";Oui;"a@b.fr"\n`);
    expect(grid.malformed).toEqual([]);
    expect(grid.rows[0]?.values).toEqual(['7', '"Mieux";vivre; ensemble', '1', '2 RUE B\n  75002 PARIS', 'Oui', 'a@b.fr']);
  });

  it('refuses a record whose trailing fields do not match, then reads the next one', () => {
    const grid = readPlatformCsv(`${header}\n1;A;1;"ADR";Oui;Non;"x@y.fr"\n2;B;1;"ADR";Non;"z@y.fr"\n`);
    expect(grid.malformed).toEqual([{ row: 2, line: 2, reason: expect.stringContaining('6 colonnes') }]);
    expect(grid.rows).toEqual([{ row: 3, line: 3, values: ['2', 'B', '1', 'ADR', 'Non', 'z@y.fr'] }]);
  });

  it('reports a truncated last record', () => {
    const grid = readPlatformCsv(`${header}\n1;A;1;"ADR";Oui;"x@y.fr"\n2;B;1;"3 RUE C\n   75003`);
    expect(grid.rows).toHaveLength(1);
    expect(grid.malformed).toEqual([{ row: 3, line: 3, reason: expect.stringContaining('lignes 3 à 4') }]);
  });

  it('recognises the header whatever the case, accents and spacing', () => {
    expect(normalizeHeader('  Nombre de  conseillers SOUHAITÉS ')).toBe('nombre de conseillers souhaites');
    expect(isPlatformExport('\n id structure ; DENOMINATION;Adresse  postale;Nombre de conseillers souhaites\n')).toBe(true);
    expect(isPlatformExport('ID Structure;Dénomination;Adresse postale\n')).toBe(false);
  });
});
