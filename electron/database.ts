/**
 * Opening the database for the desktop app: in its worker thread, with the path given on the
 * command line (`--db=PATH`, as `npm start` passes it) or the default one.
 */
import { app, dialog } from 'electron';
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

/** The backend on its database, or null once the user has been told why it could not open (the caller quits). */
export async function openDatabase(dbPath: string): Promise<BackendClient | null> {
  try {
    return await BackendClient.start(new URL('./backend-worker.mjs', import.meta.url), { dbPath, userName: localUserName(), mode: 'electron' }, backendEnv(process.env, app.isPackaged));
  } catch (error) {
    dialog.showErrorBox('CNFS Revue', error instanceof Error ? error.message : String(error));
    return null;
  }
}
