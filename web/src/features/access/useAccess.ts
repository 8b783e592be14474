/**
 * Who this browser is signed in as, shared by every component through one small store (no provider to
 * mount): the answer of GET /api/access for the stored token. Signing in or out stores the token and
 * reloads the page, so every panel asks again with the new token.
 */
import { useSyncExternalStore } from 'react';
import type { AccessResponse } from '../../../../schemas/index.js';
import { ApiRequestError, api } from '../../api/client.js';
import { adoptTokenFromAddress, storeToken, storedToken } from '../../api/auth-token.js';

export type AccessState =
  { status: 'loading' } | { status: 'ready'; access: AccessResponse } | { status: 'rejected' } | { status: 'unreachable' };

// Before anything renders or rewrites the address: take a sign-in token out of it.
adoptTokenFromAddress();
// A sign-in address opened in a tab already showing the page changes only the fragment.
window.addEventListener('hashchange', () => {
  if (adoptTokenFromAddress()) window.location.reload();
});

let state: AccessState = { status: 'loading' };
let started = false;
const listeners = new Set<() => void>();

function set(next: AccessState): void {
  state = next;
  for (const listener of listeners) listener();
}

async function load(): Promise<void> {
  try {
    set({ status: 'ready', access: await api.access() });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401 && storedToken()) {
      // The stored token no longer works (revoked): forget it, and show the page as a visitor sees it.
      storeToken(null);
      set({ status: 'rejected' });
    } else {
      set({ status: 'unreachable' });
    }
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started) {
    started = true;
    void load();
  }
  return () => listeners.delete(listener);
}

export function useAccess(): AccessState {
  return useSyncExternalStore(subscribe, () => state);
}

/** True when the signed-in role may change the graph (write controls show only then). */
export function useCanWrite(): boolean {
  const access = useAccess();
  return access.status === 'ready' && access.access.canWrite;
}

/** Checks a token with the server before keeping it; resolves to the access it gives, or null if refused. */
export async function signIn(token: string): Promise<AccessResponse | null> {
  const previous = storedToken();
  storeToken(token);
  try {
    const access = await api.access();
    if (access.role === null) throw new ApiRequestError('no role', 401, 'unauthorized');
    window.location.reload();
    return access;
  } catch (error) {
    storeToken(previous);
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export function signOut(): void {
  storeToken(null);
  window.location.reload();
}
