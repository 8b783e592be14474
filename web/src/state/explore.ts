/**
 * The explorer's side effects: each user intent calls the API and dispatches what came back to the
 * pure reducer. Errors become one readable message for the banner; nothing here touches Cytoscape.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dispatch, RefObject } from 'react';
import type {
  EntityDetailResponse,
  EntityRelationship,
  GraphEdge,
  RelationshipType,
  SearchResult,
} from '../../../schemas/index.js';
import { api, errorMessage, isAbort } from '../api/client.js';
import { loadEntity } from '../api/entityCache.js';
import { edgeFromDetail, otherEnd, pathTypes, visibleTypes } from '../model/index.js';
import type { ExplorerAction, ExplorerState } from '../model/index.js';
import type { GraphCanvasHandle } from '../canvas/GraphCanvas.js';

/** Neighbourhoods larger than this are cut by the server; the reader is told. */
const EXPAND_LIMIT = 100;
/** Above this many new connections the reader is asked first: a hairball helps nobody. */
export const EXPAND_CONFIRM_ABOVE = 50;

export function useExplorerActions(
  state: ExplorerState,
  dispatch: Dispatch<ExplorerAction>,
  canvas: RefObject<GraphCanvasHandle | null>,
) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [expandingId, setExpandingId] = useState<string>();
  const [findingPaths, setFindingPaths] = useState(false);
  // Async handlers read the state as it is when their answer arrives, not when they were created.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const fail = (e: unknown) => {
    if (!isAbort(e)) setError(errorMessage(e));
  };

  /** A search pick: put the entity on the canvas, joined to whatever it touches already there. */
  async function pick(result: SearchResult): Promise<void> {
    setError(undefined);
    try {
      const detail = await loadEntity(result.id);
      const { view } = stateRef.current;
      const wasShown = view.nodes.has(result.id);
      const edges = detail.relationships
        .map(edgeFromDetail)
        .filter((e): e is GraphEdge => e !== undefined && view.nodes.has(otherEnd(e, result.id)));
      dispatch({ type: 'merged', patch: { nodes: [detail.entity], edges }, select: { kind: 'node', id: result.id } });
      if (wasShown) canvas.current?.reveal(result.id);
    } catch (e) {
      fail(e);
    }
  }

  async function expand(id: string, only?: readonly RelationshipType[], count?: number): Promise<void> {
    if (count !== undefined && count > EXPAND_CONFIRM_ABOVE && !window.confirm(t('node.confirmExpand', { count }))) return;
    setError(undefined);
    setNotice(undefined);
    setExpandingId(id);
    try {
      // A type asked for by name is fetched even if its category is switched off in the legend.
      const types = only ? [...only] : visibleTypes(stateRef.current.filter.hiddenCategories);
      const graph = await api.neighborhood(id, { depth: 1, types, limit: EXPAND_LIMIT });
      dispatch({ type: 'merged', patch: graph });
      if (graph.truncated) setNotice(t('node.truncated', { count: EXPAND_LIMIT }));
      else if (graph.edges.length === 0) setNotice(t('node.noMore'));
    } catch (e) {
      fail(e);
    } finally {
      setExpandingId(undefined);
    }
  }

  async function findPaths(): Promise<void> {
    const { path, filter } = stateRef.current;
    if (!path.from || !path.to) return;
    setError(undefined);
    setFindingPaths(true);
    try {
      const response = await api.paths({
        from: path.from,
        to: path.to,
        maxHops: path.maxHops,
        types: pathTypes(path, filter.hiddenCategories),
      });
      dispatch({ type: 'pathsFound', response, maxHops: path.maxHops });
    } catch (e) {
      fail(e);
    } finally {
      setFindingPaths(false);
    }
  }

  /** From the side panel's connection list: draw that connection (and its far end) and select it. */
  async function showRelationship(rel: EntityRelationship, detail: EntityDetailResponse): Promise<void> {
    setError(undefined);
    const edge = edgeFromDetail(rel);
    if (!edge) {
      setError(t('node.cannotDraw'));
      return;
    }
    try {
      const other = await loadEntity(otherEnd(edge, detail.entity.id));
      dispatch({
        type: 'merged',
        patch: { nodes: [detail.entity, other.entity], edges: [edge] },
        select: { kind: 'edge', id: edge.id },
      });
    } catch (e) {
      fail(e);
    }
  }

  return {
    pick,
    expand,
    findPaths,
    showRelationship,
    error,
    notice,
    expandingId,
    findingPaths,
    /** For other hooks' failures, so every error reaches the reader through the same banner. */
    report: fail,
    dismissError: () => setError(undefined),
    dismissNotice: () => setNotice(undefined),
  };
}
