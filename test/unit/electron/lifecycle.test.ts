import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '../../../electron/backend/backend';
import { SqliteDb } from '../../../electron/backend/db/sqlite';
import { claimSingleInstance, setupQuit } from '../../../electron/lifecycle';
import { app, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-lifecycle-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('single instance', () => {
  it('holds the lock and brings the window forward on a second launch', () => {
    const focus = vi.fn();
    expect(claimSingleInstance(focus)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance');
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('quits at once when another instance holds the lock', () => {
    app.hasLock = false;
    const focus = vi.fn();
    expect(claimSingleInstance(focus)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.quitted).toBe(true);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('quit', () => {
  it('waits for the database to be saved, then quits', async () => {
    const dbPath = path.join(dir, 'cnfs.sqlite');
    // No idle snapshot during the test: only the quit may write it.
    const backend = await openBackend({ dbPath, userName: 'Test', mode: 'electron', snapshotDelayMs: 3_600_000 });
    await backend.call('demo:generate', { count: 5 });
    expect(fs.statSync(`${dbPath}.journal`).size).toBeGreaterThan(0);
    setupQuit({ close: async () => backend.close() });

    app.quit();
    await app.untilQuit();

    expect(app.quit).toHaveBeenCalledTimes(2);
    expect(fs.statSync(`${dbPath}.journal`).size).toBe(0);
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(false);
    const snapshot = await SqliteDb.open(fs.readFileSync(dbPath));
    expect(snapshot.value<number>('SELECT count(*) FROM dossiers')).toBe(5);
    snapshot.close();
  });

  it('does not quit before the backend has closed', async () => {
    let finish!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    setupQuit({ close });
    app.quit();
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.quitted).toBe(false);
    app.quit();
    expect(close).toHaveBeenCalledTimes(1);
    finish();
    await app.untilQuit();
  });

  it('still quits when saving failed, and says so', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    setupQuit({ close: () => Promise.reject(new Error('ENOSPC: no space left on device')) });
    app.quit();
    await app.untilQuit();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('la base n’a pas été enregistrée (ENOSPC'));
    log.mockRestore();
  });

  it('quits when the last window closes', () => {
    setupQuit({ close: () => Promise.resolve() });
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });
});
