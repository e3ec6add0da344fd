/**
 * The journal replays rows, not statements: after a crash, the base rebuilt from the snapshot and
 * the journal holds exactly the rows of the live base, table by table, and the same search index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { verifyJournalChain } from '../../electron/backend/db/journal-verify';
import { DOSSIERS, heldSession, openCommitteeBase } from './committee-fixtures';
import { GOOD_COMMENT, importDossiers, useProfile } from './review-fixtures';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-journal-replay-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every table of the base but the search index's own (its bytes depend on how it was built). */
function everyTable(backend: Backend): Record<string, string[]> {
  const db = backend.store.db;
  const tables = db.all<{ name: string }>("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((t) => t.name);
  expect(tables).toEqual(expect.arrayContaining(['journal', 'dossiers', 'decisions', 'committee_sessions', 'opinions', 'agenda_items']));
  // Sorted rows: some tables have no rowid to order by.
  return Object.fromEntries(tables.map((t) => [t, db.all(`SELECT * FROM "${t}"`).map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))).sort()]));
}

function searchIndex(backend: Backend, words: string[]): Record<string, number[]> {
  const db = backend.store.db;
  // FTS4 checks that the index holds exactly the content table's rows, or throws.
  db.run("INSERT INTO dossiers_fts (dossiers_fts) VALUES ('integrity-check')");
  return Object.fromEntries(words.map((w) => [w, db.all<{ docid: number }>('SELECT docid FROM dossiers_fts WHERE dossiers_fts MATCH ? ORDER BY docid', [w]).map((r) => r.docid)]));
}

/** The files a crash leaves (snapshot of the creation, journal of every write since), then a reopening. */
async function crashAndReopen(backend: Backend, dbPath: string): Promise<Backend> {
  const crashed = path.join(dir, 'crashed', 'base.sqlite');
  fs.mkdirSync(path.dirname(crashed));
  for (const suffix of ['', '.sha256', '.journal']) fs.copyFileSync(`${dbPath}${suffix}`, `${crashed}${suffix}`);
  expect(fs.statSync(`${crashed}.journal`).size).toBeGreaterThan(0);
  return openBackend({ dbPath: crashed, userName: 'autre-compte', mode: 'cli' });
}

describe('journal replay', () => {
  it('an import, opinions, a re-import, a ranking and a sealed, amended committee session come back row for row', async () => {
    const dbPath = path.join(dir, 'base.sqlite');
    const base = await openCommitteeBase(dbPath);
    const { backend, ids } = base;
    const session = await heldSession(base);
    await backend.call('minutes:validate', { sessionId: session.id });
    await backend.call('amendments:create', { sessionId: session.id, reason: 'Erreur matérielle sur le nombre de postes.', decisions: [{ dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 1, comment: '' }] });
    // Updates and deletions too: a renamed dossier (its search entry follows), a new ranking.
    await useProfile(backend, 'Anne ANCT', 'ADMIN');
    await importDossiers(backend, DOSSIERS.map((d) => (d.externalId === 'N-2' ? { ...d, name: 'Centre social des Tilleuls' } : d)), 'committee-2.json');
    await backend.call('ranking:save', { departmentCode: '06', order: [ids['N-3']!, ids['N-1']!] });
    await backend.call('ranking:save', { departmentCode: '06', order: [ids['N-1']!, ids['N-3']!] });
    const words = ['tilleuls', 'moulins', 'emmaus', 'marseille', 'lien'];
    const live = everyTable(backend);
    const liveSearch = searchIndex(backend, words);
    expect(liveSearch.tilleuls).toEqual([ids['N-2']]);
    expect(liveSearch.moulins).toEqual([]);

    const reopened = await crashAndReopen(backend, dbPath);
    backend.close();
    try {
      expect(everyTable(reopened)).toEqual(live);
      expect(searchIndex(reopened, words)).toEqual(liveSearch);
      expect(verifyJournalChain(reopened.store.db)).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('a bulk demo import (search index rebuilt at once) and an opinion come back row for row', async () => {
    const dbPath = path.join(dir, 'base.sqlite');
    const backend = await openBackend({ dbPath, userName: 'compte-systeme', mode: 'cli', snapshotDelayMs: 600_000 });
    await backend.call('demo:generate', { count: 700 });
    const first = (await backend.call('dossiers:list', { limit: 1 })).rows[0]!;
    await useProfile(backend, 'Claire Martin', 'PREFECTURE', [first.departmentCode]);
    await backend.call('opinions:record', { dossierId: first.id, opinion: 'FAVORABLE', postsSupported: 1, comment: GOOD_COMMENT });
    const words = ['association', 'commune', 'centre'];
    const live = everyTable(backend);
    const liveSearch = searchIndex(backend, words);
    expect(liveSearch.association!.length).toBeGreaterThan(0);

    const reopened = await crashAndReopen(backend, dbPath);
    backend.close();
    try {
      expect(everyTable(reopened)).toEqual(live);
      expect(searchIndex(reopened, words)).toEqual(liveSearch);
    } finally {
      reopened.close();
    }
  });
});
