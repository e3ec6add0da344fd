import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../electron/backend/backend';
import { inProcessTransport } from '../../../../electron/backend/host/in-process';
import { startHttpServer, type RunningServer } from '../../../../electron/server/http-server';
import { fromWire, toWire } from '../../../../shared/api/wire';
import { CONTENT_SECURITY_POLICY } from '../../../../shared/content-security-policy';

let backend: Backend;
let server: RunningServer;
let staticDir: string;

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfs-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>CNFS</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'cnfs-secret.txt'), 'secret');
  backend = await openBackend({ dbPath: null, userName: 'Test', mode: 'browser' });
  server = await startHttpServer({ backend: inProcessTransport(backend), staticDir });
});
afterAll(async () => {
  await server.close();
  backend.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

function request(pathname: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const url = new URL(pathname, server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' });

describe('browser-mode HTTP server', () => {
  it('listens on 127.0.0.1 and puts the token in the URL fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.appUrl).toBe(`${server.url}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the UI with a strict CSP and never outside its folder', async () => {
    const page = await request('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const escape = await request('/..%2f..%2fcnfs-secret.txt');
    expect(escape.body).not.toContain('secret');
  });

  it('answers API calls with the token and refuses them without it', async () => {
    const ok = await request('/api/app:info', { method: 'POST', headers: auth(), body: toWire({}) });
    expect(ok.status).toBe(200);
    expect(fromWire<{ mode: string }>(ok.body).mode).toBe('browser');
    const denied = await request('/api/app:info', { method: 'POST', headers: { Authorization: 'Bearer nope' }, body: '{}' });
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.body).message).toMatch(/Jeton/);
  });

  it('refuses foreign origins and host names (DNS rebinding)', async () => {
    const foreign = await request('/api/app:info', { method: 'POST', headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const rebound = await request('/', { headers: { Host: 'evil.example' } });
    expect(rebound.status).toBe(421);
  });

  it('returns French errors with their code, and carries bytes both ways', async () => {
    const missing = await request('/api/dossiers:get', { method: 'POST', headers: auth(), body: toWire({ id: 999 }) });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('999') });
    const template = await request('/api/import:template', { method: 'POST', headers: auth(), body: '{}' });
    const data = fromWire<{ data: Uint8Array }>(template.body).data;
    expect(data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(data.subarray(0, 2)).toString('latin1')).toBe('PK');
  });
});

/** Sends one raw request line on a socket (no client-side URL normalisation) and returns the status. */
function rawStatus(target: string): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    });
    let reply = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('browser-mode HTTP server under malformed requests', () => {
  it.each(['/%', '/%E0%A4%A', '/assets/%ZZ', '//', '//evil.example/x', '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', '/%00'])('answers %s with 400 and keeps serving', async (target) => {
    expect(await rawStatus(target)).toBe(400);
    const page = await request('/');
    expect(page.status).toBe(200);
  });

  it('answers a request line it cannot parse with 400 and keeps serving', async () => {
    expect(await rawStatus('/a b')).toBe(400);
    expect((await request('/')).status).toBe(200);
  });
});
