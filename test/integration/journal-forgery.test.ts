/**
 * Forged journal lines, correctly chained and hashed (whoever can write the file can compute the
 * hash): the journal holds data, replayed only through the validated path, so the worst a forger
 * gets is a refusal; the files stay exactly as they were.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { SqliteDb } from '../../electron/backend/db/sqlite';
import { entryDigest } from '../../electron/backend/db/journal';
import { heldSession, openCommitteeBase } from './committee-fixtures';

let dir: string;
let sealed: string;
let head: { seq: number; hash: string };
let decisionColumns: string[];
let decision: (string | number | null)[];
let settingsRow: (string | number | null)[];

const SUFFIXES = ['', '.sha256', '.journal'];

function copyBase(name: string): string {
  const to = path.join(dir, name, 'base.sqlite');
  fs.mkdirSync(path.dirname(to));
  for (const suffix of SUFFIXES) if (fs.existsSync(`${sealed}${suffix}`)) fs.copyFileSync(`${sealed}${suffix}`, `${to}${suffix}`);
  return to;
}

/** A line as the store writes it, with a hash the forger computed. */
function chainedLine(fields: Record<string, unknown>, seq = head.seq + 1, prev = head.hash): string {
  const body = JSON.stringify({ seq, at: '2026-12-08T02:00:00.000Z', user: 'Faussaire', action: 'decisions:record', summary: {}, ...fields });
  return `${body.slice(0, -1)},"prev":"${prev}","hash":"${entryDigest(prev, body)}"}\n`;
}

/** Each file's digest (comparing megabytes of bytes through expect is slow). */
const files = (file: string) => SUFFIXES.map((s) => (fs.existsSync(`${file}${s}`) ? createHash('sha256').update(fs.readFileSync(`${file}${s}`)).digest('hex') : null));

