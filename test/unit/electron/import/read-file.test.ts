import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/contract';
import { IMPORT_FILE_INVALID, ImportFileError } from '../../../../electron/backend/import/import-file-error';
import { MAX_IMPORT_FILE_BYTES, readImportFile } from '../../../../electron/backend/import/read-file';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function refusal(fileName: string, data: Uint8Array): Promise<ImportFileError> {
  const error = await readImportFile(fileName, data).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('readImportFile refuses a whole file', () => {
  it('with an ApiError carrying the IMPORT_FILE_INVALID code', async () => {
    const error = await refusal('vide.csv', new Uint8Array());
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(IMPORT_FILE_INVALID);
    expect(error.message).toBe('Le fichier « vide.csv » est vide.');
  });

  it('when it only holds blank lines or a BOM', async () => {
    expect((await refusal('a.csv', encode('\uFEFF \r\n\r\n'))).message).toBe('Le fichier « a.csv » est vide.');
  });

  it('above 200 Mo, before reading it', async () => {
    const error = await refusal('gros.csv', new Uint8Array(MAX_IMPORT_FILE_BYTES + 1));
    expect(error.message).toContain('au-delà de la limite de 200 Mo');
  });

  it('when it is binary or of another format, using the extension as a hint', async () => {
    expect((await refusal('x.pdf', encode('%PDF-1.7\n1 0 obj\n'))).message).toBe(
      'Le fichier « x.pdf » n’est ni un CSV, ni un classeur XLSX, ni un JSON. C’est un document PDF. Exportez les dossiers au format CSV, XLSX ou JSON.',
    );
    expect((await refusal('photo.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).message).toContain(
      'n’est ni un CSV',
    );
    const controls = Uint8Array.from({ length: 400 }, (_, index) => (index % 3 === 0 ? 0x01 : 0x41));
    expect((await refusal('data.xlsx', controls)).message).toContain('Son contenu n’est pas celui d’un classeur Excel');
    expect((await refusal('export.xls', encode('<html><table><tr><td>ID</td></tr></table></html>'))).message).toContain(
      'page web ou d’un document XML',
    );
  });

  it('in the Excel 97-2003 format, or password-protected', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal('liste.xls', ole)).message).toContain('est au format Excel 97-2003 (.xls), non pris en charge');
    expect((await refusal('liste.xlsx', ole)).message).toContain('est protégé par un mot de passe ou au format Excel 97-2003');
  });

  it('when the header is missing, unreadable or duplicated, or there is no data', async () => {
    expect((await refusal('a.csv', encode('12;4567;2\n13;4568;1\n'))).message).toBe(
      'Le fichier « a.csv » ne commence pas par une ligne d’en-tête : sa première ligne contient des valeurs et non des noms de colonnes.',
    );
    expect((await refusal('a.csv', encode('"ID;Nom\n1;A\n'))).message).toContain('La ligne d’en-tête du fichier « a.csv » est illisible');
    expect((await refusal('a.csv', encode('ID;Nom;Département;Nom\n1;A;01;B\n'))).message).toBe(
      'Le fichier « a.csv » a plusieurs colonnes de même nom : « Nom », « Nom » (colonnes 2, 4). Renommez-les pour que chaque en-tête soit unique.',
    );
    expect((await refusal('a.csv', encode('ID;Nom\n\n;\n'))).message).toBe('Le fichier « a.csv » ne contient aucune ligne de données sous l’en-tête.');
  });
});

describe('readImportFile detects the format from the content', () => {
  it('whatever the extension', async () => {
    expect((await readImportFile('dossiers.txt', encode('[{"id": 1}]'))).format).toBe('json');
    expect((await readImportFile('dossiers.json', encode('id;nom\n1;A\n'))).format).toBe('csv');
  });

  it('keeps a file whose every record is malformed, for the user to see why', async () => {
    const table = await readImportFile('a.csv', encode('a;b\n1\n2\n'));
    expect(table.records).toEqual([]);
    expect(table.malformed.map((record) => record.line)).toEqual([2, 3]);
  });
});
