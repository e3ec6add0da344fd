import { describe, expect, it, vi } from 'vitest';
import { fromBridgeMessage } from '../../../shared/api/bridge-error';
import { API_METHODS, type Api, type ApiEvents } from '../../../shared/api/contract';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// The preload exposes its bridges when loaded, as it does in the sandboxed page.
await import('../../../electron/preload');

const api = contextBridge.exposed.get('cnfsApi') as Record<string, (request: unknown) => Promise<unknown>>;
const events = contextBridge.exposed.get('cnfsEvents') as { on<E extends keyof ApiEvents>(name: E, listener: (payload: ApiEvents[E]) => void): () => void };

describe('preload', () => {
  it('exposes the API and the events, nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['cnfsApi', 'cnfsEvents']);
    expect(Object.keys(events)).toEqual(['on']);
  });

  it('exposes exactly one function per contract method', () => {
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof api[method], method).toBe('function');
  });

  it('invokes the method’s own channel and returns the value', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { created: 3 } });
    const request: Parameters<Api['demo:generate']>[0] = { count: 3 };
    await expect(api['demo:generate']?.(request)).resolves.toEqual({ created: 3 });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('demo:generate', request);
  });

  it('rethrows a refusal with its code and French message for the renderer’s client', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'Hors de votre périmètre.' } });
    const error = await api['dossiers:get']?.({ id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    // As Electron delivers it to the page: its own words before ours.
    expect(fromBridgeMessage(`Error invoking remote method 'dossiers:get': ${(error as Error).message}`)).toEqual({ code: 'FORBIDDEN', message: 'Hors de votre périmètre.' });
  });

  it('passes events to a listener until it unsubscribes', () => {
    const listener = vi.fn();
    const off = events.on('db:changed', listener);
    ipcRenderer.emit('db:changed', {}, { tables: ['dossiers'] });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ tables: ['dossiers'] });
    off();
    ipcRenderer.emit('db:changed', {}, { tables: ['opinions'] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('db:changed')).toBe(0);
  });
});
