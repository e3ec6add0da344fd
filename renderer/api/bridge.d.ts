import type { Api, ApiEventName, ApiEvents } from '../../shared/api/contract';

/** Subscribes to backend events; returns the unsubscribe function. */
export interface EventsBridge {
  on<E extends ApiEventName>(name: E, callback: (payload: ApiEvents[E]) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload (one async function per contract method); absent in browser mode. */
    cnfsApi?: Api;
    cnfsEvents?: EventsBridge;
  }
}
