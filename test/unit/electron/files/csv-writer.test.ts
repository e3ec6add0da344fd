import { describe, expect, it } from 'vitest';
import { csvFile, csvLines, fixedNumber, neutralizeFormula } from '../../../../electron/backend/files/csv-writer';

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('the CSV writer', () => {
  it('writes a BOM, `;` separators, CRLF line ends, and quotes only the fields that need it', () => {
    const file = text(csvFile(['Nom', 'Postes'], [['Association « A ; B »', 3], ['Dit "Le Lien"', null]]));
    expect(file).toBe('\uFEFFNom;Postes\r\n"Association « A ; B »";3\r\n"Dit ""Le Lien""";\r\n');
  });

  it('guards text starting with = + - @ tab or CR, and leaves numbers untouched', () => {
    const line = csvLines([['=HYPERLINK("x")', '+33 1', '-1', '@SUM(A1)', '\tx', '\rcmd', 'P-1', -3, 2.5, fixedNumber(-1234.5, 2)]]);
    expect(line).toBe(`"'=HYPERLINK(""x"")";"'+33 1";"'-1";"'@SUM(A1)";"'\tx";"'\rcmd";P-1;-3;2,5;-1234,50\r\n`);
  });

  it('neutralizes only at the start of a text', () => {
    expect(['=1', 'a=1', '', '2B Haute-Corse'].map(neutralizeFormula)).toEqual(["'=1", 'a=1', '', '2B Haute-Corse']);
  });

  it('writes nothing for no rows', () => {
    expect(csvLines([])).toBe('');
  });
});
