/**
 * Keeps the address bar in step with the view so a copied link reproduces it, and the browser's back
 * and forward buttons walk through the reader's steps: a meaningful change pushes a history entry,
 * and popstate (or opening a link) loads the entities it names and restores the rest.
 */
import { useEffect, useRef } from 'react';
import type { Dispatch } from 'react';
import { MAX_BATCH_IDS } from '../../../schemas/index.js';
import type { EntityBatchResponse } from '../../../schemas/index.js';
import { api } from '../api/client.js';
import { i18next } from '../i18n/index.js';
import { decodeUrlState, encodeUrlState } from '../model/index.js';
import type { ExplorerAction, ExplorerState, UrlState } from '../model/index.js';

/** Parameters the view does not own but the link should keep (the language). */
const KEPT = ['lang'];

export function useUrlState(state: ExplorerState, dispatch: Dispatch<ExplorerAction>, report: (e: unknown) => void): void {
  // While a link is being replayed the view passes through half-restored states; none is pushed.
  const restoringRef = useRef(false);
  const reportRef = useRef(report);
  useEffect(() => {
    reportRef.current = report;
  });

  useEffect(() => {
    const restore = async () => {
      const wanted = decodeUrlState(window.location.search);
      restoringRef.current = true;
      try {
        dispatch({ type: 'keepOnly', ids: wanted.ids });
        // One request for the whole canvas: the entities and every relationship among them.
        if (wanted.ids.length > 0) {
          const { nodes, edges, missing } = await loadCanvas(wanted.ids);
          dispatch({ type: 'merged', patch: { nodes, edges } });
          if (missing.length > 0) reportRef.current(new Error(i18next.t('node.missingFromLink', { ids: missing.join(', ') })));
        }
        dispatch(restoreOf(wanted));
      } catch (e) {
        reportRef.current(e);
      } finally {
        restoringRef.current = false;
      }
    };
    const onPop = () => void restore();
    if (window.location.search.includes('ids=') || window.location.search.includes('hideCats=')) void restore();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [dispatch]);

  const { view, selection, filter, layout } = state;
  useEffect(() => {
    if (restoringRef.current) return;
    const query = withKept(
      encodeUrlState({ ids: [...view.nodes.keys()], selection, filter, layout: layout.mode, center: layout.center }),
    );
    if (query === window.location.search.replace(/^\?/, '')) return;
    // The first state of an empty page is not a step worth going back to.
    const bare = window.location.search === '' && view.nodes.size === 0;
    if (bare) window.history.replaceState(null, '', `?${query}`);
    else window.history.pushState(null, '', `?${query}`);
  }, [view, selection, filter, layout]);
}

function restoreOf(wanted: UrlState): Extract<ExplorerAction, { type: 'restore' }> {
  return { type: 'restore', filter: wanted.filter, selection: wanted.selection, layout: wanted.layout, center: wanted.center };
}

/**
 * The entities a link names and the relationships among them: one request up to the server's cap,
 * and above it one per slice (relationships between two slices are then left for Expand to add).
 */
async function loadCanvas(ids: readonly string[]): Promise<EntityBatchResponse> {
  const slices: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_BATCH_IDS) slices.push(ids.slice(i, i + MAX_BATCH_IDS));
  const answers = await Promise.all(slices.map((slice) => api.entities(slice)));
  return {
    nodes: answers.flatMap((a) => a.nodes),
    edges: answers.flatMap((a) => a.edges),
    missing: answers.flatMap((a) => a.missing),
  };
}

function withKept(query: string): string {
  const current = new URLSearchParams(window.location.search);
  const params = new URLSearchParams(query);
  for (const key of KEPT) {
    const value = current.get(key);
    if (value !== null) params.set(key, value);
  }
  return params.toString();
}
