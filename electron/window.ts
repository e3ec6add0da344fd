/**
 * The one application window: isolated, sandboxed, no Node; it never navigates away from the app
 * and never opens another window. Links to the outside go to the system browser, and only those of
 * the allowlist (shared/external-links.ts).
 */
import { BrowserWindow, dialog, shell } from 'electron';
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl } from '../shared/external-links';
import { APP_ORIGIN } from './app-protocol';

/** Hands an allowed address to the system browser; says why any other one is not opened. */
function openExternalLink(win: BrowserWindow, url: string): void {
  if (isAllowedExternalUrl(url)) {
    void shell.openExternal(url);
    return;
  }
  void dialog.showMessageBox(win, {
    type: 'info',
    title: 'CNFS Revue',
    message: 'Ce lien n’est pas ouvert.',
    detail: `L’application n’ouvre dans le navigateur que les adresses https de ${EXTERNAL_LINK_HOSTS.join(', ')}. Adresse demandée : ${url.slice(0, 300)}. Copiez-la dans votre navigateur si vous lui faites confiance.`,
  });
}

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
      // A middle click on a link would otherwise open it in a new window of its own.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternalLink(win, url);
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
