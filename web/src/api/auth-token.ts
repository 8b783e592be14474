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

/** Takes a `#token=…` from the address into storage and out of the address bar; true if there was one. */
export function adoptTokenFromAddress(): boolean {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (!token) return false;
  storeToken(token);
  fragment.delete('token');
  const rest = fragment.toString();
  const url = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
  return true;
}

/** Headers that carry the stored token, if any. */
export function authorizationHeader(): Record<string, string> {
  const token = storedToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
