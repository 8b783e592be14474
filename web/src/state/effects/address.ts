/**
 * Keeps the address bar in step with the view, so a copied address reopens it exactly, and the
 * browser's back and forward buttons walk through the reader's steps: a change of what is shown,
 * selected, filtered, pinned or lit pushes a history entry; moving, panning and zooming only update
 * the current one. A view too long for an address is kept on the server and the address becomes its
 * short link (`/v/<id>`). Opening an address (or going back) loads what it names and puts it back.
 */
import { MAX_BATCH_IDS } from '../../../../schemas/index.js';
import type { EntityBatchResponse, Finding, ViewState } from '../../../../schemas/index.js';
import { ApiRequestError, errorMessage } from '../../api/client.js';
import { queries } from '../../api/queries.js';
import { shortLinkIdFromPath, viewsApi } from '../../api/views.js';
import { i18next, readerLanguage } from '../../i18n/index.js';
import {
  INITIAL_STATE,
  KEPT_PARAMS,
  MAX_ADDRESS_QUERY,
  decodeViewQuery,
  encodeViewQuery,
  filterFrom,
  openViewAction,
  pathTypes,
  queryNamesView,
  viewStateOf,
} from '../../model/index.js';
import type { OpenedParts } from '../../model/index.js';
import type { EffectDeps } from './index.js';
import type { FlowView } from './money.js';
import { watch } from '../store.js';

/** Quiet time before the address follows a change (history calls are rate-limited by browsers). */
const SETTLE_MS = 250;
/** A long view is sent to the server only once the reader has paused this long (or copies the link). */
const SHORT_LINK_SETTLE_MS = 1200;

