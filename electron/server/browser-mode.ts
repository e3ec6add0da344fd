/** Runs the app in the default browser: backend worker + local HTTP server. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BackendClient } from '../backend/host/backend-client';
import { localUserName } from '../backend/paths';
import { startHttpServer, type RunningServer } from './http-server';

export interface BrowserModeOptions {
  dbPath: string;
  port?: number;
  openBrowser: boolean;
  electronUnavailableReason: string | null;
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the URL printed on the console is enough.
  }
}

export async function runBrowserMode(options: BrowserModeOptions): Promise<{ server: RunningServer; backend: BackendClient }> {
  const backend = await BackendClient.start(new URL('./backend-worker.mjs', import.meta.url), {
    dbPath: options.dbPath,
    userName: localUserName(),
    mode: 'browser',
    electronUnavailableReason: options.electronUnavailableReason,
  });
  const server = await startHttpServer({ backend, staticDir: fileURLToPath(new URL('../renderer/', import.meta.url)), port: options.port });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Arrêt : enregistrement de la base…');
    void server.close().then(() => backend.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`CNFS Revue — mode navigateur\n  Base de données : ${options.dbPath}\n  Ouvrez : ${server.appUrl}\n  (Ctrl+C pour arrêter)`);
  if (options.openBrowser) openInBrowser(server.appUrl);
  return { server, backend };
}
