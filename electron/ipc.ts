/**
 * IPC side of the contract: one typed handler per method, registered through handle(), which
 * rejects any sender that is not our own app:// page and never lets an exception class escape.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_METHODS, type ApiErrorShape, type ApiMethod } from '../shared/api/contract';
import { toErrorShape } from './backend/backend';
import type { ApiTransport } from './backend/host/api-transport';
import { APP_ORIGIN } from './app-protocol';

export type IpcEnvelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`) && event.senderFrame === event.sender.mainFrame;
}

function handle(method: ApiMethod, backend: ApiTransport): void {
  ipcMain.handle(method, async (event, request: unknown): Promise<IpcEnvelope> => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : origine inconnue.' } };
    try {
      return { ok: true, value: await backend.call(method, request as never) };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  });
}

export function setupIpc(backend: ApiTransport, target: () => WebContents | null): () => void {
  for (const method of API_METHODS) handle(method, backend);
  const unsubscribe = backend.onEvent((name, payload) => target()?.send(name, payload));
  return () => {
    unsubscribe();
    for (const method of API_METHODS) ipcMain.removeHandler(method);
  };
}
