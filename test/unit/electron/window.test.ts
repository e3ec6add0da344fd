import type { BrowserWindow as ElectronWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, focusWindow } from '../../../electron/window';
import { BrowserWindow, dialog, fakeEvent, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

// The fake stands in for electron's BrowserWindow: the code under test only ever sees the fake.
const asFake = (win: ElectronWindow) => win as unknown as BrowserWindow;
const asElectron = (win: BrowserWindow) => win as unknown as ElectronWindow;

function openWindow(): BrowserWindow {
  return asFake(createMainWindow('/app/preload.cjs'));
}

function openAttempt(win: BrowserWindow, url: string) {
  const handler = win.webContents.windowOpenHandler;
  if (!handler) throw new Error('no window-open handler');
  return handler({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'no-referrer' } });
}

describe('main window', () => {
  it('is isolated, sandboxed, without Node, with web security and without Auxclick', () => {
    const win = openWindow();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(win.options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('loads the app from app://cnfs and shows itself once ready', () => {
    const win = openWindow();
    expect(win.loadedUrl).toBe('app://cnfs/index.html');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('never navigates away from the app', () => {
    const win = openWindow();
    const navigate = (url: string) => {
      const event = fakeEvent();
      win.webContents.emit('will-navigate', event, url);
      return event.defaultPrevented;
    };
    expect(navigate('app://cnfs/index.html#/dossiers')).toBe(false);
    for (const url of ['https://annuaire-entreprises.data.gouv.fr/', 'http://127.0.0.1:5199/', 'file:///etc/passwd', 'app://cnfs.evil/index.html', 'app://other/index.html']) {
      expect(navigate(url), url).toBe(true);
    }
  });

  it('denies every new window and hands only allowlisted https links to the system browser', () => {
    const win = openWindow();
    expect(openAttempt(win, 'https://annuaire-entreprises.data.gouv.fr/entreprise/130026032')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://annuaire-entreprises.data.gouv.fr/entreprise/130026032');
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('refuses any other address, says so, and opens nothing', () => {
    const win = openWindow();
    const refused = ['http://annuaire-entreprises.data.gouv.fr/', 'https://evil.example/', 'https://annuaire-entreprises.data.gouv.fr.evil.example/', 'file:///etc/passwd', 'app://cnfs/index.html', 'javascript:alert(1)', 'pas une adresse'];
    for (const url of refused) expect(openAttempt(win, url), url).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(refused.length);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(win, expect.objectContaining({ message: 'Ce lien n’est pas ouvert.', detail: expect.stringContaining('https://evil.example/') }));
  });

  it('a second launch restores and focuses the window', () => {
    const win = openWindow();
    win.minimized = true;
    focusWindow(asElectron(win));
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    expect(() => focusWindow(null)).not.toThrow();
  });
});
