import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { committeeRows, heldSession, openCommitteeBase } from './committee-fixtures';

let dir: string;
let dbPath: string;
let hash: string;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The database as a fresh process sees it: its version and every committee row. */
async function snapshot() {
  const backend = await openBackend({ dbPath, userName: 'lecture', mode: 'cli' });
  try {
    return { version: backend.store.version, rows: committeeRows(backend) };
  } finally {
    backend.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-committee-cli-'));
  dbPath = path.join(dir, 'base.sqlite');
  const base = await openCommitteeBase(dbPath);
  try {
    const session = await heldSession(base);
    hash = (await base.backend.call('minutes:validate', { sessionId: session.id })).minutesHash!;
    // Session 13, in progress with its quorum: M-3 on its agenda.
    const { backend, ids, members } = base;
    const next = await backend.call('sessions:save', { number: '13', date: '2021-04-08', place: 'Visioconférence', chairId: null, memberIds: [members.Alice!] });
    await backend.call('agenda:add', { sessionId: next.id, dossierIds: [ids['M-3']!] });
    await backend.call('sessions:setPresence', { sessionId: next.id, memberId: members.Alice!, presence: 'PRESENT' });
    await backend.call('sessions:setStatus', { sessionId: next.id, status: 'IN_PROGRESS' });
  } finally {
    base.backend.close();
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CLI committee commands', { timeout: 120_000 }, () => {
  it('lists the sessions and the decisions of one session', () => {
    const sessions = cli('sessions', '--json');
    expect(sessions.code).toBe(0);
    expect((JSON.parse(sessions.out) as { number: string; status: string; minutesHash: string | null; decidedCount: number; postsGranted: number }[]).map((s) => [s.number, s.status, s.minutesHash, s.decidedCount, s.postsGranted])).toEqual([
      ['13', 'IN_PROGRESS', null, 0, 0],
      ['12', 'VALIDATED', hash, 6, 4],
    ]);
    expect(cli('sessions').out).toContain(`12\t01/04/2021\tPV validé\t4/5 présents\t6/6 décisions\t4 postes\tSHA-256 ${hash}`);
    const decisions = cli('decisions', '--session', '12', '--json');
    expect(decisions.code).toBe(0);
    const list = JSON.parse(decisions.out) as { externalId: string; departmentCode: string; decision: string; postsGranted: number | null; sessionNumber: string; grounds: string[] }[];
    expect(list.map((d) => [d.externalId, d.departmentCode, d.decision, d.postsGranted])).toEqual([
      ['N-1', '06', 'POSITIF', 2],
      ['N-2', '06', 'EXAMEN_COMPLEMENTAIRE', null],
      ['N-3', '06', 'POSITIF', 1],
      ['N-4', '06', 'NEGATIF', null],
      ['M-2', '13', 'EXAMEN_COMPLEMENTAIRE', null],
      ['M-1', '13', 'POSITIF', 1],
    ]);
    expect(list.find((d) => d.externalId === 'N-4')).toMatchObject({ sessionNumber: '12', grounds: ['BESOINS', 'REPARTITION_DEPARTEMENT'] });
    const unknown = cli('decisions', '--session', '99', '--json');
    expect([unknown.code, unknown.err]).toEqual([1, 'Aucune séance ne porte le numéro « 99 ».\n']);
  });

  it('writes the minutes as PDF, with the hash of sealed minutes', () => {
    const out = path.join(dir, 'pv.pdf');
    const result = cli('minutes', '--session', '12', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`Procès-verbal de la séance 12 écrit : ${out} (validé, SHA-256 ${hash})\n`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain(hash);
    expect(text).toContain('Dossier M-1 — Maison des associations de Marseille');
  });

  it('refuses to change a decision of sealed minutes, and the database is unchanged', async () => {
    const before = await snapshot();
    const journal = fs.readFileSync(`${dbPath}.journal`);
    const result = cli('decide', '--session', '12', '--dossier', 'N-1', '--decision', 'POSITIF', '--posts', '1');
    expect(result.code).toBe(1);
    expect(result.err).toBe('Le procès-verbal de la séance COSELEC 12 est validé : la séance et ses décisions sont en lecture seule. Toute correction passe par un amendement.\n');
    const refusal = cli('decide', '--session', '12', '--dossier', 'N-4', '--decision', 'NEGATIF', '--ground', 'BESOINS', '--comment', 'Un autre commentaire.');
    expect(refusal.code).toBe(1);
    expect(fs.readFileSync(`${dbPath}.journal`)).toEqual(journal);
    expect(await snapshot()).toEqual(before);
  });

  it('records a decision of a session in progress, with the same rules as the app', async () => {
    const missing = cli('decide', '--session', '13', '--dossier', 'M-3', '--decision', 'NEGATIF', '--ground', 'BESOINS');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^Aucune décision n’a été enregistrée\. Un refus est commenté/);
    const usage = cli('decide', '--session', '13');
    expect(usage.code).toBe(2);
    const withoutOpinion = cli('decide', '--session', '13', '--dossier', 'M-3', '--decision', 'positif', '--posts', '1');
    expect(withoutOpinion.code).toBe(1);
    expect(withoutOpinion.err).toBe('Aucune décision n’a été enregistrée. Le dossier M-3 n’a pas d’avis de la préfecture : justifiez l’accord sans avis (au moins 10 caractères).\n');
    const needless = cli('decide', '--session', '13', '--dossier', 'M-3', '--decision', 'positif', '--posts', '1', '--justification', 'Accord sans avis, instruit en séance.', '--derogation', 'Aucune raison de déroger.');
    expect(needless.code).toBe(1);
    expect(needless.err).toContain('Le dossier M-3 ne demande pas de dérogation (éligible) : laissez la justification de la dérogation vide.');
    const result = cli('decide', '--session', '13', '--dossier', 'M-3', '--decision', 'positif', '--posts', '1', '--priority', '--vote', '1,0,0', '--justification', 'Accord sans avis, instruit en séance.', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ sessionNumber: '13', decision: 'POSITIF', postsGranted: 1, priority: true, vote: { for: 1, against: 0, abstain: 0 }, voteBase: 1, majorityReached: true, recordedBy: 'Marc Durand', justification: 'Accord sans avis, instruit en séance.', derogation: null });
  });
});
