// A whole committee session driven from the command line, with no UI: dossiers imported, the
// prefecture's opinions, the members, the session, presence, agenda, decisions, closing, sealed
// minutes written as PDF; then each session command's refusal, the base unchanged after it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { committeeRows } from './committee-fixtures';

let dir: string;
let dbPath: string;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Runs a command that must succeed; its standard output. */
function ok(...args: string[]): string {
  const result = cli(...args);
  expect(result.code, `${args.join(' ')}\n${result.err}`).toBe(0);
  return result.out;
}

/** The database as a fresh process sees it: its version and every committee row. */
async function snapshot() {
  const backend = await openBackend({ dbPath, userName: 'lecture', mode: 'cli' });
  try {
    return { version: backend.store.version, rows: committeeRows(backend), opinions: backend.store.db.all('SELECT * FROM opinions ORDER BY id') };
  } finally {
    backend.close();
  }
}

const SEALED_14 = 'Le procès-verbal de la séance COSELEC 14 est validé : la séance et ses décisions sont en lecture seule. Toute correction passe par un amendement.';
const COMMENT = 'Projet cohérent avec les besoins du territoire.';
const DOSSIERS = [
  { externalId: 'S-1', name: 'Association Le Lien numérique', departmentCode: '06', legalForm: 'Association déclarée', postsRequested: 2, contractType: 'CDD' },
  { externalId: 'S-2', name: 'Régie de quartier Ariane', departmentCode: '06', legalForm: 'Association déclarée', postsRequested: 3, contractType: 'CDI' },
  { externalId: 'S-3', name: 'Maison des associations de Marseille', departmentCode: '13', legalForm: 'Association déclarée', postsRequested: 2, contractType: 'CDI' },
  { externalId: 'S-4', name: 'Café associatif du Panier', departmentCode: '13', legalForm: 'Association déclarée', postsRequested: 1, contractType: 'CDI' },
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-session-cli-'));
  dbPath = path.join(dir, 'base.sqlite');
  fs.writeFileSync(path.join(dir, 'dossiers.json'), JSON.stringify(DOSSIERS));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CLI: a whole committee session with no UI', { timeout: 900_000 }, () => {
  it('imports, reviews, holds, closes and seals a session, and prints its minutes', () => {
    expect(ok('import', path.join(dir, 'dossiers.json'))).toContain('nouveaux : 4');
    // The prefecture's opinions (S-4 gets none: it is not « ready », the committee adds it by hand).
    ok('profile', '--name', 'Claire Martin', '--role', 'PREFECTURE', '--department', '06', '--department', '13');
    expect(ok('opinion', 'record', '--dossier', 'S-1', '--opinion', 'favorable', '--posts', '2', '--comment', COMMENT)).toBe('Avis enregistré (dossier S-1, version 1) : FAVORABLE, 2 poste(s) soutenu(s)\n');
    ok('opinion', 'record', '--dossier', 'S-2', '--opinion', 'DEFAVORABLE', '--posts', '0', '--comment', 'Offre de médiation déjà présente dans le quartier.');
    ok('opinion', 'record', '--dossier', 'S-3', '--opinion', 'FAVORABLE', '--posts', '2', '--comment', COMMENT);

    ok('profile', '--name', 'Marc Durand', '--role', 'COMMITTEE');
    expect(ok('member', 'add', '--name', 'Alice Martin', '--organisation', 'ANCT')).toBe('Membre ajouté : Alice Martin (ANCT), n° 1\n');
    ok('member', 'add', '--name', 'Bruno Petit', '--organisation', 'Banque des Territoires');
    ok('member', 'add', '--name', 'Chloé Roux', '--organisation', 'Ministère de l’Intérieur');
    expect(JSON.parse(ok('member', 'list', '--json'))).toEqual([
      { id: 1, name: 'Alice Martin', organisation: 'ANCT', active: true },
      { id: 2, name: 'Bruno Petit', organisation: 'Banque des Territoires', active: true },
      { id: 3, name: 'Chloé Roux', organisation: 'Ministère de l’Intérieur', active: true },
    ]);

    expect(ok('session', 'create', '--number', '14', '--date', '2021-05-06', '--place', 'ANCT, Paris', '--chair', 'alice martin')).toBe(
      'Créée : Séance 14 du 06/05/2021 (Planifiée) : 3 membre(s), 0 présent(s), quorum 0/2 non atteint, 0 dossier(s) à l’ordre du jour, 0 décision(s)\n',
    );
    ok('session', 'presence', '--session', '14', '--member', 'Alice Martin', '--presence', 'PRESENT');
    ok('session', 'presence', '--session', '14', '--member', '2', '--presence', 'present');
    expect(ok('session', 'presence', '--session', '14', '--member', 'Chloé Roux', '--presence', 'EXCUSED')).toMatch(/^Chloé Roux : Excusé\. Séance 14 .* 2 présent\(s\), quorum 2\/2 atteint,/);

    expect(ok('session', 'agenda', '--session', '14', '--ready')).toMatch(/^3 dossier\(s\) ajouté\(s\), 0 écarté\(s\)/);
    expect(ok('session', 'agenda', '--session', '14', '--add', 'S-4', '--add', 'S-1')).toMatch(/^1 dossier\(s\) ajouté\(s\), 1 écarté\(s\)/);
    ok('session', 'agenda', '--session', '14', '--order', 'S-3,S-1,S-2,S-4');
    const agenda = JSON.parse(ok('session', 'show', '--session', '14', '--json')) as { agenda: { externalId: string; position: number }[]; chairName: string };
    expect(agenda.agenda.map((a) => a.externalId)).toEqual(['S-3', 'S-1', 'S-2', 'S-4']);
    expect(agenda.chairName).toBe('Alice Martin');

    ok('session', 'status', '--session', '14', '--status', 'IN_PROGRESS');
    ok('decide', '--session', '14', '--dossier', 'S-3', '--decision', 'POSITIF', '--posts', '1', '--vote', '2,0,0');
    ok('decide', '--session', '14', '--dossier', 'S-1', '--decision', 'POSITIF', '--posts', '2', '--priority');
    ok('decide', '--session', '14', '--dossier', 'S-2', '--decision', 'NEGATIF', '--ground', 'BESOINS', '--comment', 'Offre de médiation déjà présente dans le quartier.');
    ok('decide', '--session', '14', '--dossier', 'S-4', '--decision', 'EXAMEN_COMPLEMENTAIRE', '--comment', 'Plan de financement à préciser.');
    ok('session', 'status', '--session', '14', '--status', 'CLOSED');
    const sealed = ok('minutes', 'validate', '--session', '14');
    const hash = /SHA-256 ([0-9a-f]{64})\n$/.exec(sealed)?.[1];
    expect(sealed).toBe(`Procès-verbal de la séance 14 validé : SHA-256 ${hash}\n`);

    const pdf = path.join(dir, 'pv-14.pdf');
    expect(ok('minutes', '--session', '14', '--out', pdf)).toBe(`Procès-verbal de la séance 14 écrit : ${pdf} (validé, SHA-256 ${hash})\n`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(hash);
    expect(text).toContain('Dossier S-3 — Maison des associations de Marseille');
    expect(text).toContain('Alice Martin');

    const decisions = JSON.parse(ok('decisions', '--session', '14', '--json')) as { externalId: string; decision: string; postsGranted: number | null; priority: boolean; grounds: string[]; recordedBy: string }[];
    expect(decisions.map((d) => [d.externalId, d.decision, d.postsGranted, d.priority, d.grounds])).toEqual([
      ['S-3', 'POSITIF', 1, false, []],
      ['S-1', 'POSITIF', 2, true, []],
      ['S-2', 'NEGATIF', null, false, ['BESOINS']],
      ['S-4', 'EXAMEN_COMPLEMENTAIRE', null, false, []],
    ]);
    expect(new Set(decisions.map((d) => d.recordedBy))).toEqual(new Set(['Marc Durand']));
    const sessions = JSON.parse(ok('sessions', '--json')) as { number: string; status: string; presentCount: number; memberCount: number; agendaCount: number; decidedCount: number; postsGranted: number; minutesHash: string; validatedBy: string }[];
    expect(sessions).toEqual([
      expect.objectContaining({ number: '14', status: 'VALIDATED', memberCount: 3, presentCount: 2, agendaCount: 4, decidedCount: 4, postsGranted: 3, minutesHash: hash, validatedBy: 'Marc Durand' }),
    ]);
    expect(ok('session', 'list')).toBe(ok('sessions'));
  });

  it('refuses each session command’s forbidden case with exit code 1 and the reason, the base unchanged', async () => {
    // Session 15, planned, with Alice only; session 14 is sealed.
    ok('session', 'create', '--number', '15', '--date', '2021-06-03', '--member', 'Alice Martin', '--quorum', '1');
    const before = await snapshot();
    const journal = fs.readFileSync(`${dbPath}.journal`);
    const refusals: [string[], string][] = [
      [['decide', '--session', '15', '--dossier', 'S-4', '--decision', 'POSITIF', '--posts', '1'], 'La séance COSELEC 15 n’est pas ouverte : passez-la « En cours » pour enregistrer des décisions.'],
      [['decide', '--session', '14', '--dossier', 'S-1', '--decision', 'POSITIF', '--posts', '1'], SEALED_14],
      [['session', 'create', '--number', '15', '--date', '2021-06-10'], 'Le numéro « 15 » est déjà celui de la séance du 03/06/2021 : chaque séance a un numéro unique.'],
      [['session', 'create', '--number', '16', '--date', '2021-02-30'], 'La date de la séance doit être une date valide (AAAA-MM-JJ).'],
      [['session', 'create', '--number', '16', '--date', '2021-07-01', '--chair', 'Zoé Inconnue'], 'Aucun membre du comité n’est « Zoé Inconnue » (voir « member list »).'],
      [['session', 'presence', '--session', '15', '--member', 'Bruno Petit', '--presence', 'PRESENT'], 'Bruno Petit ne siège pas à la séance COSELEC 15.'],
      [['session', 'presence', '--session', '99', '--member', 'Alice Martin', '--presence', 'PRESENT'], 'Aucune séance ne porte le numéro « 99 ».'],
      [['session', 'status', '--session', '15', '--status', 'CLOSED'], 'La séance COSELEC 15 est « Planifiée » : elle ne peut pas passer « Close » (planifiée → en cours → close, et close → en cours pour la rouvrir).'],
      [['session', 'status', '--session', '14', '--status', 'IN_PROGRESS'], SEALED_14],
      [['session', 'agenda', '--session', '15', '--add', 'S-9', '--add', 'X-1'], 'Aucun dossier n’a l’identifiant « S-9 », « X-1 ».'],
      [['session', 'agenda', '--session', '15', '--remove', 'S-1'], 'Le dossier S-1 n’est pas à l’ordre du jour de la séance COSELEC 15.'],
      [['session', 'agenda', '--session', '14', '--ready'], SEALED_14],
      [['minutes', 'validate', '--session', '15'], 'Le procès-verbal de la séance COSELEC 15 se valide une fois la séance close.'],
      [['member', 'add', '--name', ' ', '--organisation', 'ANCT'], 'Le nom du membre doit compter de 2 à 200 caractères.'],
    ];
    for (const [args, reason] of refusals) {
      const result = cli(...args);
      expect(result.code, `${args.join(' ')}: ${result.out}${result.err}`).toBe(1);
      expect(result.out, args.join(' ')).toBe('');
      expect(result.err, args.join(' ')).toBe(`${reason}\n`);
    }
    expect(fs.readFileSync(`${dbPath}.journal`)).toEqual(journal);
    expect(await snapshot()).toEqual(before);
  });
});
