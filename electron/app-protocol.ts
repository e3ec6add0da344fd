/**
 * The UI is served from app://cnfs (a standard, secure scheme) rather than file://, so that it has
 * an origin of its own, the IPC handlers can recognise it, and every response carries the CSP.
 */
import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

export const APP_ORIGIN = 'app://cnfs';

/** Must run before the app is ready, as Electron requires for privileged schemes. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** Serves the built renderer folder, never a file outside it, always with the CSP. */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const decoded = decodePath(new URL(request.url).pathname);
    if (decoded === null || decoded.includes('\0')) return new Response('Adresse invalide', { status: 400 });
    const file = path.resolve(rendererDir, decoded.replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Interdit', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}
