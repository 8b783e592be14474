/**
 * Signing in and out: the access the stored token gives, asked of the server. Signing in or out stores
 * the token and reloads the page, so every panel asks again with the new token. A sign-in address
 * (`#token=`) that would replace the stored token asks first; if the server then refuses it, the old
 * one comes back.
 */
import type { AccessResponse } from '../../../../schemas/index.js';
import { ApiRequestError, api } from '../../api/client.js';
import { restoreReplacedToken, storeToken, storedToken, tokenAccepted } from '../../api/auth-token.js';
import * as accessText from '../../i18n/access.js';
import { isLanguage } from '../../i18n/index.js';
import type { AccessState } from '../slices/access.js';
import type { EffectDeps } from './index.js';

/**
 * Asks before a sign-in address replaces the stored token, in the page's language (set before this
 * runs). It runs before anything renders, so it is the browser's own dialog.
 */
export function confirmTokenReplacement(): boolean {
  const language = document.documentElement.lang;
  return window.confirm(accessText[isLanguage(language) ? language : 'en'].access.replaceToken);
}

export function accessEffects({ store }: EffectDeps) {
  const set = (state: AccessState) => store.dispatch({ type: 'access/set', state });
  const load = async (): Promise<void> => {
    try {
      set({ status: 'ready', access: await api.access() });
      tokenAccepted();
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401 && storedToken()) {
        // A token a sign-in address brought is refused: the one it replaced comes back.
        if (restoreReplacedToken()) return load();
        // The stored token no longer works (revoked): forget it, and show the page as a visitor sees it.
        storeToken(null);
        set({ status: 'rejected' });
      } else {
        set({ status: 'unreachable' });
      }
    }
  };
  return {
    load,

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
