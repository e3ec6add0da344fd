/**
 * Command line: `npm run cli -- <command> [options] [--db PATH] [--json]`; the commands are those of
 * cli-registry.ts. Exit codes: 0 done, 1 refused (reason on stderr, in French), 2 usage error.
 */
import { ApiError } from '../../shared/api/contract';
import { openBackend, type Backend } from '../backend/backend';
import { defaultDbPath, localUserName } from '../backend/paths';
import { UsageError } from './cli-command';
import { parseCommandLine } from './cli-parse';
import { COMMANDS } from './cli-registry';

async function main(argv: string[]): Promise<number> {
  let backend: Backend | null = null;
  try {
    const parsed = parseCommandLine(argv, COMMANDS);
    if (parsed.kind === 'help') {
      (parsed.code === 0 ? process.stdout : process.stderr).write(parsed.text);
      return parsed.code;
    }
    const dbPath = parsed.db ?? defaultDbPath();
    const { run, runOnFile } = parsed.command;
    if (runOnFile) return await runOnFile(dbPath, parsed.input);
    backend = await openBackend({ dbPath, userName: localUserName(), mode: 'cli', snapshotDelayMs: 60_000 });
    return await run!(backend, parsed.input);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${error.usage}`);
      return 2;
    }
    const message = error instanceof ApiError ? error.message : `Erreur interne : ${error instanceof Error ? error.stack : String(error)}`;
    process.stderr.write(`${message}\n`);
    return 1;
  } finally {
    backend?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
