import os from 'node:os';
import path from 'node:path';

/**
 * Default database location, the same for the desktop app, browser mode and the CLI,
 * so that all three work on the same data.
 */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'cnfs-review');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'cnfs-review');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'cnfs-review');
}

export function defaultDbPath(): string {
  return process.env.CNFS_DB ?? path.join(defaultDataDir(), 'cnfs-review.sqlite');
}

/** The local user until profiles exist: the operating-system account. */
export function localUserName(): string {
  try {
    return os.userInfo().username || 'utilisateur local';
  } catch {
    return 'utilisateur local';
  }
}

/**
 * Names another sql.js wasm file (tests, development). Ignored by a packaged app: the desktop host
 * leaves it out of the backend worker's environment (electron/database.ts).
 */
export const SQLJS_WASM_ENV = 'CNFS_SQLJS_WASM';

/** Injected at build time; "dev" when running from sources. */
export const APP_VERSION = process.env.CNFS_VERSION ?? 'dev';
