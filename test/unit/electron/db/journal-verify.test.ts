import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../../electron/backend/db/store';
import { unpackBody } from '../../../../electron/backend/db/journal';
import { verifyJournalChain } from '../../../../electron/backend/db/journal-verify';

let store: Store;
const insertBatch = (name: string, rejections = '[]') =>
  store.write({ action: 'test', user: 'Testeur', summary: { name } }, (tx) =>
    tx.run("INSERT INTO import_batches (file_name, file_hash, format, imported_at, imported_by, total, created, updated, unchanged, rejected, rejections) VALUES (?, 'h', 'csv', '2026-01-01', 'x', 0, 0, 0, 0, 0, ?)", [name, rejections]),
  );
const body = (seq: number) => unpackBody(store.db.value<string | Uint8Array>('SELECT body FROM journal WHERE seq = ?', [seq])!);

beforeEach(async () => {
  store = await Store.open({ path: null });
  insertBatch('a.csv');
  // Long enough to be stored compressed.
  insertBatch('b.csv', JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ row: i, reason: 'Département absent' }))));
  insertBatch('c.csv');
  insertBatch('d.csv');
});
afterEach(() => store.close());

describe('verifyJournalChain', () => {
  it('is clean on an intact base, short and compressed bodies alike', () => {
    expect(store.db.value("SELECT typeof(body) FROM journal WHERE seq = 2")).toBe('blob');
    expect(store.db.value("SELECT typeof(body) FROM journal WHERE seq = 1")).toBe('text');
    expect(verifyJournalChain(store.db)).toEqual([]);
  });

  it('finds an edited body, located by its entry', () => {
    store.db.run('UPDATE journal SET body = ? WHERE seq = 3', [body(3).replace('c.csv', 'z.csv')]);
    expect(verifyJournalChain(store.db)).toEqual([{ kind: 'journal-hash', where: 'journal, entrée n° 3', message: expect.stringContaining('a été modifié') }]);
  });

  it('finds a broken link, a missing entry and a removed body', () => {
    store.db.run("UPDATE journal SET prev_hash = ? WHERE seq = 2", ['f'.repeat(64)]);
    expect(verifyJournalChain(store.db).map((f) => [f.kind, f.where])).toEqual([
      ['journal-link', 'journal, entrée n° 2'],
      // Its body was hashed with the true link.
      ['journal-hash', 'journal, entrée n° 2'],
    ]);
    store.db.run("UPDATE journal SET prev_hash = (SELECT hash FROM journal WHERE seq = 1) WHERE seq = 2");
    store.db.run('DELETE FROM journal WHERE seq = 3');
    store.db.run('UPDATE journal SET body = NULL WHERE seq = 4');
    expect(verifyJournalChain(store.db).map((f) => [f.kind, f.where])).toEqual([
      ['journal-seq', 'journal, entrée n° 4'],
      ['journal-link', 'journal, entrée n° 4'],
      ['journal-body', 'journal, entrée n° 4'],
    ]);
  });

  it('finds an audit column that no longer says what the sealed body says', () => {
    store.db.run("UPDATE journal SET user_name = 'Quelqu’un d’autre', summary = '{}' WHERE seq = 2");
    const [finding, ...rest] = verifyJournalChain(store.db);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'journal-row', where: 'journal, entrée n° 2' });
    expect(finding!.message).toContain('(user_name, summary)');
  });

  it('checks only the links of entries recorded before bodies were kept', () => {
    store.db.run('UPDATE journal SET body = NULL WHERE seq <= 2');
    expect(verifyJournalChain(store.db)).toEqual([]);
    store.db.run("UPDATE journal SET prev_hash = ? WHERE seq = 2", ['f'.repeat(64)]);
    expect(verifyJournalChain(store.db).map((f) => f.kind)).toEqual(['journal-link']);
  });
});
