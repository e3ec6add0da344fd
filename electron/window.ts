/**
 * The one application window: isolated, sandboxed, no Node; it never navigates away from the app
 * and never opens another window. https links go to the system browser.
 */
import { BrowserWindow, shell } from 'electron';
import { APP_ORIGIN } from './app-protocol';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'CNFS Revue',
    show: false,
    webPreferences: {
      preload: preloadPath,
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

/** A second launch brings the existing window forward instead of opening another database. */
export function focusWindow(win: BrowserWindow | null): void {
  if (win?.isMinimized()) win.restore();
  win?.focus();
}
