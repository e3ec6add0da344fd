// Validates electron-builder.yml offline with electron-builder's own schema (no download).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
await validateConfiguration(config, new DebugLogger(false));
const targets = ['win', 'linux', 'mac'].map((os) => `${os}: ${[config[os]?.target].flat().map((t) => (typeof t === 'string' ? t : t?.target)).join(', ')}`);
if (!config.asar || !config.electronFuses || !config.asarUnpack?.some((p) => p.includes('sql-wasm.wasm'))) {
  throw new Error('electron-builder.yml must enable asar, set fuses and unpack the sql.js wasm');
}
console.log(`electron-builder.yml valide (${targets.join(' · ')})`);
