// The review and territory commands that write: opinion record, score record, targets set,
// distribute and import, checks export; each one's refusal (exit code 1, the base unchanged).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { DEFAULT_GRID } from '../../shared/domain/review';
import { GOOD_COMMENT, importDossiers, useProfile } from './review-fixtures';

let dir: string;
let dbPath: string;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function withBackend<T>(fn: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 60_000 });
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

/** What a refusal must leave as it was: the version and every review and target row. */
const snapshot = () =>
  withBackend(async (backend) => {
    const db = backend.store.db;
    return { version: backend.store.version, ...Object.fromEntries(['opinions', 'scores', 'department_targets', 'target_versions', 'target_agreements'].map((t) => [t, db.all(`SELECT * FROM ${t} ORDER BY id`)])) };
  });

/** Every command must be refused (exit 1, nothing on stdout) with exactly this reason; the base does not move. */
async function expectRefusals(refusals: [string[], string][]) {
  const before = await snapshot();
  for (const [args, reason] of refusals) {
    expect(cli(...args), args.join(' ')).toEqual({ code: 1, out: '', err: `${reason}\n` });
  }
  expect(await snapshot()).toEqual(before);
}

const targetOf = (code: string) => (JSON.parse(cli('stats', 'departments', '--json').out) as { code: string; target: number | null }[]).find((d) => d.code === code)!.target;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-territory-cli-'));
  dbPath = path.join(dir, 'base.sqlite');
  await withBackend(async (backend) => {
    await importDossiers(backend);
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06']);
  });
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CLI: recording opinions, scores and targets', { timeout: 600_000 }, () => {
  it('records a prefecture opinion and a score sheet, within the profile’s department', async () => {
    const recorded = cli('opinion', 'record', '--dossier', 'N-1', '--opinion', 'FAVORABLE', '--posts', '2', '--comment', GOOD_COMMENT, '--json');
    expect(recorded.code, recorded.err).toBe(0);
    expect(JSON.parse(recorded.out)).toMatchObject({ externalId: 'N-1', opinion: 'FAVORABLE', postsSupported: 2, version: 1, authorName: 'Claire Martin' });
    expect(JSON.parse(cli('opinions', '--json').out)).toMatchObject([{ externalId: 'N-1', opinion: 'FAVORABLE', postsSupported: 2, author: 'Claire Martin' }]);

    const values = DEFAULT_GRID.criteria.map((c) => `${c.key}=${c.key === 'finances' ? 'NA' : '4'}`).flatMap((v) => ['--value', v]);
    const scored = cli('score', 'record', '--dossier', 'N-1', ...values, '--comment', 'Itinérance prévue.');
    expect(scored).toEqual({ code: 0, out: 'Notation enregistrée (dossier N-1, grille « Grille AMI CNFS » v1) : note agrégée 4.00\n', err: '' });
    const [scores] = JSON.parse(cli('scores', '--json').out) as { externalId: string; aggregate: number; perCriterion: { key: string; mean: number | null }[] }[];
    expect(scores).toMatchObject({ externalId: 'N-1', aggregate: 4 });
    expect(scores!.perCriterion.find((c) => c.key === 'finances')!.mean).toBeNull();

    await expectRefusals([
      [['opinion', 'record', '--dossier', 'M-1', '--opinion', 'FAVORABLE', '--posts', '1', '--comment', GOOD_COMMENT], 'Aucun dossier n’a l’identifiant « M-1 ».'],
      [['opinion', 'record', '--dossier', 'N-2', '--opinion', 'FAVORABLE', '--posts', '5', '--comment', GOOD_COMMENT], 'Avis non enregistré pour le dossier N-2 : Le nombre de postes soutenus (5) ne peut pas dépasser le nombre de postes demandés (3).'],
      [['score', 'record', '--dossier', 'N-1', ...values, '--value', 'inconnu=2'], 'Le critère « inconnu » ne fait pas partie de cette grille.'],
      [['targets', 'set', '--department', '06', '--target', '3'], 'Seuls les membres du comité national et les administrateurs ANCT peuvent fixer l’objectif de postes d’un département.'],
      [['targets', 'distribute', '--total', '4000'], 'Seuls les membres du comité national et les administrateurs ANCT peuvent répartir l’objectif national de postes.'],
    ]);
  });

  it('sets, distributes and imports the targets, and writes the coherence checks', async () => {
    await withBackend((backend) => useProfile(backend, 'Marc Durand', 'COMMITTEE'));
    expect(cli('targets', 'set', '--department', '06', '--target', '10')).toMatchObject({ code: 0, out: 'Objectif du département 06 : 10 poste(s)\n' });
    expect(targetOf('06')).toBe(10);

    const distributed = cli('targets', 'distribute', '--total', '4000', '--floor', '5', '--json');
    expect(distributed.code, distributed.err).toBe(0);
    const { version, targets } = JSON.parse(distributed.out) as { version: { kind: string; total: number; floor: number }; targets: { departmentCode: string; target: number }[] };
    expect(version).toMatchObject({ kind: 'distribution', total: 4000, floor: 5 });
    expect(targets).toHaveLength(101);
    expect(targets.reduce((sum, t) => sum + t.target, 0)).toBe(4000);
    expect(Math.min(...targets.map((t) => t.target))).toBeGreaterThanOrEqual(5);

    const agreed = path.join(dir, 'accords.csv');
    fs.writeFileSync(agreed, 'Département;Nom;Nombre\n06;Alpes-Maritimes;12\n13;Bouches-du-Rhône;20\n');
    const before = await snapshot();
    expect(cli('targets', 'import', agreed).out).toBe('06\tAlpes-Maritimes\t' + `${targets.find((t) => t.departmentCode === '06')!.target} → 12\n13\tBouches-du-Rhône\t${targets.find((t) => t.departmentCode === '13')!.target} → 20\nAperçu (rien n’a été écrit) : 2 département(s), 32 poste(s) ; --commit pour les enregistrer\n`);
    expect(await snapshot()).toEqual(before);
    expect(cli('targets', 'import', agreed, '--commit')).toMatchObject({ code: 0, out: expect.stringContaining('Accords enregistrés : 2 département(s), 32 poste(s) (version ') });
    expect([targetOf('06'), targetOf('13')]).toEqual([12, 20]);

    const checks = path.join(dir, 'controles.csv');
    expect(cli('checks', 'export', '--out', checks)).toEqual({ code: 0, out: `Contrôles de cohérence écrits : ${checks}\n`, err: '' });
    expect(fs.readFileSync(checks, 'utf8').startsWith('\uFEFFGravité;Contrôle;Départements;Message;Nombre de dossiers;Dossiers concernés\r\n')).toBe(true);
    const workbook = path.join(dir, 'controles.xlsx');
    expect(cli('checks', 'export', '--out', workbook, '--tolerance', '5').code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    expect(book.getWorksheet('Contrôles')!.getRow(1).getCell(1).text).toBe('Gravité');

    const wrong = path.join(dir, 'accords-faux.csv');
    fs.writeFileSync(wrong, 'Département;Nombre\n06;12\n99;4\n13;abc\n');
    await expectRefusals([
      [
        ['targets', 'import', wrong, '--commit'],
        'Le fichier « accords-faux.csv » est refusé : 2 erreur(s), rien n’a été enregistré.\n' +
          '  « accords-faux.csv », ligne 3, colonne « Département » : département inconnu « 99 » (codes attendus : 01 à 95, 2A, 2B, 971 à 976).\n' +
          '  « accords-faux.csv », ligne 4, colonne « Nombre » : « abc » n’est pas un nombre entier de postes.',
      ],
      [['targets', 'import', wrong], `Le fichier « accords-faux.csv » est refusé : 2 erreur(s), rien n’a été enregistré.\n  « accords-faux.csv », ligne 3, colonne « Département » : département inconnu « 99 » (codes attendus : 01 à 95, 2A, 2B, 971 à 976).\n  « accords-faux.csv », ligne 4, colonne « Nombre » : « abc » n’est pas un nombre entier de postes.`],
      [['targets', 'distribute', '--total', '50', '--floor', '1'], 'Un plancher de 1 poste(s) pour 101 départements dépasse le total de 50 postes.'],
      [['targets', 'set', '--department', '99', '--target', '3'], 'Département inconnu : « 99 ».'],
      [['checks', 'export', '--out', path.join(dir, 'absent', 'controles.csv')], `Impossible d’écrire « ${path.join(dir, 'absent', 'controles.csv')} » : dossier introuvable.`],
    ]);
    expect(fs.existsSync(path.join(dir, 'absent'))).toBe(false);
  });
});
