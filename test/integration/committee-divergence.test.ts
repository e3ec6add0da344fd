// Imports never override decisions recorded here (issue 11, point 2): a platform row naming a sealed
// session's number with other posts is kept aside as a divergence, never applied; a decision of a
// later session the base does not know still applies; the same file again writes nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { writePlatformCsv } from '../../electron/backend/demo/platform-csv';
import type { DossierFields } from '../../shared/domain/dossier';
import { committeeRows, heldSession, openCommitteeBase, openSession } from './committee-fixtures';
import { useProfile } from './review-fixtures';

let dir: string;
let dbPath: string;
let backend: Backend;
let ids: Record<string, number>;
let fileData: Uint8Array;

const open = async () => (backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 600_000 }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', ...args, '--db', dbPath], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Everything an import may touch: what must not move when it has nothing new to write. */
function baseRows(b: Backend): unknown {
  const db = b.store.db;
  return {
    committee: committeeRows(b),
    divergences: db.all('SELECT * FROM import_divergences ORDER BY id'),
    batches: db.all('SELECT * FROM import_batches ORDER BY id'),
    provenance: db.all('SELECT * FROM dossier_provenance ORDER BY id'),
    dossiers: db.all('SELECT * FROM dossiers ORDER BY id'),
  };
}

async function platformRow(externalId: string, decision: Partial<DossierFields>): Promise<DossierFields> {
  const detail = await backend.call('dossiers:get', { id: ids[externalId]! });
  return { ...detail.fields, ...decision };
}

/** Dossier id → [origin, session, decision, posts granted] of the « Décisions » sheet. */
async function sheetRows(data: Uint8Array): Promise<Record<string, string[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const rows: Record<string, string[]> = {};
  book.getWorksheet('Décisions')!.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).text !== 'Total') rows[row.getCell(4).text] = [1, 2, 14, 15].map((c) => row.getCell(c).text);
  });
  return rows;
}

async function exportSession(format: 'xlsx' | 'csv', session: string): Promise<Uint8Array> {
  const job = await backend.call('exports:start', { format, sessions: [session] });
  return (await backend.call('exports:result', { id: job.id })).data;
}

