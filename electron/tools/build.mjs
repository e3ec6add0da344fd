// Bundles the main process, preload, backend worker, browser-mode server, launcher and CLI.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'dist', 'electron');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

fs.rmSync(out, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  // An ES target keeps regex literals: node targets rewrite \p{…} ones into a RegExp built on every call.
  target: 'es2022',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'process.env.CNFS_VERSION': JSON.stringify(version) },
};
await Promise.all([
  build({
    ...common,
    format: 'esm',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    entryPoints: {
      main: 'electron/main.ts',
      'backend-worker': 'electron/backend/host/backend-worker.ts',
      serve: 'electron/server/serve.ts',
      start: 'electron/start.ts',
      cli: 'electron/cli/cli.ts',
    },
    external: ['electron'],
  }),
  // A sandboxed preload must be CommonJS.
  build({ ...common, format: 'cjs', outfile: path.join(out, 'preload.cjs'), entryPoints: ['electron/preload.ts'], external: ['electron'] }),
]);
fs.cpSync(path.join(root, 'electron', 'backend', 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
// The minutes PDF embeds these fonts (with their licence): next to the bundles, inside the asar once packaged.
fs.cpSync(path.join(root, 'resources', 'fonts'), path.join(out, 'fonts'), { recursive: true });
console.log(`electron bundles written to ${path.relative(root, out)}`);
