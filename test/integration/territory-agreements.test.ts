import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { openWithFixture, useProfile } from './review-fixtures';

let backend: Backend;

beforeEach(async () => {
  ({ backend } = await openWithFixture());
  await useProfile(backend, 'Marc Durand', 'COMMITTEE');
});
afterEach(() => backend.close());

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));
const targetsOf = async () => new Map((await backend.call('stats:departments', {})).map((d) => [d.code, d.target]));

async function xlsx(rows: unknown[][], sheetName = 'Accords'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('targets:importAgreed', () => {
  it('previews a file with loose headers and spreadsheet-mangled codes, writing nothing', async () => {
    await backend.call('targets:set', { departmentCode: '13', target: 30 });
    const version = backend.store.version;
    const data = csv(
      '\uFEFFCode dép.;Nom du département;Accord préalable (conseillers)',
      '6;Alpes-Maritimes;25',
      '2a;Corse du Sud;4',
      '13;Bouches du Rhone;40',
      '971;Martinique;12',
      '',
      'Total;;81',
    );
    const preview = await backend.call('targets:importAgreed', { fileName: 'accords.csv', data });
    expect(preview.columns).toEqual({ department: 'Code dép.', name: 'Nom du département', target: 'Accord préalable (conseillers)' });
    expect(preview.errors).toEqual([]);
    // Department order, not file order; the previous target is the current one.
    expect(preview.rows.map((r) => [r.row, r.departmentCode, r.departmentName, r.target, r.previous])).toEqual([
      [2, '06', 'Alpes-Maritimes', 25, null],
      [4, '13', 'Bouches-du-Rhône', 40, 30],
      [3, '2A', 'Corse-du-Sud', 4, null],
      [5, '971', 'Guadeloupe', 12, null],
    ]);
    expect(preview.warnings.map((w) => w.message)).toEqual([
      '« accords.csv », ligne 5, colonne « Nom du département » : le nom « Martinique » ne correspond pas au département 971 (Guadeloupe).',
      '« accords.csv », ligne 7, colonne « Code dép. » : ligne de total « Total » ignorée.',
    ]);
    expect(preview.version).toBeNull();
    expect(backend.store.version).toBe(version);
    expect((await targetsOf()).get('06')).toBeNull();
  });

  it('commits every row as one version, with who imported which file', async () => {
    const data = csv('Département;Nombre', '06;25', '2B;3', '974;18');
    const result = await backend.call('targets:importAgreed', { fileName: 'accords-2021.csv', data, commit: true });
    expect(result.version).toMatchObject({ kind: 'agreement', total: 46, setBy: 'Marc Durand', departmentCodes: ['06', '2B', '974'], fileName: 'accords-2021.csv' });
    const targets = await targetsOf();
    expect([targets.get('06'), targets.get('2B'), targets.get('974'), targets.get('13')]).toEqual([25, 3, 18, null]);

    // A later single target overrides its department only; the history keeps both, newest first.
    await backend.call('targets:set', { departmentCode: '2B', target: 5 });
    const history = await backend.call('targets:history', {});
    expect(history.map((v) => [v.kind, v.departmentCode, v.total])).toEqual([
      ['department', '2B', 5],
      ['agreement', null, 46],
    ]);
    expect(history[1]).toMatchObject({ departmentCodes: ['06', '2B', '974'], fileName: 'accords-2021.csv', setBy: 'Marc Durand' });
    expect((await targetsOf()).get('06')).toBe(25);
  });

  it('lists every faulty row with file, row and column, and a commit writes nothing at all', async () => {
    await backend.call('targets:set', { departmentCode: '06', target: 7 });
    const version = backend.store.version;
    const data = csv('Département;Nombre', '06;25', '99;3', '20;4', '13;12,5', '83;-3', '84;', '06;2', '2B;3,0', ';5', '69;1 200');
    const preview = await backend.call('targets:importAgreed', { fileName: 'accords.csv', data });
    expect(preview.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'Département', '« accords.csv », ligne 3, colonne « Département » : département inconnu « 99 » (codes attendus : 01 à 95, 2A, 2B, 971 à 976).'],
      [4, 'Département', '« accords.csv », ligne 4, colonne « Département » : « 20 » n’est plus un code de département : la Corse se divise en 2A (Corse-du-Sud) et 2B (Haute-Corse).'],
      [5, 'Nombre', '« accords.csv », ligne 5, colonne « Nombre » : « 12,5 » n’est pas un nombre entier de postes.'],
      [6, 'Nombre', '« accords.csv », ligne 6, colonne « Nombre » : « -3 » est négatif : un nombre de postes est positif ou nul.'],
      [7, 'Nombre', '« accords.csv », ligne 7, colonne « Nombre » : nombre de postes manquant.'],
      [8, 'Département', '« accords.csv », ligne 8, colonne « Département » : le département 06 figure déjà ligne 2.'],
      [10, 'Département', '« accords.csv », ligne 10, colonne « Département » : département manquant.'],
    ]);
    // « 3,0 » is a whole number written by a spreadsheet; « 1 200 » has a thousands separator.
    expect(preview.rows.map((r) => [r.departmentCode, r.target])).toEqual([
      ['06', 25],
      ['2B', 3],
      ['69', 1200],
    ]);
    await expect(backend.call('targets:importAgreed', { fileName: 'accords.csv', data, commit: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Aucun objectif n’a été enregistré : 7 erreur\(s\) dans « accords\.csv »\. « accords\.csv », ligne 3, colonne « Département » : département inconnu/),
    });
    expect(backend.store.version).toBe(version);
    const targets = await targetsOf();
    expect([targets.get('06'), targets.get('2B'), targets.get('69')]).toEqual([7, null, null]);
    expect((await backend.call('targets:history', {})).map((v) => v.kind)).toEqual(['department']);
  });

  it('reads an XLSX sheet: numbers as numbers, codes that lost their zero, errors naming the sheet', async () => {
    const data = await xlsx([
      ['Département', 'Libellé', 'Nombre de conseillers'],
      [6, 'Alpes-Maritimes', 25],
      ['2b', 'Haute-Corse', 3],
      [13, 'Bouches-du-Rhône', 4.5],
    ]);
    const preview = await backend.call('targets:importAgreed', { fileName: 'accords.xlsx', data });
    expect(preview.sheet).toBe('Accords');
    expect(preview.rows.map((r) => [r.departmentCode, r.target])).toEqual([
      ['06', 25],
      ['2B', 3],
    ]);
    expect(preview.errors.map((e) => e.message)).toEqual(['« accords.xlsx », feuille « Accords », ligne 4, colonne « Nombre de conseillers » : « 4.5 » n’est pas un nombre entier de postes.']);
    const fixed = await xlsx([
      ['Département', 'Nombre de conseillers'],
      [6, 25],
      ['2b', 3],
    ]);
    expect((await backend.call('targets:importAgreed', { fileName: 'accords.xlsx', data: fixed, commit: true })).version?.total).toBe(28);
    expect((await targetsOf()).get('2B')).toBe(3);
  });

  it('refuses a file without a department or a number column, saying which columns it found', async () => {
    const version = backend.store.version;
    await expect(backend.call('targets:importAgreed', { fileName: 'liste.csv', data: csv('Code;Commentaire', '06;ok') })).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      message:
        'Le fichier « liste.csv » doit avoir une colonne « Département » (code, par exemple 06, 2A ou 971) et une colonne « Nombre » (le nombre de postes convenu). Colonnes trouvées : « Code », « Commentaire ».',
    });
    await expect(backend.call('targets:importAgreed', { fileName: 'vide.csv', data: csv('Département;Nombre', ';') })).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    expect(backend.store.version).toBe(version);
  });

  it('is refused to a prefecture profile, preview included, and nothing is stored', async () => {
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
    const version = backend.store.version;
    for (const commit of [false, true]) {
      await expect(backend.call('targets:importAgreed', { fileName: 'accords.csv', data: csv('Département;Nombre', '06;25'), commit })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Seuls les membres du comité national et les administrateurs ANCT peuvent fixer les accords préalables de postes des départements.',
      });
    }
    expect(backend.store.version).toBe(version);
  });

  it('rejects malformed requests at the boundary', async () => {
    await expect(backend.call('targets:importAgreed', { fileName: 'a.csv', data: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(backend.call('targets:importAgreed', { fileName: 'a.csv', data: csv('Département;Nombre', '06;1'), commit: 'oui' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