const committeeSide = { decisionId: expect.any(Number), sessionNumber: '12', sessionDate: '2021-04-01', decision: 'POSITIF', postsGranted: 2 };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-divergence-'));
  dbPath = path.join(dir, 'base.sqlite');
  const base = await openCommitteeBase(dbPath);
  backend = base.backend;
  ids = base.ids;
  // The dossiers as the platform's export carries them, before the committee meets.
  const first = await backend.call('import:preview', { fileName: 'structures-mars.csv', data: new TextEncoder().encode(writePlatformCsv(await Promise.all(['N-1', 'N-3', 'M-1', 'N-4', 'M-3'].map((id) => platformRow(id, {}))))) });
  await backend.call('import:commit', { token: first.token });
  const session = await heldSession(base);
  await backend.call('minutes:validate', { sessionId: session.id });
  fileData = new TextEncoder().encode(
    writePlatformCsv([
      // Sealed session 12 approved 2 posts: the platform says 3 for the same session, dated the day it recorded it.
      await platformRow('N-1', { status: 'VALIDATION_COSELEC', coselecValidated: true, postsGranted: 3, coselecNumber: '12', coselecDate: '2021-04-08' }),
      // What the committee decided: agrees, nothing new.
      await platformRow('N-3', { status: 'VALIDATION_COSELEC', coselecValidated: true, postsGranted: 1, coselecNumber: '12', coselecDate: '2021-04-01' }),
      // A later session this base does not hold: applies as before.
      await platformRow('M-1', { status: 'REFUS_COSELEC', coselecValidated: false, postsGranted: null, coselecNumber: '14', coselecDate: '2021-04-15' }),
      // Refused in session 12: an earlier session this base does not know cannot approve it.
      await platformRow('N-4', { status: 'VALIDATION_COSELEC', coselecValidated: true, postsGranted: 2, coselecNumber: '11B', coselecDate: '2021-03-20' }),
      // Session 12 is held here and did not decide on M-3.
      await platformRow('M-3', { status: 'VALIDATION_COSELEC', coselecValidated: true, postsGranted: 1, coselecNumber: '12', coselecDate: '2021-04-01' }),
    ]),
  );
}, 60_000);
afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a platform export against a sealed session', { timeout: 60_000 }, () => {
  it('lists the contradicting row in the preview, keeps it aside and applies the later session', async () => {
    const preview = await backend.call('import:preview', { fileName: 'structures.csv', data: fileData });
    expect(preview).toMatchObject({ format: 'platform-csv', rejected: [] });
    expect(preview.counts).toMatchObject({ total: 5, updated: 1, unchanged: 4 });
    expect(preview.updates.map((u) => u.externalId)).toEqual(['M-1']);
    expect(preview.divergences).toEqual([
      {
        dossierId: ids['N-1'],
        externalId: 'N-1',
        name: 'Association Le Lien numérique',
        departmentCode: '06',
        row: 2,
        platformStatus: 'VALIDATION_COSELEC',
        platform: { sessionNumber: '12', sessionDate: '2021-04-08', decision: 'POSITIF', postsGranted: 3 },
        base: committeeSide,
        alreadyReported: false,
      },
      expect.objectContaining({
        externalId: 'N-4',
        row: 5,
        platform: { sessionNumber: '11B', sessionDate: '2021-03-20', decision: 'POSITIF', postsGranted: 2 },
        base: { decisionId: expect.any(Number), sessionNumber: '12', sessionDate: '2021-04-01', decision: 'NEGATIF', postsGranted: null },
      }),
      expect.objectContaining({
        externalId: 'M-3',
        row: 6,
        platform: { sessionNumber: '12', sessionDate: '2021-04-01', decision: 'POSITIF', postsGranted: 1 },
        base: { decisionId: null, sessionNumber: '12', sessionDate: '2021-04-01', decision: null, postsGranted: null },
      }),
    ]);
    const decisionsBefore = backend.store.db.all('SELECT * FROM decisions ORDER BY id');

    const result = await backend.call('import:commit', { token: preview.token });
    expect(result.batchId).not.toBeNull();
    expect(result.divergences).toEqual(preview.divergences);
    // The one row added to the decisions is the later session's, marked as the platform's.
    const added = backend.store.db.all<{ dossier_id: number; source: string; session_number: string; decision: string }>('SELECT dossier_id, source, session_number, decision FROM decisions WHERE id > ? ORDER BY id', [
      Math.max(...decisionsBefore.map((d) => (d as { id: number }).id)),
    ]);
    expect(added).toEqual([{ dossier_id: ids['M-1'], source: 'platform', session_number: '14', decision: 'NEGATIF' }]);
    expect(await backend.call('dossiers:get', { id: ids['M-1']! })).toMatchObject({ status: 'REFUS_COSELEC', postsGranted: null, fields: { coselecNumber: '14' } });

    // N-1 keeps the committee's decision everywhere.
    const n1 = await backend.call('dossiers:get', { id: ids['N-1']! });
    expect(n1).toMatchObject({ status: 'VALIDATION_COSELEC', postsGranted: 2, fields: { coselecNumber: '12', coselecDate: '2021-04-01', coselecValidated: true } });
    expect(n1.decisions.map((d) => [d.source, d.sessionNumber, d.postsGranted])).toEqual([['committee', '12', 2]]);
    expect(n1.platformDivergences).toEqual([
      { id: expect.any(Number), platform: { sessionNumber: '12', sessionDate: '2021-04-08', decision: 'POSITIF', postsGranted: 3 }, base: committeeSide, fileName: 'structures.csv', detectedAt: expect.any(String), detectedBy: 'Marc Durand' },
    ]);
    const decided = await backend.call('decisions:list', { sessionNumber: '12' });
    expect(decided.find((d) => d.dossierId === ids['N-1'])).toMatchObject({ decision: 'POSITIF', postsGranted: 2 });
    for (const id of ['N-4', 'M-3']) expect((await backend.call('dossiers:get', { id: ids[id]! })).platformDivergences).toHaveLength(1);
    expect(await backend.call('dossiers:get', { id: ids['N-4']! })).toMatchObject({ status: 'REFUS_COSELEC', postsGranted: 0, fields: { coselecNumber: '12' } });
    expect(await backend.call('dossiers:get', { id: ids['M-3']! })).toMatchObject({ status: 'CREEE', postsGranted: null, decisions: [] });
    // Live figures: N-1's 2 posts and N-3's 1 of session 12; none in 13 (M-1 now refused by the platform, M-3 not decided).
    const figures = await backend.call('stats:departments', {});
    expect(figures.find((d) => d.code === '06')).toMatchObject({ granted: 3 });
    expect(figures.find((d) => d.code === '13')).toMatchObject({ granted: 0 });
  });

  it('puts it in the report, listed by the API and exported as CSV', async () => {
    const report = await backend.call('import:divergences', {});
    expect(report.map((d) => d.externalId)).toEqual(['M-3', 'N-4', 'N-1']);
    expect(report.slice(2)).toEqual([
      expect.objectContaining({ externalId: 'N-1', row: 2, fileName: 'structures.csv', detectedBy: 'Marc Durand', platform: { sessionNumber: '12', sessionDate: '2021-04-08', decision: 'POSITIF', postsGranted: 3 }, base: committeeSide }),
    ]);
    const file = await backend.call('import:exportDivergences', {});
    expect(file.fileName).toMatch(/^divergences-plateforme-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.data).split('\r\n');
    expect(lines[0]).toBe('\uFEFFIdentifiant;Nom de la structure;Département;Fichier;Ligne;Statut (plateforme);La plateforme indique;Cette base indique;Relevée le;Relevée par');
    expect(lines[3]).toMatch(/^N-1;Association Le Lien numérique;06;structures\.csv;2;VALIDATION_COSELEC;COSELEC 12 du 08\/04\/2021 : Accord, 3 postes;COSELEC 12 du 01\/04\/2021 : Accord, 2 postes;\d{4}-\d{2}-\d{2};Marc Durand$/);
    expect(lines[1]).toMatch(/^M-3;Café associatif du Panier;13;structures\.csv;6;VALIDATION_COSELEC;COSELEC 12 du 01\/04\/2021 : Accord, 1 poste;COSELEC 12 du 01\/04\/2021 : aucune décision sur ce dossier;/);
    expect(lines[2]).toContain(';COSELEC 11B du 20/03/2021 : Accord, 2 postes;COSELEC 12 du 01/04/2021 : Refus;');
    expect(lines.slice(4)).toEqual(['']);
    // A prefecture agent of 06 sees only the divergences of 06.
    await useProfile(backend, 'Paul Lefèvre', 'PREFECTURE', ['06']);
    expect((await backend.call('import:divergences', {})).map((d) => d.externalId)).toEqual(['N-4', 'N-1']);
    await useProfile(backend, 'Marc Durand', 'COMMITTEE');
    await expect(backend.call('import:divergences', { all: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('exports session 12 with the committee’s decision, in the workbook and the CSV', async () => {
    const rows = await sheetRows(await exportSession('xlsx', '12'));
    expect(rows['N-1']).toEqual(['Comité', '12', 'Accord', '2']);
    expect(rows['N-3']).toEqual(['Comité', '12', 'Accord', '1']);
    // An export of sessions shows each dossier's latest decision among them: M-1's of session 12.
    expect(rows['M-1']).toEqual(['Comité', '12', 'Accord', '1']);
    expect(rows['N-4']).toEqual(['Comité', '12', 'Refus', '0']);
    // M-3 is not in it: session 12 did not decide on it.
    expect(Object.keys(rows).sort()).toEqual(['M-1', 'M-2', 'N-1', 'N-2', 'N-3', 'N-4']);
    // A session only a kept-aside row names is no session to export.
    expect((await backend.call('exports:sessions', {})).map((o) => o.number).sort()).toEqual(['12', '14']);
    await expect(backend.call('exports:start', { format: 'xlsx', sessions: ['11B'] })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Séance inconnue : « 11B » (aucune séance ni décision ne porte ce numéro).' });
    const csv = new TextDecoder().decode(await exportSession('csv', '12')).split('\r\n');
    const n1 = csv.find((l) => l.split(';')[3] === 'N-1')!.split(';');
    expect([n1[0], n1[1], n1[13], n1[14]]).toEqual(['Comité', '12', 'Accord', '2']);
    expect(await sheetRows(await exportSession('xlsx', '14'))).toEqual({ 'M-1': ['Plateforme', '14', 'Refus', '0'] });
  });

  it('writes nothing when the same file comes again, and does not report it twice', async () => {
    const version = backend.store.version;
    const before = baseRows(backend);
    const preview = await backend.call('import:preview', { fileName: 'structures.csv', data: fileData });
    expect(preview).toMatchObject({ alreadyImported: true, counts: { updated: 0, unchanged: 5 } });
    expect(preview.divergences.map((d) => [d.externalId, d.alreadyReported])).toEqual([
      ['N-1', true],
      ['N-4', true],
      ['M-3', true],
    ]);
    expect(await backend.call('import:commit', { token: preview.token })).toMatchObject({ batchId: null });
    expect(backend.store.version).toBe(version);
    expect(baseRows(backend)).toEqual(before);
  });

  it('the CLI prints the divergence and `export decisions --session 12` keeps the committee’s decision', async () => {
    backend.close();
    fs.writeFileSync(path.join(dir, 'structures.csv'), fileData);
    const printed = cli('import', path.join(dir, 'structures.csv'), '--dry-run');
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('  divergences avec les décisions de cette base (non appliquées) : 3\n');
    expect(printed.out).toContain('  ligne 2, dossier N-1 : la plateforme indique COSELEC 12 du 08/04/2021 : Accord, 3 postes → cette base indique COSELEC 12 du 01/04/2021 : Accord, 2 postes (déjà signalée)\n');
    const json = cli('import', path.join(dir, 'structures.csv'), '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ batchId: null, divergences: [{ externalId: 'N-1', alreadyReported: true, platform: { postsGranted: 3 }, base: { postsGranted: 2 } }, { externalId: 'N-4' }, { externalId: 'M-3' }] });
    const out = path.join(dir, 'seance-12.xlsx');
    expect(cli('export', 'decisions', '--out', out, '--session', '12').code).toBe(0);
    expect((await sheetRows(fs.readFileSync(out)))['N-1']).toEqual(['Comité', '12', 'Accord', '2']);
    await open();
    expect(await backend.call('import:divergences', {})).toHaveLength(3);
  });
});

describe('sessions are matched by number whatever the case', { timeout: 60_000 }, () => {
  it('a « 62bis » row diverges from session « 62BIS », and agrees when it says the same', async () => {
    const base = await openCommitteeBase();
    const b = base.backend;
    try {
      const first = await b.call('import:preview', { fileName: 'avant.csv', data: new TextEncoder().encode(writePlatformCsv([{ ...(await b.call('dossiers:get', { id: base.ids['N-1']! })).fields }])) });
      await b.call('import:commit', { token: first.token });
      const session = await openSession(base);
      await b.call('sessions:save', { id: session.id, number: '62BIS', date: '2021-04-01', place: session.place, chairId: session.chairId, memberIds: session.members.map((m) => m.memberId) });
      await b.call('decisions:record', { sessionId: session.id, dossierId: base.ids['N-1']!, decision: 'POSITIF', postsGranted: 2, comment: '' });
      const fields = (await b.call('dossiers:get', { id: base.ids['N-1']! })).fields;
      const file = (decision: Partial<DossierFields>) => new TextEncoder().encode(writePlatformCsv([{ ...fields, coselecNumber: '62bis', coselecDate: '2021-04-01', ...decision }]));

      const same = await b.call('import:preview', { fileName: 'pareil.csv', data: file({ status: 'VALIDATION_COSELEC', postsGranted: 2 }) });
      expect(same).toMatchObject({ counts: { unchanged: 1 }, divergences: [] });

      const refused = await b.call('import:preview', { fileName: 'refus.csv', data: file({ status: 'REFUS_COSELEC', postsGranted: null, coselecValidated: false }) });
      expect(refused.divergences.map((d) => [d.platform, d.base.sessionNumber, d.base.decision])).toEqual([[{ sessionNumber: '62bis', sessionDate: '2021-04-01', decision: 'NEGATIF', postsGranted: null }, '62BIS', 'POSITIF']]);
      await b.call('import:commit', { token: refused.token });
      expect(await b.call('dossiers:get', { id: base.ids['N-1']! })).toMatchObject({ status: 'VALIDATION_COSELEC', postsGranted: 2, fields: { coselecNumber: '62BIS' } });
      expect(b.store.db.all("SELECT decision FROM decisions WHERE source = 'platform'")).toEqual([]);
    } finally {
      b.close();
    }
  });
});
