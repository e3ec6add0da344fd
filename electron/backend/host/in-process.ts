import type { Backend } from '../backend';
import type { ApiTransport } from './api-transport';

/** The backend on the caller's own thread (CLI, tests). */
export function inProcessTransport(backend: Backend): ApiTransport {
  return {
    call: (method, request) => backend.call(method, request),
    onEvent: (listener) => backend.onEvent(listener),
  };
}
