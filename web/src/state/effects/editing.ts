/**
 * The writes of editing: after each one the reads that depend on the graph are invalidated in the one
 * cache, and the canvas is brought up to date through the explorer's own actions (`merged`,
 * `removeNode`, `removeEdge`).
 */
import type { GraphEdge, GraphNode } from '../../../../schemas/index.js';
import { ApiRequestError, errorMessage } from '../../api/client.js';
import { editingApi } from '../../api/editing.js';
import { GRAPH, queries } from '../../api/queries.js';
import { edgeFromDetail } from '../../model/index.js';
import type { Editor, LastEdit } from '../slices/editing.js';
import type { EffectDeps } from './index.js';

export function editingEffects({ store, queries: cache }: EffectDeps) {
  const dispatch = store.dispatch;
  const shown = () => store.getState().explorer.view;
  /** Everything read from the graph may have changed: mounted panels read it again, the rest when next shown. */
  const graphChanged = () => void cache.invalidateQueries({ queryKey: [GRAPH] });

  /**
   * Reads these entities again and redraws what the canvas shows of them: their new properties, their
   * connections to what is on the canvas, and nothing of what is gone. `add` puts entities on the
   * canvas that were not there.
   */
  async function refresh(entityIds: readonly string[], relationshipIds: readonly string[], add: readonly string[] = []) {
    const onCanvas = shown();
    const wanted = [...new Set([...entityIds.filter((id) => onCanvas.nodes.has(id)), ...add])];
    const details = await Promise.all(
      wanted.map((id) =>
        cache.fetchQuery(queries.entity(id)).catch((error: unknown) => {
          if (error instanceof ApiRequestError && error.status === 404) return null;
          throw error;
        }),
      ),
    );
    wanted.forEach((id, i) => {
      if (details[i] === null) dispatch({ type: 'removeNode', id });
    });
    const found = details.filter((d) => d !== null);
    const present = new Set([...shown().nodes.keys(), ...found.map((d) => d.entity.id)]);
    const edges = found
      .flatMap((d) => d.relationships.map(edgeFromDetail))
      .filter((e): e is GraphEdge => e !== undefined && present.has(e.source) && present.has(e.target));
    dispatch({ type: 'merged', patch: { nodes: found.map((d) => d.entity), edges } });
    const drawn = new Set(edges.map((e) => e.id));
    for (const id of relationshipIds) if (!drawn.has(id)) dispatch({ type: 'removeEdge', id });
  }

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    dispatch({ type: 'editing/error', message: undefined });
    try {
      return await work();
    } catch (error) {
      dispatch({ type: 'editing/error', message: errorMessage(error) });
      return undefined;
    }
  }

  const saved = (auditId: string | null): LastEdit | undefined => (auditId ? { auditId, what: 'saved' } : undefined);

  return {
    open: (editor: Editor) => dispatch({ type: 'editing/open', editor }),
    close: () => dispatch({ type: 'editing/close' }),
    dismiss: () => dispatch({ type: 'editing/dismiss' }),
    failed: (error: unknown) => dispatch({ type: 'editing/error', message: errorMessage(error) }),

    /** A saved entity: drawn and selected. */
    async entitySaved(auditId: string | null, node: GraphNode): Promise<void> {
      dispatch({ type: 'editing/done', lastEdit: saved(auditId), close: true });
      graphChanged();
      dispatch({ type: 'merged', patch: { nodes: [node], edges: [] }, select: { kind: 'node', id: node.id } });
    },

    /** A saved relationship: both ends and the line drawn, the line selected. */
    async relationshipSaved(auditId: string | null, edge: GraphEdge): Promise<void> {
      dispatch({ type: 'editing/done', lastEdit: saved(auditId), close: true });
      graphChanged();
      await run(() => refresh([edge.source, edge.target], [edge.id], [edge.source, edge.target]));
      dispatch({ type: 'select', selection: { kind: 'edge', id: edge.id } });
    },

    async deleteEntity(node: GraphNode): Promise<void> {
      const result = await run(() => editingApi.deleteEntity(node.id, node.version));
      if (!result) return;
      dispatch({ type: 'editing/done', lastEdit: { auditId: result.auditId, what: 'deleted' } });
      graphChanged();
      dispatch({ type: 'removeNode', id: node.id });
    },

    async deleteRelationship(edge: GraphEdge): Promise<void> {
      const result = await run(() => editingApi.deleteRelationship(edge.id, edge.version));
      if (!result) return;
      dispatch({ type: 'editing/done', lastEdit: { auditId: result.auditId, what: 'deleted' } });
      graphChanged();
      await run(() => refresh([edge.source, edge.target], [edge.id]));
    },

    /** Undo of a recorded edit or merge; the canvas follows. */
    async undo(auditId: string, options: { merge?: boolean } = {}): Promise<boolean> {
      const result = await run(() => (options.merge ? editingApi.undoMerge(auditId) : editingApi.undo(auditId)));
      if (!result) return false;
      dispatch({ type: 'editing/done', lastEdit: { auditId: result.auditId, what: 'undone' } });
      graphChanged();
      const onCanvas = shown().nodes;
      // A merge undone brings the merged entity back next to the one kept, if that one is on the canvas.
      const restore = options.merge
        ? result.entityIds.filter((id) => !onCanvas.has(id) && result.entityIds.some((o) => onCanvas.has(o)))
        : [];
      await run(() => refresh(result.entityIds, result.relationshipIds, restore));
      return true;
    },

    async merged(auditId: string, keptId: string, goneId: string): Promise<void> {
      dispatch({ type: 'editing/done', lastEdit: { auditId, what: 'saved', merge: true } });
      graphChanged();
      const onCanvas = shown().nodes;
      const wasShown = onCanvas.has(keptId) || onCanvas.has(goneId);
      dispatch({ type: 'removeNode', id: goneId });
      if (wasShown) await run(() => refresh([keptId], [], [keptId]));
    },
  };
}
