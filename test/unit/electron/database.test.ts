import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/contract';
import { BackendClient } from '../../../electron/backend/host/backend-client';
import { restorePrevious } from '../../../electron/backend/db/restore';
import { SQLJS_WASM_ENV, defaultDbPath } from '../../../electron/backend/paths';
import { backendEnv, dbPathFromArgs, openDatabase } from '../../../electron/database';
import { app, dialog, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
// The real client starts the bundled worker (dist/electron/backend-worker.mjs), which a unit test
// does not have: here it only records how the desktop host starts it.
vi.mock('../../../electron/backend/host/backend-client', () => ({ BackendClient: { start: vi.fn() } }));

vi.mock('../../../electron/backend/db/restore', () => ({ restorePrevious: vi.fn() }));

const start = vi.mocked(BackendClient.start);
const restore = vi.mocked(restorePrevious);

beforeEach(() => {
  resetFakeElectron();
  vi.stubEnv(SQLJS_WASM_ENV, '/tmp/other-sql-wasm.wasm');
});
afterEach(() => vi.unstubAllEnvs());

describe('database path', () => {
  it('takes --db=PATH from the command line, or the default path', () => {
    expect(dbPathFromArgs(['electron', '/app', '--db=/data/cnfs.sqlite'])).toBe('/data/cnfs.sqlite');
    expect(dbPathFromArgs(['electron', '/app'])).toBe(defaultDbPath());
  });
});

describe('sql.js wasm override', () => {
  it('is left out of the worker’s environment in a packaged app only', () => {
    const env = { PATH: '/usr/bin', [SQLJS_WASM_ENV]: '/tmp/evil.wasm' };
    expect(backendEnv(env, true)).toEqual({ PATH: '/usr/bin' });
    expect(backendEnv(env, false)).toEqual(env);
  });

  it('a packaged app starts the backend worker without it', async () => {
    app.isPackaged = true;
    const client = {} as BackendClient;
    start.mockResolvedValueOnce(client);
    await expect(openDatabase('/data/cnfs.sqlite')).resolves.toBe(client);
    const [workerFile, options, env] = start.mock.calls[0] ?? [];
    expect(path.basename(String(workerFile))).toBe('backend-worker.mjs');
    expect(options).toMatchObject({ dbPath: '/data/cnfs.sqlite', mode: 'electron' });
    expect(env).not.toHaveProperty(SQLJS_WASM_ENV);
    expect(env).toHaveProperty('PATH', process.env.PATH);
  });

  it('development keeps it (tests and local builds use it)', async () => {
    start.mockResolvedValueOnce({} as BackendClient);
    await openDatabase('/data/cnfs.sqlite');
    expect(start.mock.calls[0]?.[2]).toHaveProperty(SQLJS_WASM_ENV, '/tmp/other-sql-wasm.wasm');
  });
});

describe('opening failure', () => {
  it('tells the user why in French and returns null', async () => {
    start.mockRejectedValueOnce(new ApiError('DB_LOCKED', 'La base « /data/cnfs.sqlite » est déjà ouverte par un autre programme.'));
    await expect(openDatabase('/data/cnfs.sqlite')).resolves.toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('CNFS Revue', 'La base « /data/cnfs.sqlite » est déjà ouverte par un autre programme.');
  });

  it('offers to restore the previous snapshot when the snapshot is missing, then opens again', async () => {
    const client = {} as BackendClient;
    start.mockRejectedValueOnce(new ApiError('DB_MISSING', 'La base « /data/cnfs.sqlite » est introuvable…')).mockResolvedValueOnce(client);
    restore.mockResolvedValueOnce({ message: 'Sauvegarde précédente restaurée : 12 dossiers.' } as Awaited<ReturnType<typeof restorePrevious>>);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await expect(openDatabase('/data/cnfs.sqlite')).resolves.toBe(client);
    expect(restore).toHaveBeenCalledExactlyOnceWith('/data/cnfs.sqlite');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ buttons: ['Restaurer la sauvegarde précédente', 'Quitter'] }));
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('restores nothing when the user chooses to quit', async () => {
    start.mockRejectedValueOnce(new ApiError('DB_MISSING', 'La base « /data/cnfs.sqlite » est introuvable…'));
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(openDatabase('/data/cnfs.sqlite')).resolves.toBeNull();
    expect(restore).not.toHaveBeenCalled();
  });
});
