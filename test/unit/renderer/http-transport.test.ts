import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, ApiError } from '../../../shared/api/contract';
import { fromWire, toWire } from '../../../shared/api/wire';
import { createHttpApi, createSseEvents } from '../../../renderer/api/http-transport';
import type { FetchLike } from '../../../renderer/api/http-transport';

function respond(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
}

function setup(reply: () => Promise<Response>, token: string | null = 'secret') {
  const fetch = vi.fn<FetchLike>(reply);
  const api = createHttpApi({ fetch, getToken: () => token });
  return { api, fetch };
}

describe('createHttpApi', () => {
  it('has one function per contract method', () => {
    const { api } = setup(async () => respond(200, '{}'));
    for (const method of API_METHODS) expect(typeof api[method]).toBe('function');
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
  });

  it('POSTs the wire-encoded request to /api/<method> with the bearer token', async () => {
    const { api, fetch } = setup(async () => respond(200, toWire({ rows: [], total: 0, postsRequested: 0 })));
    const page = await api['dossiers:list']({ departments: ['2A'], offset: 0, limit: 50 });

    expect(page).toEqual({ rows: [], total: 0, postsRequested: 0 });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/dossiers:list');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer secret');
    expect(JSON.parse(init?.body as string)).toEqual({ departments: ['2A'], offset: 0, limit: 50 });
  });

  it('sends file bytes as base64 and decodes bytes in responses', async () => {
    const template = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff]);
    const { api, fetch } = setup(async () => respond(200, toWire({ fileName: 'modele.xlsx', data: template })));
    const data = new Uint8Array([0xef, 0xbb, 0xbf, 0x41]);

    await api['import:preview']({ fileName: 'a.csv', data });
    const sent = fromWire<{ data: Uint8Array }>(fetch.mock.calls[0]?.[1].body as string);
    expect(sent.data).toEqual(data);
    expect(JSON.parse(fetch.mock.calls[0]?.[1].body as string).data).toEqual({ $bytes: '77u/QQ==' });

    const received = await api['import:template']({});
    expect(received.data).toBeInstanceOf(Uint8Array);
    expect([...received.data]).toEqual([...template]);
  });

  it('omits the Authorization header when there is no token', async () => {
    const { api, fetch } = setup(async () => respond(200, '{}'), null);
    await api['app:info']({});
    expect((fetch.mock.calls[0]?.[1].headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('throws the backend error with its code and French message', async () => {
    const { api } = setup(async () => respond(400, JSON.stringify({ code: 'NOT_FOUND', message: 'Dossier introuvable.' })));
    const error = await api['dossiers:get']({ id: 42 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Dossier introuvable.' });
  });

  it('explains a rejected token even without a JSON body', async () => {
    const { api } = setup(async () => new Response('nope', { status: 401 }));
    await expect(api['app:info']({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('turns a non-JSON server error into a generic French error', async () => {
    const { api } = setup(async () => new Response('<html>502</html>', { status: 502 }));
    await expect(api['app:info']({})).rejects.toMatchObject({ code: 'HTTP_ERROR', message: expect.stringContaining('HTTP 502') });
  });

  it('reports an unreachable server as a network error', async () => {
    const { api } = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api['app:info']({})).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringContaining('serveur local') });
  });
});

class FakeEventSource {
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  emit(name: string, data: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) listener(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

describe('createSseEvents', () => {
  it('opens one EventSource lazily and dispatches db:changed payloads', () => {
    const sources: FakeEventSource[] = [];
    const open = vi.fn((url: string) => {
      expect(url).toBe('/api/events?token=abc');
      const source = new FakeEventSource();
      sources.push(source);
      return source;
    });
    const events = createSseEvents('/api/events?token=abc', open);
    expect(open).not.toHaveBeenCalled();

    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = events.on('db:changed', first);
    events.on('db:changed', second);
    expect(open).toHaveBeenCalledTimes(1);

    sources[0]?.emit('db:changed', { tables: ['dossiers'] });
    expect(first).toHaveBeenCalledWith({ tables: ['dossiers'] });
    expect(second).toHaveBeenCalledTimes(1);

    stopFirst();
    sources[0]?.emit('db:changed', { tables: ['decisions'] });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenLastCalledWith({ tables: ['decisions'] });
  });
});
