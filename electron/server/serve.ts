/** `npm run serve`: browser mode on purpose (also what `npm start` falls back to). */
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../backend/paths';
import { runBrowserMode } from './browser-mode';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    open: { type: 'boolean', default: false },
    reason: { type: 'string' },
  },
});

runBrowserMode({
  dbPath: values.db ?? defaultDbPath(),
  port: values.port ? Number(values.port) : undefined,
  openBrowser: values.open ?? false,
  electronUnavailableReason: values.reason ?? null,
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
