/** Who this browser is signed in as (the page store's access part), for any component. */
import type { AccessState } from '../../state/slices/access.js';
import { useEffects, usePage } from '../../state/page.js';

export type { AccessState } from '../../state/slices/access.js';

export function useAccess(): AccessState {
  return usePage((state) => state.access);
}

/** True when the signed-in role may change the graph (write controls show only then). */
export function useCanWrite(): boolean {
  const access = useAccess();
  return access.status === 'ready' && access.access.canWrite;
}

/** Sign in with a token (checked by the server first) or out. */
export function useAccessActions() {
  return useEffects().access;
}
