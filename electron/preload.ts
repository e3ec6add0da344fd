/**
 * Sandboxed preload: exactly one function per API method, nothing else of ipcRenderer.
 * Errors arrive as an envelope and are rethrown with their French message and code.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { toBridgeMessage } from '../shared/api/bridge-error';
import { API_METHODS, type Api, type ApiEventName, type ApiEvents, type ApiMethod, type ApiRequest } from '../shared/api/contract';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function invoke<M extends ApiMethod>(method: M): Api[M] {
  return (async (request: ApiRequest<M>) => {
    const envelope = (await ipcRenderer.invoke(method, request)) as Envelope;
    if (envelope.ok) return envelope.value;
    throw new Error(toBridgeMessage(envelope.error));
  }) as Api[M];
}

// One function per method of the contract, built from its exhaustive list of methods.
const api = Object.fromEntries(API_METHODS.map((method) => [method, invoke(method)])) as unknown as Api;

const events = {
  on<E extends ApiEventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void {
    const wrapped = (_event: unknown, payload: ApiEvents[E]) => listener(payload);
    ipcRenderer.on(name, wrapped);
    return () => ipcRenderer.removeListener(name, wrapped);
  },
};

contextBridge.exposeInMainWorld('cnfsApi', api);
contextBridge.exposeInMainWorld('cnfsEvents', events);
