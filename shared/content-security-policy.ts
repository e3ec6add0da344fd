/**
 * The one Content-Security-Policy of the UI, sent by both hosts (the Electron app:// protocol and
 * the browser-mode server) and written into index.html at build time. sql.js stays in the backend,
 * so no 'wasm-unsafe-eval'; Mantine sets inline styles, hence 'unsafe-inline' for styles only.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['font-src', "'self' data:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Browsers ignore these in a <meta> policy and warn about them: header only. */
const HEADER_ONLY = new Set(['frame-ancestors']);

const join = (directives: readonly (readonly [string, string])[]) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The value of the Content-Security-Policy header on every page and asset of the UI. */
export const CONTENT_SECURITY_POLICY = join(DIRECTIVES);

/** The same policy for index.html's <meta http-equiv>, a second line of defence if the file is opened another way. */
export const META_CONTENT_SECURITY_POLICY = join(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

/** Placeholder of renderer/index.html that the build replaces with the meta policy. */
export const CSP_PLACEHOLDER = '%CNFS_CSP%';

/** Build step (Vite transformIndexHtml): fills the meta policy in; refuses a page that lost its placeholder. */
export function injectCspMeta(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html must carry ${CSP_PLACEHOLDER} in its Content-Security-Policy meta`);
  return html.replaceAll(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY);
}
