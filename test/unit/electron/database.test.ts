import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/contract';
import { BackendClient } from '../../../electron/backend/host/backend-client';
import { defaultDbPath } from '../../../electron/backend/paths';
import { dbPathFromArgs, openDatabase } from '../../../electron/database';
import { dialog, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
// The real client starts the bundled worker (dist/electron/backend-worker.mjs), which a unit test
// does not have: here it only records how the desktop host starts it.
vi.mock('../../../electron/backend/host/backend-client', () => ({ BackendClient: { start: vi.fn() } }));

const start = vi.mocked(BackendClient.start);

beforeEach(() => resetFakeElectron());

describe('database path', () => {
  it('takes --db=PATH from the command line, or the default path', () => {
    expect(dbPathFromArgs(['electron', '/app', '--db=/data/cnfs.sqlite'])).toBe('/data/cnfs.sqlite');
    expect(dbPathFromArgs(['electron', '/app'])).toBe(defaultDbPath());
  });
});

describe('opening', () => {
  it('starts the backend worker on the database in electron mode', async () => {
    const client = {} as BackendClient;
    start.mockResolvedValueOnce(client);
    await expect(openDatabase('/data/cnfs.sqlite')).resolves.toBe(client);
    const [workerFile, options] = start.mock.calls[0] ?? [];
    expect(path.basename(String(workerFile))).toBe('backend-worker.mjs');
    expect(options).toMatchObject({ dbPath: '/data/cnfs.sqlite', mode: 'electron' });
  });
});

describe('opening failure', () => {
  it('tells the user why in French and returns null', async () => {
    start.mockRejectedValueOnce(new ApiError('DB_LOCKED', 'La base « /data/cnfs.sqlite » est déjà ouverte par un autre programme.'));
    await expect(openDatabase('/data/cnfs.sqlite')).resolves.toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('CNFS Revue', 'La base « /data/cnfs.sqlite » est déjà ouverte par un autre programme.');
  });
});
