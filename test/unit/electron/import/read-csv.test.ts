import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from '../../../../electron/backend/import/read-csv';
import { readImportFile } from '../../../../electron/backend/import/read-file';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectDelimiter', () => {
  it('counts separators in the header line only, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5\n')).toBe(';');
    expect(detectDelimiter('"x;y;z",b,c\n')).toBe(',');
    expect(detectDelimiter('\n\n a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"multi\nline;;;",b\n')).toBe(',');
  });

  it('prefers ";" on a tie and for a single column', () => {
    expect(detectDelimiter('a;b,c\n')).toBe(';');
    expect(detectDelimiter('ID\n1\n')).toBe(';');
  });
});

describe('generic CSV', () => {
  it('reads quoted multi-line fields, "" escapes and CRLF, with the physical line of each record', async () => {
    const text = '\uFEFF ID ; Nom ;Commentaire\r\n1;"Asso ""Lien""";"ligne 1\r\nligne 2\nligne 3"\r\n2;Tiers-lieu;ok\r\n\r\n\r\n';
    const table = await readImportFile('dossiers.csv', encode(text));
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ';', sheets: [], sheet: null });
    expect(table.headers).toEqual(['ID', 'Nom', 'Commentaire']);
    expect(table.records).toEqual([
      { row: 2, line: 2, cells: { ID: '1', Nom: 'Asso "Lien"', Commentaire: 'ligne 1\r\nligne 2\nligne 3' } },
      { row: 3, line: 5, cells: { ID: '2', Nom: 'Tiers-lieu', Commentaire: 'ok' } },
    ]);
    expect(table.malformed).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as is', async () => {
    const table = await readImportFile('a.csv', encode('id;nom\n1;Asso "Lien" Nord\n'));
    expect(table.records[0]?.cells).toEqual({ id: '1', nom: 'Asso "Lien" Nord' });
  });

  it('reads comma and tab separated files', async () => {
    const comma = await readImportFile('a.csv', encode('id,nom\n1,"Dupont, Marie"\n'));
    expect(comma.delimiter).toBe(',');
    expect(comma.records[0]?.cells).toEqual({ id: '1', nom: 'Dupont, Marie' });
    const tab = await readImportFile('a.tsv', encode('id\tnom\n1\tA;B\n'));
    expect(tab.delimiter).toBe('\t');
    expect(tab.records[0]?.cells).toEqual({ id: '1', nom: 'A;B' });
  });

  it('sends rows with a wrong field count to malformed and keeps reading', async () => {
    const text = 'a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12;;\n"x\ny";13;14\n';
    const table = await readImportFile('a.csv', encode(text));
    expect(table.records.map((record) => [record.row, record.line, record.cells['a']])).toEqual([
      [2, 2, '1'],
      [5, 5, '10'],
      [6, 6, 'x\ny'],
    ]);
    expect(table.malformed).toEqual([
      { row: 3, line: 3, reason: '2 champs au lieu des 3 de l’en-tête : vérifiez les séparateurs et les guillemets de cette ligne.' },
      { row: 4, line: 4, reason: expect.stringContaining('4 champs au lieu des 3') },
    ]);
  });

  it('resumes at the next line after a stray quote instead of swallowing the file', async () => {
    const text = 'a;b\n1;2\n"bad"x;3\n4;5\n';
    const table = await readImportFile('a.csv', encode(text));
    expect(table.malformed).toEqual([{ row: 3, line: 3, reason: expect.stringContaining('Guillemets mal placés') }]);
    expect(table.records.map((record) => [record.row, record.line, record.cells['a']])).toEqual([
      [2, 2, '1'],
      [4, 4, '4'],
    ]);
  });

  it('counts blank lines as spreadsheet rows but yields no record for them', () => {
    const grid = readCsv('a.csv', '\n\nh1;h2\n1;2\n;\n   \n3;4', ';');
    expect(grid.headers).toEqual(['h1', 'h2']);
    expect(grid.rows).toEqual([
      { row: 2, line: 4, values: ['1', '2'] },
      { row: 5, line: 7, values: ['3', '4'] },
    ]);
  });

  it('keeps an unnamed column only when it holds data', async () => {
    const padded = await readImportFile('a.csv', encode('a;b;\n1;2;\n'));
    expect(padded.headers).toEqual(['a', 'b']);
    const filled = await readImportFile('a.csv', encode('a;;c\n1;x;3\n'));
    expect(filled.headers).toEqual(['a', 'Colonne 2', 'c']);
    expect(filled.records[0]?.cells).toEqual({ a: '1', 'Colonne 2': 'x', c: '3' });
  });

  it('decodes a Windows-1252 file', async () => {
    const table = await readImportFile('excel.csv', iconv.encode('Nom;Montant\nCœur d’Écoute;40 000 €\n', 'windows-1252'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.records[0]?.cells).toEqual({ Nom: 'Cœur d’Écoute', Montant: '40 000 €' });
  });

  it('decodes a UTF-16 LE file saved by Excel as "Unicode text"', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Nom\tDépartement\nÉcole\t2A\n', 'utf16le')]);
    const table = await readImportFile('unicode.txt', bytes);
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-16le', delimiter: '\t' });
    expect(table.records[0]?.cells).toEqual({ Nom: 'École', Département: '2A' });
  });
});
