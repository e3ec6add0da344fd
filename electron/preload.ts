/**
 * Sandboxed preload: exactly one function per API method, nothing else of ipcRenderer.
 * Errors arrive as an envelope and are rethrown with their French message and code.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Api, ApiEventName, ApiEvents, ApiMethod, ApiRequest } from '../shared/api/contract';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Marks errors so the renderer's client can rebuild an ApiError (only `message` crosses the bridge). */
const BRIDGE_ERROR_PREFIX = 'cnfs-api-error:';

function invoke<M extends ApiMethod>(method: M): Api[M] {
  return (async (request: ApiRequest<M>) => {
    const envelope = (await ipcRenderer.invoke(method, request)) as Envelope;
    if (envelope.ok) return envelope.value;
    throw new Error(`${BRIDGE_ERROR_PREFIX}${JSON.stringify(envelope.error)}`);
  }) as Api[M];
}

const api = {
  'app:info': invoke('app:info'),
  'dossiers:list': invoke('dossiers:list'),
  'dossiers:facets': invoke('dossiers:facets'),
  'dossiers:get': invoke('dossiers:get'),
  'import:preview': invoke('import:preview'),
  'import:commit': invoke('import:commit'),
  'import:template': invoke('import:template'),
  'stats:departments': invoke('stats:departments'),
  'demo:generate': invoke('demo:generate'),
  'profile:current': invoke('profile:current'),
  'profile:list': invoke('profile:list'),
  'profile:save': invoke('profile:save'),
  'profile:switch': invoke('profile:switch'),
  'opinions:record': invoke('opinions:record'),
  'opinions:recordBulk': invoke('opinions:recordBulk'),
  'opinions:history': invoke('opinions:history'),
  'grids:list': invoke('grids:list'),
  'grids:save': invoke('grids:save'),
  'scores:record': invoke('scores:record'),
  'scores:get': invoke('scores:get'),
  'compare:get': invoke('compare:get'),
  'ranking:get': invoke('ranking:get'),
  'ranking:save': invoke('ranking:save'),
  'departments:totals': invoke('departments:totals'),
  'targets:set': invoke('targets:set'),
  'stats:regions': invoke('stats:regions'),
  'targets:distribute': invoke('targets:distribute'),
  'targets:history': invoke('targets:history'),
  'territory:checks': invoke('territory:checks'),
} satisfies Api;

const events = {
  on<E extends ApiEventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void {
    const wrapped = (_event: unknown, payload: ApiEvents[E]) => listener(payload);
    ipcRenderer.on(name, wrapped);
    return () => ipcRenderer.removeListener(name, wrapped);
  },
};

contextBridge.exposeInMainWorld('cnfsApi', api);
contextBridge.exposeInMainWorld('cnfsEvents', events);
