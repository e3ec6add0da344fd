/**
 * `npm start`: opens the desktop window; where Electron cannot be obtained or cannot show a
 * window, says why and falls back to browser mode on the same database.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDbPath } from './backend/paths';
import { runBrowserMode } from './server/browser-mode';

const require = createRequire(import.meta.url);
const appDir = fileURLToPath(new URL('../../', import.meta.url));

/** Electron's path, downloading the binary on first run as the electron package intends. */
function electronBinary(): { path: string } | { reason: string } {
  let electronDir: string;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'le paquet « electron » n’est pas installé' };
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const installed = () => fs.existsSync(pathFile) && fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')));
  if (!installed()) {
    console.log('Téléchargement du binaire Electron (premier lancement)…');
    const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 180_000 });
    if (result.status !== 0 || !installed()) {
      const detail = `${result.stderr ?? ''}${result.error?.message ?? ''}`.split('\n').find((line) => /Error|ENOTFOUND|ECONN|timed out/i.test(line))?.trim();
      return { reason: `le binaire Electron n’a pas pu être téléchargé${detail ? ` (${detail})` : ''}` };
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'aucun affichage graphique (DISPLAY) sur cette session' };
  }
  return { path: path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')) };
}

const { values } = parseArgs({ options: { db: { type: 'string' }, browser: { type: 'boolean', default: false }, port: { type: 'string' } } });
const dbPath = values.db ?? defaultDbPath();
const electron = values.browser ? { reason: 'mode navigateur demandé (--browser)' } : electronBinary();

if ('path' in electron) {
  const child = spawn(electron.path, [appDir, `--db=${dbPath}`], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`La fenêtre de bureau Electron ne peut pas s’ouvrir : ${electron.reason}.\nPassage en mode navigateur.`);
  runBrowserMode({ dbPath, port: values.port ? Number(values.port) : undefined, openBrowser: true, electronUnavailableReason: electron.reason }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