async function expectRefused(name: string, line: string, message: RegExp): Promise<void> {
  const file = copyBase(name);
  fs.writeFileSync(`${file}.journal`, line);
  const before = files(file);
  const error = await openBackend({ dbPath: file, userName: 'x', mode: 'cli' }).then(
    (b) => (b.close(), null),
    (e: Error & { code?: string }) => e,
  );
  expect(error).toMatchObject({ code: 'DB_JOURNAL' });
  expect(error!.message).toContain(`L’entrée n° ${head.seq + 1} du journal « ${file}.journal »`);
  expect(error!.message).toMatch(message);
  expect(error!.message).toContain('la base n’a pas été ouverte ni modifiée');
  expect(files(file)).toEqual(before);
  expect(fs.existsSync(`${file}.lock`)).toBe(false);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-journal-forgery-'));
  sealed = path.join(dir, 'source', 'base.sqlite');
  const base = await openCommitteeBase(sealed);
  const session = await heldSession(base);
  await base.backend.call('minutes:validate', { sessionId: session.id });
  base.backend.close();
  const db = await SqliteDb.open(fs.readFileSync(sealed));
  head = db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1')!;
  decisionColumns = db.all<{ name: string }>("SELECT name FROM pragma_table_info('decisions') ORDER BY cid").map((c) => c.name);
  decision = db.row("SELECT * FROM decisions WHERE session_id = ? AND decision = 'POSITIF' ORDER BY id LIMIT 1", [session.id]) as (string | number | null)[];
  settingsRow = db.row("SELECT * FROM settings ORDER BY key LIMIT 1") as (string | number | null)[];
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const postsAt = () => decisionColumns.indexOf('posts_granted');

describe('a forged journal line', () => {
  it('changing a sealed decision is refused by the schema’s sealing trigger', async () => {
    const after = [...decision];
    after[postsAt()] = 40;
    await expectRefused('sealed', chainedLine({ columns: { decisions: decisionColumns }, changes: [{ table: 'decisions', op: 'update', key: decision[0], before: decision, after }] }), /Procès-verbal validé : ses décisions sont en lecture seule/);
  });

  it('in the earlier SQL format is never executed: the open is refused and says how to proceed', async () => {
    const line = chainedLine({ sql: ['DROP TRIGGER decisions_sealed_update; UPDATE decisions SET posts_granted = 40'], ops: [[0, []]] });
    await expectRefused('legacy', line, /version antérieure de CNFS Revue.*restaurez la sauvegarde « .*\.prev »/);
  });

  it.each([
    ['journal', 'the journal table'],
    ['schema_migrations', 'the migrations'],
    ['sqlite_master', 'SQLite’s own schema'],
    ['dossiers_fts_segments', 'a shadow table of the search index'],
  ])('writing to %s (%s) is refused', async (table) => {
    const line = chainedLine({ columns: { [table]: ['seq'] }, changes: [{ table, op: 'delete', key: 1, before: [1], after: null }] });
    await expectRefused(`table-${table}`, line, new RegExp(`écrit dans « ${table} », qui n’est pas une table de données`));
  });

  it('naming a column the table does not have is refused', async () => {
    const columns = [...decisionColumns, 'evil'];
    const after = [...decision, 'x'];
    await expectRefused('column', chainedLine({ columns: { decisions: columns }, changes: [{ table: 'decisions', op: 'insert', key: 999, before: null, after }] }), /ne donne pas les colonnes de la table « decisions »/);
  });

  it('whose before-image is not the current row is refused', async () => {
    const before = [...settingsRow];
    before[1] = 'autre valeur';
    await expectRefused('before', chainedLine({ columns: { settings: ['key', 'value'] }, changes: [{ table: 'settings', op: 'update', key: [settingsRow[0]], before, after: [settingsRow[0], 'forgé'] }] }), /ne correspond pas à la base : la modification n° 1 \(table « settings », clé "/);
  });

  it('inserting a row that exists is refused', async () => {
    await expectRefused('collide', chainedLine({ columns: { settings: ['key', 'value'] }, changes: [{ table: 'settings', op: 'insert', key: [settingsRow[0]], before: null, after: [settingsRow[0], 'forgé'] }] }), /ajoute une ligne qui existe déjà/);
  });

  it('with a value that is not an SQLite scalar is refused', async () => {
    await expectRefused('value', chainedLine({ columns: { settings: ['key', 'value'] }, changes: [{ table: 'settings', op: 'insert', key: ['k'], before: null, after: ['k', { sql: 'DROP TABLE decisions' }] }] }), /colonne « value »\) dont la valeur n’est pas une valeur SQLite/);
  });

  it('the same valid change applies: the path refuses forgeries, not data', async () => {
    const file = copyBase('valid');
    fs.writeFileSync(`${file}.journal`, chainedLine({ columns: { settings: ['key', 'value'] }, changes: [{ table: 'settings', op: 'update', key: [settingsRow[0]], before: settingsRow, after: [settingsRow[0], settingsRow[1]] }] }));
    const backend = await openBackend({ dbPath: file, userName: 'x', mode: 'cli' });
    try {
      expect(backend.store.version).toBe(head.seq + 1);
      expect(backend.store.db.value('SELECT user_name FROM journal WHERE seq = ?', [head.seq + 1])).toBe('Faussaire');
    } finally {
      backend.close();
    }
  });

  it('an entry of the earlier format already folded into the snapshot is only checked by its hash', async () => {
    const file = copyBase('folded');
    const db = await SqliteDb.open(fs.readFileSync(file));
    const prev = db.value<string>('SELECT prev_hash FROM journal WHERE seq = ?', [head.seq])!;
    db.close();
    // The SQL is never looked at: its line carries the hash the snapshot's journal row holds.
    const line = `{"seq":${head.seq},"at":"x","user":"x","action":"x","summary":{},"sql":["DROP TABLE decisions"],"ops":[[0,[]]],"prev":"${prev}","hash":"${head.hash}"}\n`;
    fs.writeFileSync(`${file}.journal`, line);
    const backend = await openBackend({ dbPath: file, userName: 'x', mode: 'cli' });
    try {
      expect(backend.store.version).toBe(head.seq);
      expect(backend.store.db.value('SELECT count(*) FROM decisions')).toBeGreaterThan(0);
    } finally {
      backend.close();
    }
  });
});
