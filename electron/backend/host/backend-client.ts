/** Host side of the backend worker: the same contract as the backend, over worker messages. */
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiEventName, type ApiEvents, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';
import type { HostToWorker, WorkerData, WorkerToHost } from './worker-protocol';

type EventListener = <E extends ApiEventName>(name: E, payload: ApiEvents[E]) => void;

export class BackendClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private readonly listeners = new Set<EventListener>();
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerToHost) => this.onMessage(message));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new ApiError('BACKEND_STOPPED', 'Le moteur de données s’est arrêté.')));
  }

  /**
   * Starts the worker and waits until the database is open (or refused, with its French reason).
   * `env` replaces the worker's copy of process.env (the desktop host strips overrides when packaged).
   */
  static start(workerFile: string | URL, options: WorkerData, env: NodeJS.ProcessEnv = process.env): Promise<BackendClient> {
    const worker = new Worker(workerFile, { workerData: options, env });
    return new Promise((resolve, reject) => {
      const onFirst = (message: WorkerToHost) => {
        if (message.type === 'ready') {
          worker.off('message', onFirst);
          resolve(new BackendClient(worker));
        } else if (message.type === 'failed') {
          worker.off('message', onFirst);
          void worker.terminate();
          reject(new ApiError(message.error.code, message.error.message));
        }
      };
      worker.on('message', onFirst);
      worker.once('error', reject);
    });
  }

  private onMessage(message: WorkerToHost): void {
    if (message.type === 'result') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new ApiError(message.error.code, message.error.message));
    } else if (message.type === 'event') {
      for (const listener of this.listeners) listener(message.name, message.payload);
    }
  }

  private failAll(error: unknown): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
    if (this.closing) return Promise.reject(new ApiError('BACKEND_STOPPED', 'Le moteur de données est fermé.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ type: 'call', id, method, request } satisfies HostToWorker);
    });
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Finishes queued calls, writes the final snapshot and releases the lock. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const onClosed = (message: WorkerToHost) => {
        if (message.type !== 'closed') return;
        this.worker.off('message', onClosed);
        void this.worker.terminate().then(() => resolve());
      };
      this.worker.on('message', onClosed);
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ type: 'close' } satisfies HostToWorker);
    });
    return this.closing;
  }
}
