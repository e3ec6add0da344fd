import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { openBackend, type Backend } from '../../../electron/backend/backend';
import type { ApiTransport } from '../../../electron/backend/host/api-transport';
import { inProcessTransport } from '../../../electron/backend/host/in-process';
import { setupIpc, type IpcEnvelope } from '../../../electron/ipc';
import { API_METHODS } from '../../../shared/api/contract';
import { BrowserWindow, ipcMain, resetFakeElectron, type FakeFrame } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let backend: Backend;
let transport: ApiTransport & { call: ReturnType<typeof vi.fn> };

beforeAll(async () => {
  backend = await openBackend({ dbPath: null, userName: 'Test', mode: 'electron' });
});
afterAll(() => backend.close());
beforeEach(() => {
  resetFakeElectron();
  const real = inProcessTransport(backend);
  transport = { call: vi.fn(real.call), onEvent: real.onEvent } as typeof transport;
});

const appFrame = (): FakeFrame => ({ url: 'app://cnfs/index.html#/dossiers' });

function invoke(method: string, request: unknown, sender: { frame: FakeFrame; mainFrame: FakeFrame }) {
  return ipcMain.invoke(method, sender, request) as Promise<IpcEnvelope>;
}

describe('IPC handlers', () => {
  it('registers one handler per contract method, and nothing else', () => {
    setupIpc(transport, () => null);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...API_METHODS].sort());
  });

  it('answers our own page with the backend’s value', async () => {
    setupIpc(transport, () => null);
    const frame = appFrame();
    const envelope = await invoke('app:info', {}, { frame, mainFrame: frame });
    expect(envelope).toMatchObject({ ok: true, value: { mode: 'electron', userName: 'Test' } });
  });

  it('returns the backend’s refusal as a code and a French message, never an exception', async () => {
    setupIpc(transport, () => null);
    const frame = appFrame();
    const envelope = await invoke('dossiers:get', { id: 'pas un nombre' }, { frame, mainFrame: frame });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('BAD_REQUEST');
  });

  it('refuses a foreign page, a subframe and a frame that has gone, without calling the backend', async () => {
    setupIpc(transport, () => null);
    const main = appFrame();
    const senders = [
      { frame: { url: 'https://evil.example/' }, mainFrame: { url: 'https://evil.example/' } },
      { frame: { url: 'app://cnfs.evil/index.html' }, mainFrame: { url: 'app://cnfs.evil/index.html' } },
      { frame: { url: 'file:///tmp/page.html' }, mainFrame: { url: 'file:///tmp/page.html' } },
      // An iframe of our own page, even on our origin, is not the page.
      { frame: { url: 'app://cnfs/index.html' }, mainFrame: main },
      { frame: null as unknown as FakeFrame, mainFrame: main },
    ];
    for (const sender of senders) {
      expect(await invoke('dossiers:list', {}, sender), sender.frame?.url ?? 'null').toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : origine inconnue.' } });
    }
    expect(transport.call).not.toHaveBeenCalled();
  });

  it('forwards backend events to the window, and stops on teardown', async () => {
    const win = new BrowserWindow({});
    const teardown = setupIpc(transport, () => win.webContents as unknown as WebContents);
    await backend.call('demo:generate', { count: 2 });
    expect(win.webContents.send).toHaveBeenCalledWith('db:changed', expect.objectContaining({ tables: expect.arrayContaining(['dossiers']) }));
    teardown();
    expect(ipcMain.handlers.size).toBe(0);
    win.webContents.send.mockClear();
    await backend.call('demo:generate', { count: 1 });
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});
