import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ApiError } from '../../../shared/api/contract';
import type { Api } from '../../../shared/api/contract';
import { captureToken } from '../../../renderer/api/token';
import { toApiError } from '../../../renderer/lib/errors';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('captureToken', () => {
  it('takes the token from the hash, keeps it and cleans the address bar', () => {
    const storage = memoryStorage();
    const replaceState = vi.fn();
    const token = captureToken({ location: { hash: '#token=abc-123', pathname: '/', search: '' }, history: { replaceState }, storage });
    expect(token).toBe('abc-123');
    expect(storage.getItem('cnfs-review.token')).toBe('abc-123');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('falls back to the stored token after a reload', () => {
    const storage = memoryStorage();
    storage.setItem('cnfs-review.token', 'kept');
    const replaceState = vi.fn();
    const token = captureToken({ location: { hash: '#/dossiers/12', pathname: '/', search: '' }, history: { replaceState }, storage });
    expect(token).toBe('kept');
    expect(replaceState).not.toHaveBeenCalled();
  });
});

describe('toApiError', () => {
  it('rebuilds errors the Electron preload encoded in the message', () => {
    const error = toApiError(new Error('Error invoking remote method: cnfs-api-error:{"code":"NOT_FOUND","message":"Dossier introuvable."}'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Dossier introuvable.' });
  });

  it('keeps plain { code, message } objects and wraps anything else', () => {
    expect(toApiError({ code: 'X', message: 'Message.' })).toMatchObject({ code: 'X', message: 'Message.' });
    expect(toApiError(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'Erreur inattendue : boom' });
  });
});

describe('api client transport selection', () => {
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses the Electron bridge when the preload exposed it', async () => {
    const bridge = Object.fromEntries(API_METHODS.map((method) => [method, vi.fn(async () => ({ from: method }))])) as unknown as Api;
    const on = vi.fn(() => () => undefined);
    const fetch = vi.fn();
    vi.stubGlobal('window', { cnfsApi: bridge, cnfsEvents: { on }, fetch });

    const { api, onEvent } = await import('../../../renderer/api/client');
    await expect(api['app:info']({})).resolves.toEqual({ from: 'app:info' });
    onEvent('db:changed', () => undefined);
    expect(on).toHaveBeenCalledWith('db:changed', expect.any(Function));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('turns bridge failures into ApiError', async () => {
    const bridge = Object.fromEntries(
      API_METHODS.map((method) => [method, vi.fn(async () => Promise.reject(new Error('cnfs-api-error:{"code":"VALIDATION","message":"Requête invalide."}')))]),
    ) as unknown as Api;
    vi.stubGlobal('window', { cnfsApi: bridge, cnfsEvents: { on: vi.fn() } });

    const { api } = await import('../../../renderer/api/client');
    await expect(api['dossiers:get']({ id: 1 })).rejects.toMatchObject({ code: 'VALIDATION', message: 'Requête invalide.' });
  });

  it('falls back to HTTP with the token read from the hash', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async () => new Response(JSON.stringify({ created: 500 }), { status: 200 }));
    const opened: string[] = [];
    vi.stubGlobal('window', {
      location: { hash: '#token=t0k', pathname: '/', search: '' },
      history: { replaceState: vi.fn() },
      sessionStorage: storage,
      fetch,
    });
    vi.stubGlobal(
      'EventSource',
      class {
        constructor(url: string) {
          opened.push(url);
        }
        addEventListener(): void {}
      },
    );

    const { api, onEvent } = await import('../../../renderer/api/client');
    await expect(api['demo:generate']({ count: 500 })).resolves.toEqual({ created: 500 });
    expect(fetch).toHaveBeenCalledWith('/api/demo:generate', expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer t0k' }) }));

    onEvent('db:changed', () => undefined);
    expect(opened).toEqual(['/api/events?token=t0k']);
  });
});
