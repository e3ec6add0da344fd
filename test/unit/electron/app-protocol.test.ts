import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/backend';
import { inProcessTransport } from '../../../electron/backend/host/in-process';
import { startHttpServer } from '../../../electron/server/http-server';
import { registerAppScheme, setupAppProtocol } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy';
import { app, protocol, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let rendererDir: string;

beforeAll(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-app-protocol-'));
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>CNFS</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
});
afterAll(() => fs.rmSync(path.dirname(rendererDir), { recursive: true, force: true }));

beforeEach(async () => {
  resetFakeElectron();
  registerAppScheme();
  await app.whenReady();
  setupAppProtocol(rendererDir);
});

function get(url: string): Promise<Response> {
  const handler = protocol.handlers.get('app');
  if (!handler) throw new Error('app:// is not handled');
  return Promise.resolve(handler(new Request(url)));
}

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme before the app is ready', () => {
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the page and its assets with the Content-Security-Policy header', async () => {
    for (const url of ['app://cnfs/index.html', 'app://cnfs/', 'app://cnfs/assets/app.js']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(await (await get('app://cnfs/index.html')).text()).toContain('<title>CNFS</title>');
  });

  it('never serves a file outside the renderer folder', async () => {
    const escape = await get('app://cnfs/..%2fsecret.txt');
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('secret');
  });

  it('answers 400 to a malformed or NUL-carrying address instead of failing the request', async () => {
    for (const url of ['app://cnfs/%', 'app://cnfs/%E0%A4%A', 'app://cnfs/index.html%00.js']) {
      expect((await get(url)).status, url).toBe(400);
    }
  });
});

describe('one Content-Security-Policy for both hosts', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await openBackend({ dbPath: null, userName: 'Test', mode: 'browser' });
  });
  afterAll(() => backend.close());

  it('the browser-mode server sends exactly the value the Electron protocol sends', async () => {
    const server = await startHttpServer({ backend: inProcessTransport(backend), staticDir: rendererDir });
    try {
      const browserCsp = await new Promise<string | undefined>((resolve, reject) => {
        http.get(`${server.url}/`, (res) => {
          res.resume();
          resolve(res.headers['content-security-policy'] as string | undefined);
        }).on('error', reject);
      });
      const electronCsp = (await get('app://cnfs/index.html')).headers.get('content-security-policy');
      expect(browserCsp).toBe(CONTENT_SECURITY_POLICY);
      expect(electronCsp).toBe(browserCsp);
    } finally {
      await server.close();
    }
  });
});
