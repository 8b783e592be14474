/** Who this browser is signed in as: the answer of GET /api/access for the stored token. */
import type { AccessResponse } from '../../../../schemas/index.js';

export type AccessState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly access: AccessResponse }
  | { readonly status: 'rejected' }
  | { readonly status: 'unreachable' };

export type AccessAction = { readonly type: 'access/set'; readonly state: AccessState };

export function accessReducer(_state: AccessState, action: AccessAction): AccessState {
  return action.state;
}
