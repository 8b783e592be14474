/**
 * Signing in and out: the access the stored token gives, asked of the server. Signing in or out stores
 * the token and reloads the page, so every panel asks again with the new token.
 */
import type { AccessResponse } from '../../../../schemas/index.js';
import { ApiRequestError, api } from '../../api/client.js';
import { storeToken, storedToken } from '../../api/auth-token.js';
import type { AccessState } from '../slices/access.js';
import type { EffectDeps } from './index.js';

export function accessEffects({ store }: EffectDeps) {
  const set = (state: AccessState) => store.dispatch({ type: 'access/set', state });
  return {
    async load(): Promise<void> {
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
    },

    /** Checks a token with the server before keeping it; resolves to the access it gives, or null if refused. */
    async signIn(token: string): Promise<AccessResponse | null> {
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
    },

    signOut(): void {
      storeToken(null);
      window.location.reload();
    },
  };
}
