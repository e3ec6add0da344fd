/**
 * Electron main process: only wires. The database runs in a worker thread (database.ts), the UI
 * is served from app://cnfs (app-protocol.ts) in one hardened window (window.ts), browser
 * permissions are refused (permissions.ts) and every contract method goes through setupIpc().
 */
import { app, type BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, setupAppProtocol } from './app-protocol';
import { dbPathFromArgs, openDatabase } from './database';
import { setupIpc } from './ipc';
import { claimSingleInstance, setupQuit } from './lifecycle';
import { setupPermissions } from './permissions';
import { createMainWindow, focusWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));

registerAppScheme();

async function start(): Promise<void> {
  let win: BrowserWindow | null = null;
  if (!claimSingleInstance(() => focusWindow(win))) return;
  await app.whenReady();
  setupPermissions();
  setupAppProtocol(path.join(here, '..', 'renderer'));
  const backend = await openDatabase(dbPathFromArgs(process.argv));
  if (!backend) {
    app.quit();
    return;
  }
  win = createMainWindow(path.join(here, 'preload.cjs'));
  win.on('closed', () => {
    win = null;
  });
  setupIpc(backend, () => win?.webContents ?? null);
  setupQuit(backend);
}

void start();
