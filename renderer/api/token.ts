/**
 * Browser mode: the local server prints a URL carrying a per-run token in the hash
 * (`#token=...`). It is kept in sessionStorage so a reload keeps working, and removed
 * from the address bar so it does not end up in bookmarks or screenshots.
 */

const STORAGE_KEY = 'cnfs-review.token';

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function captureToken(env: TokenEnvironment): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token) {
    env.storage.setItem(STORAGE_KEY, token);
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}`);
    return token;
  }
  return env.storage.getItem(STORAGE_KEY);
}
