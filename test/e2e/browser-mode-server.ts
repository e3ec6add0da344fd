/**
 * Starts the real browser-mode server (`dist/electron/serve.mjs`, built by `npm run build`)
 * on a fresh temporary database and a random port, and reads the URL it prints.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BrowserModeServer {
  /** The app URL, with the session token in its fragment. */
  appUrl: string;
  stop: () => Promise<void>;
}

const SERVE_SCRIPT = path.resolve('dist/electron/serve.mjs');
const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/;
const START_TIMEOUT_MS = 30_000;

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startBrowserModeServer(): Promise<BrowserModeServer> {
  if (!existsSync(SERVE_SCRIPT)) throw new Error(`${SERVE_SCRIPT} is missing: run "npm run build" first.`);
  const dir = mkdtempSync(path.join(tmpdir(), 'cnfs-e2e-'));
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--db', path.join(dir, 'e2e.sqlite')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';

  const appUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not print its URL in time:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_PATTERN.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with code ${code}:\n${output}`));
    });
  });

  return {
    appUrl,
    stop: async () => {
      const exited = waitForExit(child);
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
