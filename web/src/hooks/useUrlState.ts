/**
 * Keeps the address bar in step with the view so a copied link reproduces it, and the browser's back
 * and forward buttons walk through the reader's steps: a meaningful change pushes a history entry,
 * and popstate (or opening a link) loads the entities it names and restores the rest.
 */
import { useEffect, useRef } from 'react';
import type { Dispatch } from 'react';
import type { GraphEdge, GraphNode } from '../../../schemas/index.js';
import { loadEntity } from '../api/entityCache.js';
import { decodeUrlState, edgeFromDetail, encodeUrlState } from '../model/index.js';
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
        dispatch({ type: 'merged', patch: await loadGraph(wanted.ids) });
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

/** The named entities and every relationship between two of them. */
async function loadGraph(ids: readonly string[]): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const details = await Promise.all(ids.map((id) => loadEntity(id)));
  const named = new Set(ids);
  const edges = new Map<string, GraphEdge>();
  for (const detail of details) {
    for (const rel of detail.relationships) {
      const edge = edgeFromDetail(rel);
      if (edge && named.has(edge.source) && named.has(edge.target)) edges.set(edge.id, edge);
    }
  }
  return { nodes: details.map((d) => d.entity), edges: [...edges.values()] };
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
