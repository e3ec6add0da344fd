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
  /** Tests shorten them. */
  limits?: Partial<ServerLimits>;
}

export interface RunningServer {
  url: string;
  /** URL to open: carries the token in the fragment, which browsers never send to a server. */
  appUrl: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 300 * 1024 * 1024;
/** Contract requests are a few levels deep; deeper input is hostile (stack exhaustion). */
const MAX_JSON_DEPTH = 64;
/** Socket limits: the UI of one user needs a handful of connections, each answered quickly. */
export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}
const LIMITS: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 120_000, idleTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 64 };
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

/** A refusal of the request itself, answered with its HTTP status and a French message. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = () => new RequestError(413, 'TOO_LARGE', `Requête trop volumineuse : ${MAX_BODY / 1024 / 1024} Mo au plus.`);

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Deepest nesting of arrays and objects in a JSON text (strings skipped), stopping past `limit`. */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The request body as the contract's request, or a 400 that says what is wrong with it. */
function parseRequestBody(body: string): unknown {
  if (!body) return {};
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) throw new RequestError(400, 'BAD_REQUEST', `Requête refusée : données imbriquées sur plus de ${MAX_JSON_DEPTH} niveaux.`);
  try {
    return fromWire<unknown>(body);
  } catch (error) {
    const binary = error instanceof Error && error.name === 'InvalidCharacterError';
    throw new RequestError(400, 'BAD_REQUEST', binary ? 'Requête refusée : un fichier joint est mal encodé (base64 invalide).' : 'Requête refusée : le corps n’est pas un JSON valide.');
  }
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
      sendJson(res, 403, JSON.stringify({ code: 'FORBIDDEN', message: 'Adresse hors de l’application.' }));
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
      sendJson(res, 421, JSON.stringify({ code: 'WRONG_HOST', message: 'Nom d’hôte refusé : ouvrez l’application par l’adresse 127.0.0.1 affichée au démarrage.' }));
      return;
    }
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) {
      sendJson(res, 403, JSON.stringify({ code: 'FOREIGN_ORIGIN', message: 'Requête d’un autre site refusée.' }));
      return;
    }
    const url = parseRequestUrl(req.url);
    if (!url) {
      sendJson(res, 400, JSON.stringify({ code: 'BAD_REQUEST', message: 'Adresse invalide.' }));
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, JSON.stringify({ code: 'METHOD_NOT_ALLOWED', message: 'Méthode HTTP non prise en charge ici.' }));
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
      // The event stream stays open while the page does: exempt from the idle timeout.
      req.socket.setTimeout(0);
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
      sendJson(res, 404, JSON.stringify({ code: 'UNKNOWN_METHOD', message: `Méthode inconnue : ${method.slice(0, 80)}.` }));
      return;
    }
    try {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY) throw tooLarge();
      const request = parseRequestBody(await readBody(req));
      const result = await options.backend.call(method, request as never);
      sendJson(res, 200, toWire(result));
    } catch (error) {
      if (error instanceof RequestError) {
        // The rest of a refused body is not read: the connection closes after the reply.
        res.setHeader('Connection', 'close');
        sendJson(res, error.status, JSON.stringify({ code: error.code, message: error.message }));
        return;
      }
      const shape = toErrorShape(error);
      sendJson(res, shape.code === 'INTERNAL' ? 500 : 400, JSON.stringify(shape));
    }
  };

  // No request may take the server down: whatever a handler throws becomes a reply.
  const limits: ServerLimits = { ...LIMITS, ...options.limits };
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks the header and request timeouts.
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Requête en erreur :', error);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, JSON.stringify({ code: 'INTERNAL', message: 'Erreur interne du serveur local : la requête n’a pas abouti.' }));
    });
    },
  );
  server.timeout = limits.idleTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
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
