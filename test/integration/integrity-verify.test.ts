/**
 * Issue 11, point 7: `verify` checks the snapshot digests and every sealed session's minutes, the
 * stored hash and the content regenerated from the live rows; each finding is located. A sealed
 * decision edited in the snapshot file behind the app's back (trigger dropped and recreated, the
 * `.sha256` rewritten) is found, naming the session and the dossier; what may change after a seal
 * (an amendment, a member's name, a re-import, a new opinion) is not a finding.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { loadSqlJs } from '../../electron/backend/db/sqlite';
import { COMMENT, DOSSIERS, heldSession, openCommitteeBase } from './committee-fixtures';
import { importDossiers, useProfile } from './review-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-verify-'));
  dirs.push(dir);
  return path.join(dir, 'base.sqlite');
}

function cli(dbPath: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Session 12 held and sealed; returns its id and the dossiers' ids. */
async function sealedBase(dbPath: string, after?: (base: Awaited<ReturnType<typeof openCommitteeBase>>, sessionId: number) => Promise<void>) {
  const base = await openCommitteeBase(dbPath);
  try {
    const session = await heldSession(base);
    await base.backend.call('minutes:validate', { sessionId: session.id });
    await after?.(base, session.id);
    return { sessionId: session.id, ids: base.ids };
  } finally {
    base.backend.close();
  }
}

/** Edits the closed base's snapshot with sql.js as an intruder would: triggers dropped, rows changed, triggers recreated, digest rewritten. */
async function tamper(dbPath: string, triggers: string[], statements: string[]): Promise<void> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(fs.readFileSync(dbPath));
  const definitions = triggers.map((name) => db.exec('SELECT sql FROM sqlite_master WHERE type = ? AND name = ?', ['trigger', name])[0]!.values[0]![0] as string);
  for (const name of triggers) db.run(`DROP TRIGGER ${name}`);
  for (const sql of statements) db.run(sql);
  for (const sql of definitions) db.run(sql);
  const bytes = db.export();
  db.close();
  fs.writeFileSync(dbPath, bytes);
  fs.writeFileSync(`${dbPath}.sha256`, createHash('sha256').update(bytes).digest('hex'));
}

