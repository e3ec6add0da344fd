// Exchange writes go through the journal like every other write: a crash before any snapshot
// loses none of them (imported versions, authors, scores, ranking, conflicts and their resolution).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { DEFAULT_GRID } from '../../shared/domain/review';
import { AGENT_06, COMMENTS, NATIONAL, exchange, giveOpinion, idOf, openPrefecture, platformCsv } from './exchange-fixtures';
import { useProfile } from './review-fixtures';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-exchange-replay-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('exchange writes and the journal', () => {
  it('are replayed after a crash exactly as they were written', async () => {
    const dbPath = path.join(dir, 'national.sqlite');
    const crashed = path.join(dir, 'crashed', 'national.sqlite');
    const national = await openBackend({ dbPath, userName: 'poste-national', mode: 'cli', snapshotDelayMs: 600_000 });
    const pref06 = await openPrefecture(AGENT_06);
    try {
      await useProfile(national, NATIONAL.name, NATIONAL.role);
      const preview = await national.call('import:preview', { fileName: 'structures.csv', data: platformCsv() });
      await national.call('import:commit', { token: preview.token });
      await exchange(national, pref06, 'exchange:exportDossierPackage', '06');
      await giveOpinion(pref06, '4601', 'FAVORABLE', 2, COMMENTS.fav);
      await pref06.call('scores:record', { dossierId: idOf(pref06, '4601'), gridId: 1, values: Object.fromEntries(DEFAULT_GRID.criteria.map((c) => [c.key, 3])) });
      await pref06.call('ranking:save', { departmentCode: '06', order: [idOf(pref06, '4601')] });
      await exchange(pref06, national, 'exchange:exportPackage', '06');
      await giveOpinion(national, '4601', 'DEFAVORABLE', 0, COMMENTS.def);
      await giveOpinion(pref06, '4601', 'FAVORABLE', 3, COMMENTS.national);
      await exchange(pref06, national, 'exchange:exportPackage', '06');
      const [conflict] = await national.call('exchange:conflicts', {});
      await national.call('exchange:resolveConflict', { id: conflict!.id, keep: 'incoming', comment: 'Arbitrage.' });

      const tables = ['opinions', 'scores', 'rankings', 'profiles', 'exchange_log', 'exchange_origins', 'exchange_merged', 'exchange_conflicts', 'dossiers'];
      // Sorted rows: some of these tables have no rowid to order by.
      const dump = (backend: typeof national) => Object.fromEntries(tables.map((t) => [t, backend.store.db.all(`SELECT * FROM ${t}`).map((r) => JSON.stringify(r)).sort()]));
      const before = dump(national);
      fs.mkdirSync(path.dirname(crashed));
      for (const suffix of ['', '.sha256', '.journal']) fs.copyFileSync(`${dbPath}${suffix}`, `${crashed}${suffix}`);
      const journaled = fs.readFileSync(`${crashed}.journal`, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { action: string }).action);
      expect(journaled.filter((action) => action.startsWith('exchange:'))).toEqual(['exchange:importPackage', 'exchange:importPackage', 'exchange:resolveConflict']);

      const reopened = await openBackend({ dbPath: crashed, userName: 'autre', mode: 'cli' });
      try {
        expect(dump(reopened)).toEqual(before);
        expect(await reopened.call('exchange:conflicts', { status: 'ALL' })).toMatchObject([{ status: 'RESOLVED', choice: 'incoming', resolvedBy: 'Marc Durand', comment: 'Arbitrage.' }]);
      } finally {
        reopened.close();
      }
    } finally {
      national.close();
      pref06.close();
    }
  });
});
