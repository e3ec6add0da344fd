import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { committeeRows, heldSession, openCommitteeBase } from './committee-fixtures';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-committee-replay-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('committee writes and the journal', () => {
  it('a crash before any snapshot loses nothing: sessions, decisions, sealed minutes, amendments and dossiers are replayed', async () => {
    const dbPath = path.join(dir, 'base.sqlite');
    const crashed = path.join(dir, 'crashed', 'base.sqlite');
    const base = await openCommitteeBase(dbPath);
    const { backend, ids } = base;
    const session = await heldSession(base);
    await backend.call('minutes:validate', { sessionId: session.id });
    await backend.call('amendments:create', { sessionId: session.id, reason: 'Erreur matérielle sur le nombre de postes.', decisions: [{ dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 1, comment: '' }] });
    const detail = await backend.call('sessions:get', { id: session.id });
    const decisions = await backend.call('decisions:list', {});
    const history = await backend.call('sessions:history', { sessionId: session.id });
    const dossier = await backend.call('dossiers:get', { id: ids['N-1']! });
    const stats = await backend.call('stats:departments', {});
    const rows = committeeRows(backend);
    // What a crash leaves: the snapshot taken at creation and the journal of every write since.
    fs.mkdirSync(path.dirname(crashed));
    for (const suffix of ['', '.sha256', '.journal']) fs.copyFileSync(`${dbPath}${suffix}`, `${crashed}${suffix}`);
    backend.close();

    const reopened = await openBackend({ dbPath: crashed, userName: 'autre-compte', mode: 'cli' });
    try {
      expect(await reopened.call('sessions:get', { id: session.id })).toEqual(detail);
      expect(await reopened.call('decisions:list', {})).toEqual(decisions);
      expect(await reopened.call('sessions:history', { sessionId: session.id })).toEqual(history);
      expect(await reopened.call('dossiers:get', { id: ids['N-1']! })).toEqual(dossier);
      expect(await reopened.call('stats:departments', {})).toEqual(stats);
      expect(committeeRows(reopened)).toEqual(rows);
      // Still sealed after the replay.
      await expect(reopened.call('decisions:record', { sessionId: session.id, dossierId: ids['N-1']!, decision: 'POSITIF', postsGranted: 2, comment: '' })).rejects.toMatchObject({ code: 'SEALED' });
    } finally {
      reopened.close();
    }
  });
});
