/**
 * Browser-mode transport: the contract over HTTP to the local server
 * (POST /api/<method>, wire-encoded JSON, bearer token) and its events over Server-Sent Events.
 */
import { API_METHODS, ApiError } from '../../shared/api/contract';
import type { Api, ApiEventName, ApiEvents, ApiMethod } from '../../shared/api/contract';
import { fromWire, toWire } from '../../shared/api/wire';
import type { EventsBridge } from './bridge';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpTransportOptions {
  fetch: FetchLike;
  getToken: () => string | null;
  baseUrl?: string;
}

function errorFromResponse(status: number, text: string): ApiError {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') {
      const { code, message, details } = body as Record<string, unknown>;
      if (typeof code === 'string' && typeof message === 'string') return new ApiError(code, message, details);
    }
  } catch {
    // Not JSON (a proxy or a crash page): fall through to a generic message.
  }
  if (status === 401 || status === 403) {
    return new ApiError('UNAUTHORIZED', 'Accès refusé : rouvrez l’adresse affichée par le serveur local (elle contient le jeton de session).');
  }
  return new ApiError('HTTP_ERROR', `Le serveur local a répondu par une erreur (HTTP ${status}).`);
}

export function createHttpApi({ fetch, getToken, baseUrl = '' }: HttpTransportOptions): Api {
  async function call(method: ApiMethod, request: unknown): Promise<unknown> {
    const token = getToken();
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/${method}`, { method: 'POST', headers, body: toWire(request) });
    } catch {
      throw new ApiError('NETWORK', 'Le serveur local ne répond pas. Vérifiez qu’il est toujours lancé puis rechargez la page.');
    }
    const text = await response.text();
    if (!response.ok) throw errorFromResponse(response.status, text);
    return fromWire(text);
  }
  return Object.fromEntries(API_METHODS.map((method) => [method, (request: unknown) => call(method, request)])) as unknown as Api;
}

/** The part of EventSource used here, so tests can pass a fake. */
export interface EventStream {
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void): void;
}

export type EventSourceFactory = (url: string) => EventStream;

/** One EventSource shared by all subscribers, opened on the first subscription. */
export function createSseEvents(url: string, open: EventSourceFactory): EventsBridge {
  const listeners = new Map<ApiEventName, Set<(payload: never) => void>>();
  let source: EventStream | null = null;

  function listen(name: ApiEventName): void {
    source?.addEventListener(name, (event) => {
      const payload = JSON.parse(event.data) as ApiEvents[typeof name];
      for (const callback of listeners.get(name) ?? []) callback(payload as never);
    });
  }

  return {
    on(name, callback) {
      source ??= open(url);
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        listen(name);
      }
      set.add(callback);
      return () => {
        set.delete(callback);
      };
    },
  };
}
