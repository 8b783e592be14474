/**
 * Entity details are asked for from several places (the side panel, every citation naming its
 * document, "show on canvas"); the data is read-only during a session, so one request per id suffices.
 */
import type { EntityDetailResponse } from '../../../schemas/index.js';
import { api } from './client.js';

const cache = new Map<string, Promise<EntityDetailResponse>>();

export function loadEntity(id: string): Promise<EntityDetailResponse> {
  let pending = cache.get(id);
  if (!pending) {
    pending = api.entity(id);
    cache.set(id, pending);
    // A failure must not stick: the next look retries (the server may have been restarting).
    pending.catch(() => cache.delete(id));
  }
  return pending;
}

/** After an edit: the next look at these entities asks the server again. */
export function forgetEntities(ids: Iterable<string>): void {
  for (const id of ids) cache.delete(id);
}
