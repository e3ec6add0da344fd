/**
 * Worker-thread entry: the database lives here so that snapshots and large imports never block
 * the thread that answers the UI (Electron main or the HTTP server).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isApiMethod } from '../../../shared/api/contract';
import { openBackend, toErrorShape, type Backend } from '../backend';
import type { HostToWorker, WorkerData, WorkerToHost } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('backend-worker must run in a worker thread');
const post = (message: WorkerToHost) => port.postMessage(message);

let backend: Backend | null = null;
// Calls run one at a time, in order: the database is single-threaded and writes must not interleave.
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: HostToWorker) => {
  if (message.type === 'close') {
    queue = queue.then(() => {
      backend?.close();
      backend = null;
      post({ type: 'closed' });
    });
    return;
  }
  const { id, method, request } = message;
  queue = queue.then(async () => {
    try {
      if (!backend) throw new Error('backend not open');
      if (!isApiMethod(method)) throw new Error(`unknown method ${method}`);
      post({ type: 'result', id, ok: true, value: await backend.call(method, request) });
    } catch (error) {
      post({ type: 'result', id, ok: false, error: toErrorShape(error) });
    }
  });
});

openBackend(workerData as WorkerData).then(
  (opened) => {
    backend = opened;
    opened.onEvent((name, payload) => post({ type: 'event', name, payload }));
    post({ type: 'ready' });
  },
  (error: unknown) => post({ type: 'failed', error: toErrorShape(error) }),
);
