/**
 * The API token this browser signs in with: kept in localStorage and sent as `Authorization: Bearer`
 * by the API client. A page address ending in `#token=…` (printed by the server on first start) signs
 * the browser in: the token is stored and removed from the address bar at once, so it is neither
 * bookmarked nor shared with a copied link. The fragment never reaches the server or its logs.
 */
const STORAGE_KEY = 'interlock.token';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function storedToken(): string | null {
  return storage()?.getItem(STORAGE_KEY) ?? null;
}

export function storeToken(token: string | null): void {
  if (token === null || token.trim() === '') storage()?.removeItem(STORAGE_KEY);
  else storage()?.setItem(STORAGE_KEY, token.trim());
}

/** What a token can look like: printable characters, as long as the server's (INTERLOCK_ADMIN_TOKEN: 24+). */
const TOKEN_SHAPE = /^[\x21-\x7e]{24,200}$/;
/** The token a sign-in address replaced, until the server has accepted the new one (then forgotten). */
const REPLACED_KEY = 'interlock.token.replaced';

/**
 * Takes a `#token=…` out of the address bar and, if it may, into storage. Any page on any site can send
 * the browser to such an address, so a value that cannot be a token is ignored (it never clears the
 * stored one), and a token different from the one stored replaces it only if the person says so
 * (`confirmReplace`); the one replaced is kept until the server accepts the new one. True if a token was
 * adopted.
 */
export function adoptTokenFromAddress(confirmReplace: () => boolean): boolean {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('token')?.trim();
  if (token === undefined) return false;
  fragment.delete('token');
  const rest = fragment.toString();
  const url = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
  if (!TOKEN_SHAPE.test(token)) return false;
  const current = storedToken();
  if (current === token) return false;
  if (current !== null && !confirmReplace()) return false;
  if (current !== null) session()?.setItem(REPLACED_KEY, current);
  storeToken(token);
  return true;
}

/**
 * After the server refused the stored token: the token a sign-in address replaced comes back (true),
 * or there was none. Call `tokenAccepted` once the server accepted the stored token.
 */
export function restoreReplacedToken(): boolean {
  const replaced = session()?.getItem(REPLACED_KEY);
  if (!replaced) return false;
  session()?.removeItem(REPLACED_KEY);
  storeToken(replaced);
  return true;
}

export function tokenAccepted(): void {
  session()?.removeItem(REPLACED_KEY);
}

function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Headers that carry the stored token, if any. */
export function authorizationHeader(): Record<string, string> {
  const token = storedToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
