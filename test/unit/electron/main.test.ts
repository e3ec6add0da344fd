import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/contract';
import type * as FakeElectronModule from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// The real client runs the bundled worker (dist/electron/backend-worker.mjs), absent in a unit
// test: this one opens the same backend on the test's thread, on a real database file.
const worker = vi.hoisted(() => ({ failure: null as Error | null, starts: [] as { dbPath: string | null; mode: string }[] }));
vi.mock('../../../electron/backend/host/backend-client', async () => {
  const { openBackend } = await import('../../../electron/backend/backend');
  const { inProcessTransport } = await import('../../../electron/backend/host/in-process');
  return {
    BackendClient: {
      start: async (_workerFile: URL, options: { dbPath: string | null; userName: string; mode: 'electron' }) => {
        worker.starts.push(options);
        if (worker.failure) throw worker.failure;
        const backend = await openBackend({ ...options, snapshotDelayMs: 3_600_000 });
        return { ...inProcessTransport(backend), close: async () => backend.close() };
      },
    },
  };
});

type FakeElectron = typeof FakeElectronModule;

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-main-'));
  dbPath = path.join(dir, 'cnfs.sqlite');
  vi.stubEnv('CNFS_DB', dbPath);
  worker.failure = null;
  worker.starts = [];
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh main process on a fresh fake Electron, as at each launch. */
async function launch(setup: (electron: FakeElectron) => void = () => undefined): Promise<FakeElectron> {
  vi.resetModules();
  // What main.ts will import: the mocked module, i.e. the fake.
  const electron = (await import('electron')) as unknown as FakeElectron;
  electron.resetFakeElectron();
  setup(electron);
  await import('../../../electron/main');
  return electron;
}

describe('main process', () => {
  it('is what Electron starts: package.json names the bundle build.mjs writes for main.ts', () => {
    const { main } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string };
    const build = fs.readFileSync('electron/tools/build.mjs', 'utf8');
    expect(build).toContain("main: 'electron/main.ts'");
    expect(build).toContain("outExtension: { '.js': '.mjs' }");
    expect(main).toBe('dist/electron/main.mjs');
  });

  it('wires the hardened window, permissions, app:// and one handler per method', async () => {
    const { app, BrowserWindow, ipcMain, protocol, session } = await launch();
    const win = await BrowserWindow.first();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(protocol.privileged).toHaveLength(1);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.permissionCheckHandler).not.toBeNull();
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' });
    expect(path.basename(win.options.webPreferences?.preload ?? '')).toBe('preload.cjs');
    expect(worker.starts).toEqual([expect.objectContaining({ dbPath, mode: 'electron' })]);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...API_METHODS].sort());
    expect(app.quitted).toBe(false);
  });

  it('saves the database when the app quits', async () => {
    const { app, BrowserWindow, ipcMain } = await launch();
    await BrowserWindow.first();
    const frame = { url: 'app://cnfs/index.html' };
    expect(await ipcMain.invoke('demo:generate', { frame, mainFrame: frame }, { count: 4 })).toEqual({ ok: true, value: { created: 4 } });
    expect(fs.statSync(`${dbPath}.journal`).size).toBeGreaterThan(0);

    app.quit();
    await app.untilQuit();
    expect(fs.statSync(`${dbPath}.journal`).size).toBe(0);
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(false);
  });

  it('a second launch focuses the window, and does nothing once it is closed', async () => {
    const { app, BrowserWindow } = await launch();
    const win = await BrowserWindow.first();
    app.emit('second-instance');
    expect(win.focus).toHaveBeenCalledTimes(1);
    win.emit('closed');
    app.emit('second-instance');
    expect(win.focus).toHaveBeenCalledTimes(1);
    app.quit();
    await app.untilQuit();
  });

  it('quits at once when another instance is running, without opening the database', async () => {
    const { app, BrowserWindow } = await launch((electron) => {
      electron.app.hasLock = false;
    });
    expect(app.quitted).toBe(true);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(worker.starts).toEqual([]);
    expect(BrowserWindow.created).toEqual([]);
  });

  it('says why and quits when the database cannot be opened, without a window', async () => {
    worker.failure = new Error('La base « cnfs.sqlite » est verrouillée par un autre programme.');
    const { app, BrowserWindow, dialog, ipcMain } = await launch();
    await app.untilQuit();
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('CNFS Revue', 'La base « cnfs.sqlite » est verrouillée par un autre programme.');
    expect(BrowserWindow.created).toEqual([]);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
