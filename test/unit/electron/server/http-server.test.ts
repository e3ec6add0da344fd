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

/** Writes raw bytes on a socket and resolves with what the server answered before closing. */
function rawExchange(payload: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(payload));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('close', () => resolve(reply));
    socket.on('error', () => resolve(reply));
  });
}

function apiPost(method: string, body: string, headers: Record<string, string> = {}): string {
  const { port } = new URL(server.url);
  return `POST /api/${method} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${headers['Content-Length'] ?? Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('browser-mode HTTP server under hostile bodies', () => {
  it('answers a declared body over the limit with 413 before reading it', async () => {
    const reply = await rawExchange(apiPost('app:info', '', { 'Content-Length': String(400 * 1024 * 1024) }));
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toContain('Requête trop volumineuse : 300 Mo au plus.');
  });

  it('answers a chunked body that grows past the limit with 413, not a reset', async () => {
    const { port } = new URL(server.url);
    const head = `POST /api/import:preview HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const big = 'x'.repeat(1024 * 1024);
    const chunk = `${big.length.toString(16)}\r\n${big}\r\n`;
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(head);
        let sent = 0;
        const pump = () => {
          while (socket.writable && sent < 320) {
            sent++;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
        };
        pump();
      });
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (c: string) => {
        text += c;
        if (text.includes('\r\n\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
  }, 30_000);

  it.each([
    ['invalid JSON', '{"id": ', 'n’est pas un JSON valide'],
    ['bad base64', '{"fileName":"a.csv","data":{"$bytes":"%%%"}}', 'base64 invalide'],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'plus de 64 niveaux'],
  ])('answers %s with 400 and a French message', async (_name, body, message) => {
    const reply = await rawExchange(apiPost('import:preview', body));
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toContain(message);
    expect((await request('/')).status).toBe(200);
  });

});

describe('browser-mode HTTP server socket limits', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startHttpServer({ backend: inProcessTransport(backend), staticDir, limits: { headersTimeoutMs: 300, idleTimeoutMs: 300, maxConnections: 2 } });
  });
  afterAll(() => limited.close());

  /** Opens a socket, writes `text`, resolves with what came back once the server closed it. */
  function heldSocket(text: string): Promise<string> {
    const { port } = new URL(limited.url);
    return new Promise((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
      let reply = '';
      socket.setEncoding('latin1');
      socket.on('data', (c: string) => (reply += c));
      socket.on('close', () => resolve(reply));
      socket.on('error', () => resolve(reply));
    });
  }

  it('closes a socket whose headers never end', async () => {
    const reply = await heldSocket('GET / HTTP/1.1\r\nHost: x');
    expect(reply === '' || /^HTTP\/1\.1 408/.test(reply)).toBe(true);
  });

  it('closes a socket that says nothing', async () => {
    expect(await heldSocket('')).toBe('');
  });

  it('refuses connections beyond the cap', async () => {
    const { port } = new URL(limited.url);
    const open = await Promise.all([0, 1].map(() => new Promise<net.Socket>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => resolve(socket));
      socket.on('error', () => undefined);
    })));
    const third = await new Promise<boolean>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(true));
      socket.on('data', () => resolve(false));
      socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    });
    expect(third).toBe(true);
    for (const socket of open) socket.destroy();
  });
});