export function addressEffects(
  deps: EffectDeps,
  findFlow: (payer: string, payee: string, rollup: boolean) => Promise<FlowView | undefined>,
) {
  const { store, queries: cache, canvas } = deps;
  const t = i18next.t.bind(i18next);
  let opening = 0;
  let timer: number | undefined;
  /** Short links already made in this session, by the query of the view they keep. */
  const made = new Map<string, string>();

  const report = (error: unknown) => store.dispatch({ type: 'ui/error', message: errorMessage(error) });

  /** Loads what a view names and puts it back on the canvas in one step. */
  async function open(view: ViewState, history: 'reset' | 'record'): Promise<void> {
    opening += 1;
    try {
      const [batch, paths, finding, flow] = await Promise.all([
        loadCanvas(view.ids),
        pathsOf(view),
        findingOf(view),
        view.lit?.kind === 'money' ? findFlow(view.lit.payer, view.lit.payee, view.lit.rollup) : undefined,
      ]);
      const parts: OpenedParts = { canvas: batch, paths, finding, flow };
      store.dispatch(openViewAction(view, parts, history));
      if (batch.missing.length > 0) report(new Error(t('node.missingFromLink', { ids: batch.missing.join(', ') })));
      if (view.lit && !finding && !flow) store.dispatch({ type: 'ui/notice', message: t('link.litGone') });
    } catch (error) {
      report(error);
    } finally {
      opening -= 1;
    }
  }

  /**
   * The entities a view names and the relationships among them: one request up to the server's cap,
   * and above it one per slice (relationships between two slices are then left for Expand to add).
   */
  async function loadCanvas(ids: readonly string[]): Promise<EntityBatchResponse> {
    const slices: string[][] = [];
    for (let i = 0; i < ids.length; i += MAX_BATCH_IDS) slices.push(ids.slice(i, i + MAX_BATCH_IDS));
    const answers = await Promise.all(slices.map((slice) => cache.fetchQuery(queries.entities(slice))));
    return {
      nodes: answers.flatMap((a) => a.nodes),
      edges: answers.flatMap((a) => a.edges),
      missing: answers.flatMap((a) => a.missing),
    };
  }

  async function pathsOf(view: ViewState) {
    const path = view.path;
    if (!path?.found || !path.from || !path.to) return undefined;
    const filter = filterFrom(view.filters, view.asOf);
    const types = pathTypes({ only: path.only, types: path.types ? new Set(path.types) : undefined }, filter.hiddenCategories);
    return cache.fetchQuery(queries.paths(path.from, path.to, path.maxHops, types));
  }

  /** A lit finding is found again among its pattern's findings about one of its entities. */
  async function findingOf(view: ViewState): Promise<Finding | undefined> {
    if (view.lit?.kind !== 'finding') return undefined;
    const { id, entity } = view.lit;
    const pattern = id.slice(0, id.indexOf(':'));
    if (!pattern) return undefined;
    const answer = await cache.fetchQuery(queries.findingsOf(pattern, entity, readerLanguage(i18next.language)));
    return answer.findings.find((f) => f.id === id);
  }

  /** What the address of the current view is: its query, or its short link once made. */
  function wanted(): { view: ViewState; query: string } {
    const view = viewStateOf(store.getState().explorer);
    return { view, query: encodeViewQuery(view) };
  }

  /** The view without where things stand: a change here is worth a history entry. */
  function gist(view: ViewState): string {
    return encodeViewQuery({ ...view, positions: undefined, viewport: undefined });
  }

  let written: { gist: string; query: string } | undefined;

  function withKept(path: string): string {
    const current = new URLSearchParams(window.location.search);
    const kept = KEPT_PARAMS.flatMap((key) => {
      const value = current.get(key);
      return value === null ? [] : [`${key}=${encodeURIComponent(value)}`];
    });
    if (kept.length === 0) return path;
    return `${path}${path.includes('?') ? '&' : '?'}${kept.join('&')}`;
  }

  async function shortLink(view: ViewState, query: string): Promise<string | undefined> {
    try {
      const { id } = await viewsApi.save(view);
      made.set(query, id);
      return id;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 403) return undefined;
      throw error;
    }
  }

  /** Writes the address of the current view (making a short link for a long one); returns it. */
  async function write(): Promise<string> {
    const { view, query } = wanted();
    const key = { gist: gist(view), query };
    if (written && written.query === query) return window.location.href;
    let path: string;
    if (query.length <= MAX_ADDRESS_QUERY) path = `/?${query}`;
    else {
      const id = made.get(query) ?? (await shortLink(view, query));
      // Where no short link can be made (a public read-only copy refuses every write), the long
      // address still works in the browser, up to the server's limit on the length of a request.
      path = id ? `/v/${id}` : `/?${query}`;
    }
    // A view opened or changed meanwhile is written by its own turn.
    if (opening > 0 || wanted().query !== query) return window.location.href;
    const blank = !written && !queryNamesView(window.location.search) && view.ids.length === 0;
    const url = withKept(path);
    if (blank || written?.gist === key.gist) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    written = key;
    return window.location.href;
  }

  let lastChange = 0;
  /** The parts of the view whose change is a step worth a history entry (not where things stand). */
  let gistParts: readonly unknown[] = [];

  function schedule(): void {
    if (opening > 0) return;
    const { explorer } = store.getState();
    const parts = [
      explorer.view,
      explorer.selection,
      explorer.filter,
      explorer.layout,
      explorer.path,
      explorer.spotlight,
      explorer.pinned,
    ];
    const stepped = parts.some((part, i) => part !== gistParts[i]);
    gistParts = parts;
    lastChange = Date.now();
    window.clearTimeout(timer);
    // A step (something shown, selected, filtered, pinned or lit) is in the address at once, so a link
    // copied right after it has it; moves, pans and zooms follow once they pause.
    if (stepped && wanted().query.length <= MAX_ADDRESS_QUERY) void write().catch(() => undefined);
    else timer = window.setTimeout(settled, SETTLE_MS);
  }

  function settled(): void {
    // A long view becomes a short link only once the reader pauses: not one stored view per pan.
    const waited = Date.now() - lastChange;
    if (waited < SHORT_LINK_SETTLE_MS && wanted().query.length > MAX_ADDRESS_QUERY) {
      timer = window.setTimeout(settled, SHORT_LINK_SETTLE_MS - waited);
      return;
    }
    // A failed short link leaves the address as it was; the next change tries again.
    void write().catch(() => undefined);
  }

  /** Opens what the address names (a short link, or a view in the query). */
  async function openAddress(history: 'reset' | 'record'): Promise<void> {
    const id = shortLinkIdFromPath(window.location.pathname);
    let view: ViewState | undefined;
    if (id) {
      try {
        view = await viewsApi.get(id);
      } catch (error) {
        report(error instanceof ApiRequestError && error.status === 404 ? new Error(t('link.shortGone')) : error);
        return;
      }
    } else if (queryNamesView(window.location.search)) view = decodeViewQuery(window.location.search);
    else if (history === 'record') view = decodeViewQuery(`hideCats=${[...INITIAL_STATE.filter.hiddenCategories].join(',')}`);
    if (!view) return;
    await open(view, history);
    // What was opened is what the address says: no new entry for it.
    const now = wanted();
    written = { gist: gist(now.view), query: now.query };
  }

  return {
    /** Opens the address the page was loaded with, then follows the view; returns a function that stops. */
    start(): () => void {
      void openAddress('reset');
      const onPop = () => {
        window.clearTimeout(timer);
        void openAddress('record');
      };
      window.addEventListener('popstate', onPop);
      const stop = watch(store, (state) => state.explorer, schedule);
      return () => {
        stop();
        window.clearTimeout(timer);
        window.removeEventListener('popstate', onPop);
      };
    },

    /** The address of the view as it is now, written at once (a short link made if needed), for "Copy link". */
    async link(): Promise<string> {
      window.clearTimeout(timer);
      canvas.current?.flush();
      return write();
    },
  };
}
