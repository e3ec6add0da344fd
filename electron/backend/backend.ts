/**
 * The backend: one object per open database implementing every method of the API contract.
 * Hosts (worker thread for Electron and browser mode, CLI in-process) only route to it.
 */
import { ApiError, type ApiMethod, type ApiResponse, type AppInfo } from '../../shared/api/contract';
import { Store } from './db/store';
import { dossiersHandlers } from './dossiers/dossiers-handlers';
import { importHandlers } from './import/import-handlers';
import { ImportService } from './import/import-service';
import { validateRequest } from './request-validation';
import { Profiles } from './review/profiles';
import { reviewHandlers } from './review/review-handlers';
import { territoryHandlers } from './territory/territory-handlers';
import { committeeHandlers } from './committee/committee-handlers';
import { exportsHandlers } from './exports/exports-handlers';
import { exchangeHandlers } from './exchange/exchange-handlers';
import { integrityHandlers, openingStatus } from './integrity/integrity-handlers';
import { guardHandlers, type ApiHandlers, type ScopedHandlers } from './access/guard';
import { SCOPE_POLICY } from './api-policy';
import { BackendEvents, type BackendEventListener } from './host/backend-events';

export interface BackendOptions {
  dbPath: string | null;
  userName: string;
  mode: AppInfo['mode'];
  electronUnavailableReason?: string | null;
  snapshotDelayMs?: number;
}

export type { ApiHandlers };

export interface Backend {
  readonly store: Store;
  readonly handlers: ApiHandlers;
  call<M extends ApiMethod>(method: M, request: unknown): Promise<ApiResponse<M>>;
  /** Every backend -> UI event: db:changed after each write, export:progress during exports. */
  onEvent(listener: BackendEventListener): () => void;
  close(): void;
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const store = await Store.open({ path: options.dbPath, snapshotDelayMs: options.snapshotDelayMs });
  const profiles = new Profiles(store, options.userName);
  const imports = new ImportService(store, () => profiles.userName(), () => profiles.scope());
  const events = new BackendEvents();
  // The sealed sessions' hashes, checked once on opening: the app frame shows a mismatch at once.
  const integrity = openingStatus(store);
  store.onChange((tables) => events.emit('db:changed', { tables }));

  const scoped: ScopedHandlers = {
    ...dossiersHandlers(store, profiles, imports, options),
    ...reviewHandlers(store, profiles),
    ...territoryHandlers(store),
    ...committeeHandlers(store, profiles),
    ...exportsHandlers(store, events),
    ...exchangeHandlers(store, profiles),
    ...importHandlers(store, imports),
    ...integrityHandlers(store, integrity),
  };
  const handlers = guardHandlers(scoped, SCOPE_POLICY, () => profiles.scope(), store.db);

  return {
    store,
    handlers,
    async call(method, request) {
      const handler = handlers[method] as ((req: unknown) => Promise<ApiResponse<typeof method>>) | undefined;
      if (!handler) throw new ApiError('UNKNOWN_METHOD', `Méthode inconnue : ${String(method)}.`);
      return handler(validateRequest(method, request));
    },
    onEvent: (listener) => events.on(listener),
    close: () => store.close(),
  };
}

/** Errors crossing a host boundary: ApiErrors as they are, anything else as an internal error. */
export function toErrorShape(error: unknown): { code: string; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Erreur interne : ${message}` };
}
