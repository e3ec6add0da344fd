/**
 * The only module that talks to the backend. Components import `api` and `onEvent`
 * and never touch `window.cnfsApi` or `fetch` themselves.
 */
import { API_METHODS } from '../../shared/api/contract';
import type { Api, ApiEventName, ApiEvents, ApiMethod } from '../../shared/api/contract';
import type { EventsBridge } from './bridge';
import { createHttpApi, createSseEvents } from './http-transport';
import { toApiError } from '../lib/errors';
import { captureToken } from './token';

// `api` is built from API_METHODS: this fails to compile if a contract method is missing from it.
type AssertNever<T extends never> = T;
type _EveryMethodListed = AssertNever<Exclude<ApiMethod, (typeof API_METHODS)[number]>>;

function wrapBridge(bridge: Api): Api {
  return Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (request: unknown) => {
        try {
          return await (bridge[method] as (req: unknown) => Promise<unknown>)(request);
        } catch (error) {
          throw toApiError(error);
        }
      },
    ]),
  ) as unknown as Api;
}

function createTransport(): { api: Api; events: EventsBridge } {
  if (window.cnfsApi && window.cnfsEvents) {
    return { api: wrapBridge(window.cnfsApi), events: window.cnfsEvents };
  }
  const token = captureToken({ location: window.location, history: window.history, storage: window.sessionStorage });
  const api = createHttpApi({ fetch: (url, init) => window.fetch(url, init), getToken: () => token });
  const eventsUrl = `/api/events?token=${encodeURIComponent(token ?? '')}`;
  return { api, events: createSseEvents(eventsUrl, (url) => new EventSource(url)) };
}

const transport = createTransport();

export const api: Api = transport.api;

export function onEvent<E extends ApiEventName>(name: E, callback: (payload: ApiEvents[E]) => void): () => void {
  return transport.events.on(name, callback);
}