describe('verify', { timeout: 180_000 }, () => {
  it('finds nothing in an intact base, after the changes a sealed session allows', async () => {
    const dbPath = tempDb();
    await sealedBase(dbPath, async ({ backend, ids, members }, sessionId) => {
      await backend.call('amendments:create', { sessionId, reason: 'Erreur matérielle sur le nombre de postes.', decisions: [{ dossierId: ids['N-3']!, decision: 'POSITIF', postsGranted: 1, comment: 'Un poste confirmé.' }] });
      await backend.call('members:save', { id: members.Alice!, name: 'Alice Martin-Roy', organisation: 'ANCT', active: true });
      await importDossiers(backend, DOSSIERS.map((d) => (d.externalId === 'N-1' ? { ...d, contractType: 'CDI', declaredAid: 0 } : d)), 'reimport.json');
      await useProfile(backend, 'Claire Martin', 'PREFECTURE', ['06', '13']);
      await backend.call('opinions:record', { dossierId: ids['N-4']!, opinion: 'FAVORABLE', postsSupported: 1, comment: COMMENT });
      await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    });
    const json = cli(dbPath, 'verify', '--json');
    expect(json.err).toBe('');
    expect(json.code).toBe(0);
    expect(json.out).toBe('{"ok":true,"findings":[]}\n');
    const text = cli(dbPath, 'verify');
    expect(text.code).toBe(0);
    expect(text.out).toBe('Base intègre : aucune anomalie trouvée.\n');
  });

  it('finds a sealed decision edited in the snapshot file, naming the session and the dossier', async () => {
    const dbPath = tempDb();
    const { ids } = await sealedBase(dbPath);
    await tamper(dbPath, ['decisions_sealed_update'], [`UPDATE decisions SET posts_granted = 1 WHERE dossier_id = ${ids['N-1']} AND session_id IS NOT NULL`]);
    // The base opens (its digest was rewritten), and the stored minutes still match their hash.
    expect(cli(dbPath, 'info').code).toBe(0);
    const json = cli(dbPath, 'verify', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({
      ok: false,
      findings: [
        {
          kind: 'sealed-decision',
          where: 'séance COSELEC 12, dossier N-1',
          message: 'La décision scellée sur le dossier N-1 (séance COSELEC 12) ne correspond plus au procès-verbal validé : postes accordés : 2 → 1.',
        },
      ],
    });
    const text = cli(dbPath, 'verify');
    expect(text.code).toBe(1);
    expect(text.out).toContain('1 anomalie(s) trouvée(s) :\n- séance COSELEC 12, dossier N-1 : La décision scellée sur le dossier N-1');
  });

  it('finds a sealed decision whose frozen money was edited in the snapshot file', async () => {
    const dbPath = tempDb();
    const { ids } = await sealedBase(dbPath);
    await tamper(dbPath, ['decisions_sealed_update'], [`UPDATE decisions SET net_subsidy = net_subsidy + 10000 WHERE dossier_id = ${ids['N-1']} AND session_id IS NOT NULL`]);
    const json = cli(dbPath, 'verify', '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as { ok: boolean; findings: { kind: string; where: string; message: string }[] };
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ kind: 'sealed-decision', where: 'séance COSELEC 12, dossier N-1' });
    expect(report.findings[0]!.message).toBe('La décision scellée sur le dossier N-1 (séance COSELEC 12) ne correspond plus au procès-verbal validé : subvention nette : 59\u202f000\u00a0€ → 69\u202f000\u00a0€.');
  });

  it('finds a journal entry edited in the base, naming the entry', async () => {
    const dbPath = tempDb();
    await sealedBase(dbPath);
    await tamper(dbPath, [], ["UPDATE journal SET user_name = 'Quelqu’un d’autre' WHERE seq = 3"]);
    const json = cli(dbPath, 'verify', '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as { findings: { kind: string; where: string }[] };
    expect(report.findings.map((f) => f.where)).toContain('journal, entrée n° 3');
  });

  it('finds sealed minutes whose stored content no longer matches its hash, on opening too', async () => {
    const dbPath = tempDb();
    const { sessionId } = await sealedBase(dbPath);
    await tamper(dbPath, ['committee_sessions_sealed_update'], ["UPDATE committee_sessions SET minutes_content = replace(minutes_content, 'Roya', 'Tinée') WHERE number = '12'"]);
    const backend = await openBackend({ dbPath, userName: 'lecture', mode: 'cli' });
    try {
      const status = await backend.call('integrity:status', {});
      expect(status).toMatchObject({ ok: false, sealedSessions: 1, sessions: [{ id: sessionId, number: '12', label: 'COSELEC 12' }] });
      expect(status.findings).toEqual([expect.objectContaining({ kind: 'minutes-hash', where: 'séance COSELEC 12' })]);
      const report = await backend.call('integrity:verify', {});
      expect(report.ok).toBe(false);
      expect(report.findings).toEqual([
        {
          kind: 'minutes-hash',
          where: 'séance COSELEC 12',
          message: expect.stringContaining('Le contenu scellé du procès-verbal de la séance COSELEC 12 ne correspond plus à son empreinte SHA-256'),
        },
        // The regenerated content still locates what differs: the comment the intruder changed in the stored copy.
        {
          kind: 'sealed-decision',
          where: 'séance COSELEC 12, dossier N-1',
          message: 'La décision scellée sur le dossier N-1 (séance COSELEC 12) ne correspond plus au procès-verbal validé : commentaire : "Itinérance dans les vallées de la Tinée et de la Vésubie." → "Itinérance dans les vallées de la Roya et de la Vésubie.".',
        },
      ]);
    } finally {
      backend.close();
    }
  });

  it('finds a previous snapshot that does not match its digest, and reports a snapshot that cannot be opened', async () => {
    const dbPath = tempDb();
    await sealedBase(dbPath);
    const prev = fs.readFileSync(`${dbPath}.prev`);
    prev[prev.length - 10]! ^= 0xff;
    fs.writeFileSync(`${dbPath}.prev`, prev);
    const first = cli(dbPath, 'verify', '--json');
    expect(first.code).toBe(1);
    const report = JSON.parse(first.out) as { ok: boolean; findings: { kind: string; where: string; message: string }[] };
    expect(report.findings).toEqual([{ kind: 'snapshot-digest', where: `${dbPath}.prev`, message: expect.stringContaining(`La sauvegarde précédente « ${dbPath}.prev » ne correspond pas à son empreinte « ${dbPath}.prev.sha256 »`) }]);

    const bytes = fs.readFileSync(dbPath);
    bytes[bytes.length - 10]! ^= 0xff;
    fs.writeFileSync(dbPath, bytes);
    const second = cli(dbPath, 'verify', '--json');
    expect(second.code).toBe(1);
    expect(JSON.parse(second.out)).toEqual({ ok: false, findings: [{ kind: 'open', where: dbPath, message: expect.stringContaining('empreinte SHA-256 différente') }] });
  });
});
