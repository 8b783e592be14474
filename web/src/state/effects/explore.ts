/**
 * The explorer's effects: each intent reads what it needs through the one cache and dispatches what
 * came back to the pure reducer. Errors become one readable message for the banner. The canvas is
 * reached only through its port (reveal, fit), never directly.
 */
import type {
  EntityDetailResponse,
  EntityRelationship,
  Finding,
  GraphEdge,
  RelationshipType,
  SearchResult,
} from '../../../../schemas/index.js';
import { errorMessage, isAbort } from '../../api/client.js';
import { GRAPH, queries } from '../../api/queries.js';
import { i18next } from '../../i18n/index.js';
import { edgeFromDetail, otherEnd, pathTypes, shownNeighbours, visibleTypes } from '../../model/index.js';
import type { GraphPatch } from '../../model/index.js';
import type { EffectDeps } from './index.js';

/** Neighbourhoods larger than this are cut by the server; the reader is told. */
const EXPAND_LIMIT = 100;
/** Above this many new connections the reader is asked first: a hairball helps nobody. */
export const EXPAND_CONFIRM_ABOVE = 50;

export function exploreEffects({ store, queries: cache, canvas }: EffectDeps) {
  const { dispatch, getState } = store;
  const t = i18next.t.bind(i18next);

  /** Every failure reaches the reader through the same banner. */
  const report = (error: unknown) => {
    if (!isAbort(error)) dispatch({ type: 'ui/error', message: errorMessage(error) });
  };
  const clearMessages = () => {
    dispatch({ type: 'ui/error', message: undefined });
    dispatch({ type: 'ui/notice', message: undefined });
  };

  return {
    report,
    dismissError: () => dispatch({ type: 'ui/error', message: undefined }),
    dismissNotice: () => dispatch({ type: 'ui/notice', message: undefined }),

    /** A search pick: put the entity on the canvas, joined to whatever it touches already there. */
    async pick(result: Pick<SearchResult, 'id'>): Promise<void> {
      dispatch({ type: 'ui/error', message: undefined });
      try {
        const detail = await cache.fetchQuery(queries.entity(result.id));
        const { view } = getState().explorer;
        const wasShown = view.nodes.has(result.id);
        const edges = detail.relationships
          .map(edgeFromDetail)
          .filter((e): e is GraphEdge => e !== undefined && view.nodes.has(otherEnd(e, result.id)));
        dispatch({ type: 'merged', patch: { nodes: [detail.entity], edges }, select: { kind: 'node', id: result.id } });
        if (wasShown) canvas.current?.reveal(result.id);
      } catch (e) {
        report(e);
      }
    },

    async expand(id: string, only?: readonly RelationshipType[], count?: number): Promise<void> {
      if (count !== undefined && count > EXPAND_CONFIRM_ABOVE && !window.confirm(t('node.confirmExpand', { count }))) return;
      clearMessages();
      dispatch({ type: 'ui/expanding', id });
      try {
        // A type asked for by name is fetched even if its category is switched off in the legend.
        const types = only ? [...only] : visibleTypes(getState().explorer.filter.hiddenCategories);
        const graph = await cache.fetchQuery(queries.neighborhood(id, types, EXPAND_LIMIT));
        dispatch({ type: 'merged', patch: graph });
        if (graph.truncated) dispatch({ type: 'ui/notice', message: t('node.truncated', { count: EXPAND_LIMIT }) });
        else if (graph.edges.length === 0) dispatch({ type: 'ui/notice', message: t('node.noMore') });
      } catch (e) {
        report(e);
      } finally {
        dispatch({ type: 'ui/expanding', id: undefined });
      }
    },

    async findPaths(): Promise<void> {
      const { path, filter } = getState().explorer;
      if (!path.from || !path.to) return;
      dispatch({ type: 'ui/error', message: undefined });
      dispatch({ type: 'ui/findingPaths', busy: true });
      try {
        const types = pathTypes(path, filter.hiddenCategories);
        const response = await cache.fetchQuery(queries.paths(path.from, path.to, path.maxHops, types));
        dispatch({ type: 'pathsFound', response, maxHops: path.maxHops });
      } catch (e) {
        report(e);
      } finally {
        dispatch({ type: 'ui/findingPaths', busy: false });
      }
    },

    /** From the side panel's connection list: draw that connection (and its far end) and select it. */
    async showRelationship(rel: EntityRelationship, detail: EntityDetailResponse): Promise<void> {
      dispatch({ type: 'ui/error', message: undefined });
      const edge = edgeFromDetail(rel);
      if (!edge) {
        dispatch({ type: 'ui/error', message: t('node.cannotDraw') });
        return;
      }
      try {
        const other = await cache.fetchQuery(queries.entity(otherEnd(edge, detail.entity.id)));
        dispatch({
          type: 'merged',
          patch: { nodes: [detail.entity, other.entity], edges: [edge] },
          select: { kind: 'edge', id: edge.id },
        });
      } catch (e) {
        report(e);
      }
    },

    /** After an import: every read of the graph is stale. */
    graphImported: () => void cache.invalidateQueries({ queryKey: [GRAPH] }),

    /** Puts the entities named on the canvas (e.g. a sample of what an import brought in). */
    async showEntities(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      try {
        const batch = await cache.fetchQuery(queries.entities(ids));
        dispatch({ type: 'merged', patch: { nodes: batch.nodes, edges: batch.edges } });
      } catch (e) {
        report(e);
      }
    },

    showFinding: (finding: Finding, patch: GraphPatch) => dispatch({ type: 'showFinding', finding, patch }),

    /** Sets a path end from the side panel and brings up the Paths tab, so the reader sees what was set. */
    setPathEnd(end: 'from' | 'to', id: string): void {
      dispatch({ type: 'setPathEnd', end, id });
      dispatch({ type: 'ui/tab', tab: 'paths' });
    },

    /** An end typed into the path finder: it comes onto the canvas (to be drawn and named) and is set. */
    async choosePathEnd(end: 'from' | 'to', id: string): Promise<void> {
      await this.showEntities([id]);
      this.setPathEnd(end, id);
    },

    /** Shift-click on the canvas: the first pick is the start, the next one the end. */
    pickPathEnd(id: string): void {
      dispatch({ type: 'pickPathEnd', id });
      dispatch({ type: 'ui/tab', tab: 'paths' });
    },

    /** Marks the selected entity together with its neighbours the canvas shows. */
    selectNeighbours(): void {
      const { explorer } = getState();
      if (explorer.selection?.kind !== 'node') return;
      const id = explorer.selection.id;
      dispatch({ type: 'selectNeighbours', id, neighbours: shownNeighbours(explorer, id) });
    },

    fit: () => canvas.current?.fit(),
  };
}
