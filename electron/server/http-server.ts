/**
 * Browser mode: serves the built UI and the API contract on 127.0.0.1 only, behind a random
 * per-run token. Used where Electron cannot run, and by the end-to-end tests.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isApiMethod } from '../../shared/api/contract';
import { fromWire, toWire } from '../../shared/api/wire';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { toErrorShape } from '../backend/backend';
import type { ApiTransport } from '../backend/host/api-transport';

export interface HttpServerOptions {
  backend: ApiTransport;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  /** URL to open: carries the token in the fragment, which browsers never send to a server. */
  appUrl: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 300 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The request target as a URL, or null when it is not a path this server can read (`//x`, `http://…`). */
function parseRequestUrl(target: string | undefined): URL | null {
  const raw = target ?? '/';
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    return new URL(raw, 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** Percent-decoded path, or null when its escapes are malformed (`/%`, `/%E0%A4%A`, `/%ZZ`). */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const unsubscribe = options.backend.onEvent((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const serveStatic = (pathname: string, res: http.ServerResponse) => {
    const decoded = decodePath(pathname);
    if (decoded === null || decoded.includes('\0')) {
      sendJson(res, 400, JSON.stringify({ code: 'BAD_REQUEST', message: 'Adresse invalide : elle contient un encodage incorrect.' }));
      return;
    }
    const relative = decoded.replace(/^\/+/, '') || 'index.html';
    let file = path.resolve(staticRoot, relative);
    if (!file.startsWith(staticRoot + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Interface non construite : lancez « npm run build ».');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Only pages served by this very server may talk to it (no DNS rebinding, no cross-site calls).
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421).end();
      return;
    }
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) {
      res.writeHead(403).end();
      return;
    }
    const url = parseRequestUrl(req.url);
    if (!url) {
      sendJson(res, 400, JSON.stringify({ code: 'BAD_REQUEST', message: 'Adresse invalide.' }));
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(url.pathname, res);
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        sendJson(res, 401, JSON.stringify({ code: 'UNAUTHORIZED', message: 'Jeton de session invalide.' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connecté\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    if (!sameToken(bearer, token)) {
      sendJson(res, 401, JSON.stringify({ code: 'UNAUTHORIZED', message: 'Jeton de session invalide : rouvrez l’application depuis l’adresse affichée au démarrage.' }));
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    if (req.method !== 'POST' || !isApiMethod(method)) {
      sendJson(res, 404, JSON.stringify({ code: 'UNKNOWN_METHOD', message: `Méthode inconnue : ${method}.` }));
      return;
    }
    try {
      const body = await readBody(req);
      const request = body ? fromWire<unknown>(body) : {};
      const result = await options.backend.call(method, request as never);
      sendJson(res, 200, toWire(result));
    } catch (error) {
      const status = (error as { status?: number }).status === 413 ? 413 : 400;
      const shape = status === 413 ? { code: 'TOO_LARGE', message: 'Fichier trop volumineux (300 Mo au plus).' } : toErrorShape(error);
      sendJson(res, shape.code === 'INTERNAL' ? 500 : status, JSON.stringify(shape));
    }
  };

  // No request may take the server down: whatever a handler throws becomes a reply.
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Requête en erreur :', error);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, JSON.stringify({ code: 'INTERNAL', message: 'Erreur interne du serveur local : la requête n’a pas abouti.' }));
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      const base = `http://127.0.0.1:${port}`;
      resolve({
        url: base,
        appUrl: `${base}/#token=${token}`,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const client of sseClients) client.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
