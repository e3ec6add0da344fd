/** Messages between a host thread and the backend worker thread. */
import type { ApiErrorShape, ApiEvents } from '../../../shared/api/contract';
import type { BackendOptions } from '../backend';

export type WorkerData = BackendOptions;

export type HostToWorker = { type: 'call'; id: number; method: string; request: unknown } | { type: 'close' };

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'failed'; error: ApiErrorShape }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiErrorShape }
  | { type: 'event'; name: keyof ApiEvents; payload: ApiEvents[keyof ApiEvents] }
  | { type: 'closed' };
