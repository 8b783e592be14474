/**
 * The snapshot endpoints for the page. Answers are checked against the shared schemas, and failures
 * become `ApiRequestError`s with the server's message, like every other call of the page.
 */
import type { z } from 'zod';
import { ApiError, CreateSnapshotResult, PublishResult, Snapshot, SnapshotDiff, SnapshotList } from '../../../schemas/index.js';
import type { CreateSnapshot, ExportFormat, PictureLanguage, PictureSize } from '../../../schemas/index.js';
import { authorizationHeader } from './auth-token.js';
import { ApiRequestError, sendJson } from './client.js';

function call<S extends z.ZodType>(method: string, path: string, schema: S | null, body?: unknown): Promise<z.output<S>> {
  return sendJson(method, path, schema, body);
}

async function fail(response: Response): Promise<never> {
  const problem = ApiError.safeParse(await response.json().catch(() => undefined));
  throw new ApiRequestError(
    problem.success ? problem.data.error.message : `The server answered ${response.status} ${response.statusText}.`,
    response.status,
    problem.success ? problem.data.error.code : 'HTTP_ERROR',
  );
}

const path = (id: string) => `/snapshots/${encodeURIComponent(id)}`;

/** How a picture (PNG, SVG) is drawn: its size and the reader's language; `screen` sends the map's size on screen. */
export interface PictureChoice {
  readonly size: PictureSize;
  readonly lang: PictureLanguage;
}

/** The sides the API takes for `screen` (ScreenSide). */
const SCREEN_SIDE = { min: 320, max: 4000 } as const;

/**
 * The area "as on screen" means: the map as the reader sees it (the explorer's canvas, or a shared
 * snapshot's), else the window. Its shape is kept when a side has to be brought within the API's range.
 */
function screenArea(): { width: number; height: number } {
  const shown = Array.from(document.querySelectorAll<HTMLElement>('.graph-canvas, .snapshot-canvas')).find(
    (element) => element.clientWidth > 0 && element.clientHeight > 0,
  );
  let width = shown?.clientWidth ?? window.innerWidth;
  let height = shown?.clientHeight ?? window.innerHeight;
  const up = Math.max(1, SCREEN_SIDE.min / Math.min(width, height));
  const down = Math.min(1, SCREEN_SIDE.max / Math.max(width * up, height * up));
  width = Math.round(width * up * down);
  height = Math.round(height * up * down);
  const side = (value: number) => Math.min(SCREEN_SIDE.max, Math.max(SCREEN_SIDE.min, value));
  return { width: side(width), height: side(height) };
}

function exportQuery(format: ExportFormat, picture?: PictureChoice): string {
  const query = new URLSearchParams({ format });
  if (picture && (format === 'png' || format === 'svg')) {
    query.set('size', picture.size);
    query.set('lang', picture.lang);
    if (picture.size === 'screen') {
      const area = screenArea();
      query.set('width', String(area.width));
      query.set('height', String(area.height));
    }
  }
  return query.toString();
}

export const snapshotApi = {
  list: () => call('GET', '/snapshots', SnapshotList),
  get: (id: string) => call('GET', path(id), Snapshot),
  create: (input: CreateSnapshot) => call('POST', '/snapshots', CreateSnapshotResult, input),
  publish: (id: string) => call('POST', `${path(id)}/publish`, PublishResult),
  remove: async (id: string): Promise<void> => {
    await call('DELETE', path(id), null);
  },
  diff: (id: string) => call('GET', `${path(id)}/diff`, SnapshotDiff),
  exportUrl: (id: string, format: ExportFormat, picture?: PictureChoice) =>
    `/api${path(id)}/export?${exportQuery(format, picture)}`,
  /** Downloads a saved snapshot's export with the signed-in token (a draft is only visible with one). */
  async exportSaved(id: string, format: ExportFormat, picture?: PictureChoice): Promise<void> {
    await download(await fetch(snapshotApi.exportUrl(id, format, picture), { headers: authorizationHeader() }), format);
  },
  /** Exports a view without saving it: the file comes back as a download. */
  async exportView(input: CreateSnapshot, format: ExportFormat, picture?: PictureChoice): Promise<void> {
    const response = await fetch(`/api/snapshots/export?${exportQuery(format, picture)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorizationHeader() },
      body: JSON.stringify(input),
    });
    await download(response, format);
  },
};

async function download(response: Response, format: ExportFormat): Promise<void> {
  if (!response.ok) await fail(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `interlock.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The share link of a snapshot, on this server. */
export function shareUrl(id: string): string {
  return `${window.location.origin}/s/${encodeURIComponent(id)}`;
}

/** The HTML that puts a published snapshot in another page: the share view without its chrome, sized to its box. */
export function embedCode(id: string, title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${shareUrl(id)}?embed=1" title="${escaped}" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
}

/** `/s/<id>` -> the id; anything else -> undefined. */
export function shareIdFromPath(pathname: string): string | undefined {
  const match = /^\/s\/([a-z0-9-]+)\/?$/.exec(pathname);
  return match?.[1];
}
