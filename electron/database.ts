/**
 * Opening the database for the desktop app: in its worker thread, with the path given on the
 * command line (`--db=PATH`, as `npm start` passes it) or the default one.
 */
import { app, dialog } from 'electron';
import { ApiError } from '../shared/api/contract';
import { restorePrevious } from './backend/db/restore';
import { BackendClient } from './backend/host/backend-client';
import { SQLJS_WASM_ENV, defaultDbPath, localUserName } from './backend/paths';

export function dbPathFromArgs(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith('--db='));
  return arg ? arg.slice('--db='.length) : defaultDbPath();
}

/** The worker's environment: a packaged app always loads the sql.js wasm it ships, whatever the environment names. */
export function backendEnv(env: NodeJS.ProcessEnv, packaged: boolean): NodeJS.ProcessEnv {
  if (!packaged) return env;
  const { [SQLJS_WASM_ENV]: _ignored, ...rest } = env;
  return rest;
}

/**
 * The backend on its database, or null once the user has been told why it could not open (the
 * caller quits). A snapshot missing beside its companion files is never replaced by an empty base:
 * the dialog offers to bring back `.prev`, as the CLI's `restore` does, then opens again.
 */
export async function openDatabase(dbPath: string): Promise<BackendClient | null> {
  for (;;) {
    try {
      return await BackendClient.start(new URL('./backend-worker.mjs', import.meta.url), { dbPath, userName: localUserName(), mode: 'electron' }, backendEnv(process.env, app.isPackaged));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof ApiError && error.code === 'DB_MISSING')) {
        dialog.showErrorBox('CNFS Revue', message);
        return null;
      }
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        title: 'CNFS Revue',
        message: 'La base de données est introuvable',
        detail: message,
        buttons: ['Restaurer la sauvegarde précédente', 'Quitter'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (response !== 0) return null;
      try {
        const restored = await restorePrevious(dbPath);
        await dialog.showMessageBox({ type: 'info', title: 'CNFS Revue', message: 'Sauvegarde précédente restaurée', detail: restored.message });
      } catch (failure) {
        dialog.showErrorBox('CNFS Revue', failure instanceof Error ? failure.message : String(failure));
        return null;
      }
    }
  }
}
