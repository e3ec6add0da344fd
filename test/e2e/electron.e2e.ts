// The desktop window itself, where an Electron binary is present (it cannot be downloaded on
// machines without access to Electron's release host; browser mode is tested there instead).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';
import { API_METHODS } from '../../shared/api/contract';

function electronBinary(): string | null {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'));
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('desktop window', () => {
  test.skip(binary === null, 'Electron binary not installed on this machine');

  test('opens hardened, with the API reachable only through the preload', async () => {
    const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve('.'), `--db=${path.join(dbDir, 'base.sqlite')}`, '--no-sandbox'],
    });
    try {
      const page = await app.firstWindow();
      await expect(page.locator('[data-ready="true"]')).toBeVisible();
      const exposed = await page.evaluate(() => {
        const scope = globalThis as unknown as { cnfsApi?: Record<string, unknown>; require?: unknown; process?: unknown };
        return { methods: Object.keys(scope.cnfsApi ?? {}).sort(), require: typeof scope.require, process: typeof scope.process };
      });
      expect(exposed).toEqual({ methods: [...API_METHODS].sort(), require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
      fs.rmSync(dbDir, { recursive: true, force: true });
    }
  });
});
