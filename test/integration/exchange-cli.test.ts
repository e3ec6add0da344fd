// The exchange commands of the CLI, on database files: package
// export/import in both directions, workbook export/import, refusals with exit code 1, usage 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import type { PackageFile } from '../../shared/domain/exchange';
import { AGENT_06, COMMENTS, NATIONAL, currentOpinions, giveOpinion, platformCsv } from './exchange-fixtures';
import { fillWorkbook } from './exchange-workbook-helpers';
import { useProfile } from './review-fixtures';

const CLI = path.resolve('electron/cli/cli.ts');
// The test runs the CLI in its own directory: tsx is given by path, not resolved from there.
const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
let dir: string;
const db = { national: '', pref06: '' };

/** The CLI from its sources (as the other CLI tests), run in the test's directory so relative paths land there. */
function cli(database: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...args, '--db', database], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function withBackend<T>(file: string, fn: (backend: Awaited<ReturnType<typeof openBackend>>) => Promise<T>): Promise<T> {
  const backend = await openBackend({ dbPath: file, userName: 'poste', mode: 'cli', snapshotDelayMs: 60_000 });
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-cli-'));
  db.national = path.join(dir, 'national.sqlite');
  db.pref06 = path.join(dir, 'prefecture-06.sqlite');
  await withBackend(db.national, async (backend) => {
    await useProfile(backend, NATIONAL.name, NATIONAL.role);
    const preview = await backend.call('import:preview', { fileName: 'structures.csv', data: platformCsv() });
    await backend.call('import:commit', { token: preview.token });
  });
}, 60_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CLI package and workbook commands', { timeout: 120_000 }, () => {
  it('send the dossiers down and the opinions up as package files', async () => {
    const down = cli(db.national, 'package', 'export', '--department', '06', '--out', 'dossiers-06.cnfs.json', '--json');
    expect(down.code, down.err).toBe(0);
    expect(JSON.parse(down.out)).toMatchObject({ file: path.join(dir, 'dossiers-06.cnfs.json'), kind: 'dossiers', departmentCode: '06', dossiers: 4 });

    expect(cli(db.pref06, 'profile', '--name', AGENT_06.name, '--role', 'PREFECTURE', '--department', '06').code).toBe(0);
    const imported = cli(db.pref06, 'package', 'import', 'dossiers-06.cnfs.json', '--json');
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ kind: 'dossiers', imported: true, logId: 1, counts: { dossiersNew: 4, decisions: 1 } });

    await withBackend(db.pref06, async (backend) => {
      await giveOpinion(backend, '4601', 'FAVORABLE', 2, COMMENTS.fav);
      await giveOpinion(backend, '4602', 'DEFAVORABLE', 0, COMMENTS.def);
    });
    const up = cli(db.pref06, 'package', 'export', '--department', '06', '--out', 'avis-06.cnfs.json');
    expect(up.code, up.err).toBe(0);
    expect(up.out).toMatch(/^Paquet des avis du département 06 écrit : .*avis-06\.cnfs\.json \(2 dossier\(s\), empreinte SHA-256 [0-9a-f]{12}…\)\n$/);

    const received = cli(db.national, 'package', 'import', 'avis-06.cnfs.json');
    expect(received.code, received.err).toBe(0);
    expect(received.out).toContain('Paquet importé : avis-06.cnfs.json (avis d’une préfecture, département 06 – Alpes-Maritimes, envoyé par Claire Martin');
    expect(received.out).toContain('avis : nouveaux 2 · mis à jour 0 · inchangés 0 · conflits 0 · rejetés 0');
    expect(received.out).toContain('4601 (Association Le Lien numérique) : nouvel avis');
    const again = cli(db.national, 'package', 'import', 'avis-06.cnfs.json', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ alreadyImported: true, upToDate: true, logId: null });
    await withBackend(db.national, async (backend) => {
      expect(currentOpinions(backend)).toMatchObject({ '4601': { opinion: 'FAVORABLE', author: 'Claire Martin' }, '4602': { opinion: 'DEFAVORABLE', author: 'Claire Martin' } });
    });
  });

  it('refuse a tampered package, a package for another department and bad usage, with the right exit codes', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'avis-06.cnfs.json'), 'utf8')) as PackageFile;
    pkg.content.dossiers[0]!.opinions[0]!.comment = 'Commentaire réécrit après l’export.';
    fs.writeFileSync(path.join(dir, 'modifie.cnfs.json'), JSON.stringify(pkg));
    const version = await withBackend(db.national, async (backend) => backend.store.version);
    const tampered = cli(db.national, 'package', 'import', 'modifie.cnfs.json');
    expect(tampered.code).toBe(1);
    expect(tampered.err).toMatch(/^Le paquet « modifie\.cnfs\.json » a été modifié ou endommagé depuis son export/);
    expect(tampered.out).toBe('');
    expect(await withBackend(db.national, async (backend) => backend.store.version)).toBe(version);

    expect(cli(db.national, 'package', 'export', '--department', '13', '--out', 'dossiers-13.cnfs.json').code).toBe(0);
    const refused = cli(db.pref06, 'package', 'import', 'dossiers-13.cnfs.json');
    expect(refused).toMatchObject({ code: 1, err: 'Le département 13 est hors de votre périmètre (06).\n' });
    expect(cli(db.pref06, 'package', 'import', 'absent.cnfs.json')).toMatchObject({ code: 1, err: 'Impossible de lire le fichier « absent.cnfs.json » : fichier introuvable.\n' });

    expect(cli(db.national, 'package', 'import').code).toBe(2);
    expect(cli(db.national, 'package', 'export', '--department', '06').code).toBe(2);
    expect(cli(db.national, 'workbook', 'send').code).toBe(2);
  });

  it('export a department workbook and import it filled, reporting the bad rows', async () => {
    const exported = cli(db.national, 'workbook', 'export', '--department', '13', '--out', 'classeur-13.xlsx');
    expect(exported).toMatchObject({ code: 0, out: `Classeur du département 13 écrit : ${path.join(dir, 'classeur-13.xlsx')}\n` });
    const filled = await fillWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, 'classeur-13.xlsx'))), {
      '4701': { opinion: 'Favorable', postsSupported: 2, comment: COMMENTS.fav },
      '4703': { opinion: 'Favorable', postsSupported: 9, comment: COMMENTS.fav },
    });
    fs.writeFileSync(path.join(dir, 'classeur-13-rempli.xlsx'), filled);
    const imported = cli(db.national, 'workbook', 'import', 'classeur-13-rempli.xlsx');
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toBe(
      [
        'Classeur importé : classeur-13-rempli.xlsx (feuilles : Liste A - Structures publiques, Liste B - Structures privées)',
        '  lignes : 4 · nouveaux avis : 1 · mis à jour : 0 · conflits : 0 · inchangés : 0 · sans avis : 2 · refusées : 1',
        '  feuille « Liste B - Structures privées », ligne 2, colonne « Nombre de conseillers soutenus par la Préfecture (N) » : 9 conseiller(s) soutenu(s) pour 5 demandé(s) : le nombre soutenu ne peut pas dépasser le nombre demandé.',
        '  import non signé (classeur) : les avis sont enregistrés au nom de la préfecture du département, avec le nom de qui les a importés.',
        '',
      ].join('\n'),
    );
    const again = cli(db.national, 'workbook', 'import', 'classeur-13-rempli.xlsx', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ logId: null, alreadyImported: true, counts: { unchanged: 1, rejected: 1 }, errors: [{ row: 2, externalId: '4703' }] });
    const notAWorkbook = cli(db.national, 'workbook', 'import', 'avis-06.cnfs.json');
    expect(notAWorkbook.code).toBe(1);
    expect(notAWorkbook.err).toMatch(/n’est pas un classeur Excel/);
  });

  it('import a stale workbook: the changed row whose opinion moved since the export becomes a conflict, the newer opinion stays', async () => {
    expect(cli(db.national, 'workbook', 'export', '--department', '13', '--out', 'classeur-13-ancien.xlsx').code).toBe(0);
    // Since the export: 4701 (Favorable, 2 posts, imported above) gets a newer opinion in the app.
    await withBackend(db.national, async (backend) => {
      await useProfile(backend, NATIONAL.name, NATIONAL.role);
      await giveOpinion(backend, '4701', 'EXAMEN_COMPLEMENTAIRE', 0, COMMENTS.review);
    });
    const stale = await fillWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, 'classeur-13-ancien.xlsx'))), { '4701': { opinion: 'Défavorable', postsSupported: 0, comment: COMMENTS.def } });
    fs.writeFileSync(path.join(dir, 'classeur-13-ancien-rempli.xlsx'), stale);
    const before = await withBackend(db.national, async (backend) => backend.store.db.all('SELECT * FROM opinions ORDER BY id'));
    const imported = cli(db.national, 'workbook', 'import', 'classeur-13-ancien-rempli.xlsx');
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out.split('\n').slice(1, 5)).toEqual([
      '  lignes : 4 · nouveaux avis : 0 · mis à jour : 0 · conflits : 1 · inchangés : 0 · sans avis : 3 · refusées : 0',
      '  conflit, feuille « Liste B - Structures privées », ligne 4 (dossier 4701) : La ligne part de la version 1, mais l’avis en vigueur est la version 2 : les deux versions sont gardées, à arbitrer dans « Conflits à résoudre ».',
      '  1 conflit(s) à résoudre dans l’application (Exports › Échanges avec les préfectures).',
      '  import non signé (classeur) : les avis sont enregistrés au nom de la préfecture du département, avec le nom de qui les a importés.',
    ]);
    await withBackend(db.national, async (backend) => {
      // No version written: only the conflict and the log entry.
      expect(backend.store.db.all('SELECT * FROM opinions ORDER BY id')).toEqual(before);
      expect(currentOpinions(backend)['4701']).toMatchObject({ opinion: 'EXAMEN_COMPLEMENTAIRE', author: NATIONAL.name });
      await useProfile(backend, NATIONAL.name, NATIONAL.role);
      expect((await backend.call('exchange:conflicts', {})).map((c) => [c.externalId, c.origin, c.local.opinion, c.incoming.opinion, c.incoming.authorName])).toEqual([
        ['4701', 'workbook', 'EXAMEN_COMPLEMENTAIRE', 'DEFAVORABLE', 'Préfecture 13 – Bouches-du-Rhône (classeur)'],
      ]);
    });
  });
});
