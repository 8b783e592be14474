/** Short links: a view too long for an address, kept on the server (`/v/<id>`). */
import { SavedViewResult, ViewState } from '../../../schemas/index.js';
import type { ViewStateInput } from '../../../schemas/index.js';
import { sendJson } from './client.js';

export const viewsApi = {
  save: (view: ViewStateInput) => sendJson('POST', '/views', SavedViewResult, view),
  get: (id: string, signal?: AbortSignal) => sendJson('GET', `/views/${encodeURIComponent(id)}`, ViewState, undefined, signal),
};

/** `/v/<id>` -> the id; anything else -> undefined. */
export function shortLinkIdFromPath(pathname: string): string | undefined {
  return /^\/v\/([a-z0-9]{12,40})\/?$/.exec(pathname)?.[1];
}
