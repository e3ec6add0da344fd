/**
 * Electron main process: only wires. The database runs in a worker thread (backend-worker),
 * the UI is served from app://cnfs, and every contract method goes through setupIpc().
 */
import { app, BrowserWindow, dialog, net, protocol, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApiError } from '../shared/api/contract';
import { BackendClient } from './backend/host/backend-client';
import { restorePrevious } from './backend/db/restore';
import { defaultDbPath, localUserName } from './backend/paths';
import { APP_ORIGIN, setupIpc } from './ipc';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function dbPathFromArgs(): string {
  const arg = process.argv.find((a) => a.startsWith('--db='));
  return arg ? arg.slice('--db='.length) : defaultDbPath();
}

/**
 * Opens the database in the worker. A snapshot missing beside its companion files (issue 11) is
 * never replaced by an empty base: the dialog offers to bring back `.prev`, as `restore` does.
 */
async function startBackend(dbPath: string): Promise<BackendClient | null> {
  for (;;) {
    try {
      return await BackendClient.start(new URL('./backend-worker.mjs', import.meta.url), { dbPath, userName: localUserName(), mode: 'electron' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof ApiError && error.code === 'DB_MISSING')) {
        dialog.showErrorBox('CNFS Revue', message);
        return null;
      }
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        title: 'CNFS Revue',
        message: 'La base de données est introuvable',
        detail: message,
        buttons: ['Restaurer la sauvegarde précédente', 'Quitter'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (response !== 0) return null;
      try {
        const restored = await restorePrevious(dbPath);
        await dialog.showMessageBox({ type: 'info', title: 'CNFS Revue', message: 'Sauvegarde précédente restaurée', detail: restored.message });
      } catch (failure) {
        dialog.showErrorBox('CNFS Revue', failure instanceof Error ? failure.message : String(failure));
        return null;
      }
    }
  }
}

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererDir, decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Interdit', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'CNFS Revue',
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    try {
      if (new URL(url).protocol === 'https:') void shell.openExternal(url);
    } catch {
      // Not a URL: nothing to open.
    }
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  serveRenderer();
  const backend = await startBackend(dbPathFromArgs());
  if (!backend) {
    app.quit();
    return;
  }
  let win: BrowserWindow | null = createWindow();
  setupIpc(backend, () => win?.webContents ?? null);
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  win.on('closed', () => {
    win = null;
  });
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void backend.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}

void start();
