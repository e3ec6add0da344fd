import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../../electron/backend/import/read-file';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('JSON', () => {
  it('reads an array of flat objects, headers in order of first appearance', async () => {
    const text = ' [{"ID Structure": "12", "Dénomination": "Asso"}, {"ID Structure": 13, "Nombre de conseillers souhaités": 2, "ZRR": true, "QPV": null}]';
    const table = await readImportFile('export.json', encode(text));
    expect(table).toMatchObject({ format: 'json', encoding: 'utf-8', delimiter: null, sheets: [], sheet: null, malformed: [] });
    expect(table.headers).toEqual(['ID Structure', 'Dénomination', 'Nombre de conseillers souhaités', 'ZRR', 'QPV']);
    expect(table.records).toEqual([
      { row: 1, line: null, cells: { 'ID Structure': '12', 'Dénomination': 'Asso', 'Nombre de conseillers souhaités': null, ZRR: null, QPV: null } },
      { row: 2, line: null, cells: { 'ID Structure': 13, 'Dénomination': null, 'Nombre de conseillers souhaités': 2, ZRR: true, QPV: null } },
    ]);
  });

  it('accepts { "dossiers": [...] }', async () => {
    const table = await readImportFile('d.json', encode('\uFEFF{"dossiers": [{"id": "1"}]}'));
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.records).toEqual([{ row: 1, line: null, cells: { id: '1' } }]);
  });

  it('sends nested values and non-objects to malformed with their position', async () => {
    const table = await readImportFile('d.json', encode('[{"id": "1", "adresse": {"ville": "Lyon"}}, "texte", {"id": "3", "tags": []}, {"id": "4"}]'));
    expect(table.records).toEqual([{ row: 4, line: null, cells: { id: '4', adresse: null, tags: null } }]);
    expect(table.malformed).toEqual([
      { row: 1, line: null, reason: expect.stringContaining('La valeur de « adresse » est un objet ou une liste') },
      { row: 2, line: null, reason: 'Cet élément de la liste n’est pas un objet JSON.' },
      { row: 3, line: null, reason: expect.stringContaining('« tags »') },
    ]);
  });

  it('gives the line and column of a syntax error', async () => {
    await expect(readImportFile('d.json', encode('[\n  {"id": "1"},\n  {"id" "2"}\n]'))).rejects.toThrow(
      'Le fichier « d.json » n’est pas un JSON valide : erreur de syntaxe ligne 3, colonne 9.',
    );
    await expect(readImportFile('d.json', encode('[{"id": "1"}'))).rejects.toThrow('il s’arrête avant la fin (fichier tronqué ?)');
  });

  it('refuses JSON that is not a list of objects', async () => {
    for (const text of ['{"id": "1"}', '[1, 2]', '{"dossiers": {"id": 1}}']) {
      await expect(readImportFile('d.json', encode(text))).rejects.toThrow('doit contenir une liste d’objets JSON');
    }
    await expect(readImportFile('d.json', encode('[]'))).rejects.toThrow('ne contient aucun dossier (liste vide)');
  });
});
