/**
 * Editing on the page: which form is open, the last change (for Undo), and the writes themselves. A
 * small store rather than a React context, so the forms, the side panel's tools and the rail's
 * Duplicates view share it without wrapping the page. After each write the canvas is brought up to date
 * through the explorer's own actions (`merged`, `removeNode`, `removeEdge`).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Dispatch } from 'react';
import type { EntityKind, GraphEdge, GraphNode } from '../../../../schemas/index.js';
import { ApiRequestError, errorMessage } from '../../api/client.js';
import { editingApi } from '../../api/editing.js';
import { forgetEntities, loadEntity } from '../../api/entityCache.js';
import { edgeFromDetail } from '../../model/index.js';
import type { ExplorerAction, ViewGraph } from '../../model/index.js';
import type { Endpoint } from './drafts.js';

export type Editor =
  | { readonly form: 'duplicates' }
  | { readonly form: 'entity'; readonly node?: GraphNode | undefined; readonly kind?: EntityKind | undefined }
  | {
      readonly form: 'relationship';
      readonly edge?: GraphEdge | undefined;
      readonly source?: Endpoint | undefined;
      readonly target?: Endpoint | undefined;
    };

export interface LastEdit {
  readonly auditId: string;
  /** An i18n key under `editing.` saying what happened. */
  readonly what: 'saved' | 'deleted' | 'undone';
  readonly merge?: boolean;
}

export interface EditingSnapshot {
  readonly editor?: Editor | undefined;
  /** Bumps after every write, so panels showing server data read it again. */
  readonly revision: number;
  readonly lastEdit?: LastEdit | undefined;
  readonly error?: string | undefined;
}

let snapshot: EditingSnapshot = { revision: 0 };
const listeners = new Set<() => void>();

function update(patch: Partial<EditingSnapshot>): void {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

export function useEditing(): EditingSnapshot {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}

interface Bridge {
  readonly dispatch: Dispatch<ExplorerAction>;
  readonly view: () => ViewGraph;
}
let bridge: Bridge | undefined;

/** Connects editing to the explorer's state; App calls it once. */
export function useEditingBridge(dispatch: Dispatch<ExplorerAction>, view: ViewGraph): void {
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });
  useEffect(() => {
    bridge = { dispatch, view: () => viewRef.current };
    return () => {
      bridge = undefined;
    };
  }, [dispatch]);
}

/**
 * Reads these entities again and redraws what the canvas shows of them: their new properties, their
 * connections to what is on the canvas, and nothing of what is gone. `add` puts entities on the canvas
 * that were not there.
 */
async function refresh(
  entityIds: readonly string[],
  relationshipIds: readonly string[],
  add: readonly string[] = [],
): Promise<void> {
  if (!bridge) return;
  const { dispatch, view } = bridge;
  forgetEntities([...entityIds, ...add]);
  const shown = view();
  const wanted = [...new Set([...entityIds.filter((id) => shown.nodes.has(id)), ...add])];
  const details = await Promise.all(
    wanted.map((id) =>
      loadEntity(id).catch((error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 404) return null;
        throw error;
      }),
    ),
  );
  wanted.forEach((id, i) => {
    if (details[i] === null) dispatch({ type: 'removeNode', id });
  });
  const found = details.filter((d) => d !== null);
  const onCanvas = new Set([...view().nodes.keys(), ...found.map((d) => d.entity.id)]);
  const edges = found
    .flatMap((d) => d.relationships.map(edgeFromDetail))
    .filter((e): e is GraphEdge => e !== undefined && onCanvas.has(e.source) && onCanvas.has(e.target));
  dispatch({ type: 'merged', patch: { nodes: found.map((d) => d.entity), edges } });
  const present = new Set(edges.map((e) => e.id));
  for (const id of relationshipIds) if (!present.has(id)) dispatch({ type: 'removeEdge', id });
}

async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
  update({ error: undefined });
  try {
    return await work();
  } catch (error) {
    update({ error: errorMessage(error) });
    return undefined;
  }
}

export const editing = {
  open(editor: Editor): void {
    update({ editor, error: undefined });
  },
  close(): void {
    update({ editor: undefined });
  },
  dismiss(): void {
    update({ lastEdit: undefined, error: undefined });
  },

  /** A saved entity: drawn and selected. */
  async entitySaved(auditId: string | null, node: GraphNode): Promise<void> {
    update({ editor: undefined, revision: snapshot.revision + 1, ...(auditId ? { lastEdit: { auditId, what: 'saved' } } : {}) });
    forgetEntities([node.id]);
    bridge?.dispatch({ type: 'merged', patch: { nodes: [node], edges: [] }, select: { kind: 'node', id: node.id } });
  },

  /** A saved relationship: both ends and the line drawn, the line selected. */
  async relationshipSaved(auditId: string | null, edge: GraphEdge): Promise<void> {
    update({ editor: undefined, revision: snapshot.revision + 1, ...(auditId ? { lastEdit: { auditId, what: 'saved' } } : {}) });
    await run(() => refresh([edge.source, edge.target], [edge.id], [edge.source, edge.target]));
    bridge?.dispatch({ type: 'select', selection: { kind: 'edge', id: edge.id } });
  },

  async deleteEntity(node: GraphNode): Promise<void> {
    const result = await run(() => editingApi.deleteEntity(node.id));
    if (!result) return;
    update({ revision: snapshot.revision + 1, lastEdit: { auditId: result.auditId, what: 'deleted' } });
    forgetEntities([node.id]);
    bridge?.dispatch({ type: 'removeNode', id: node.id });
  },

  async deleteRelationship(edge: GraphEdge): Promise<void> {
    const result = await run(() => editingApi.deleteRelationship(edge.id));
    if (!result) return;
    update({ revision: snapshot.revision + 1, lastEdit: { auditId: result.auditId, what: 'deleted' } });
    await run(() => refresh([edge.source, edge.target], [edge.id]));
  },

  /** Undo of a recorded edit or merge; the canvas follows. */
  async undo(auditId: string, options: { merge?: boolean } = {}): Promise<boolean> {
    const result = await run(() => (options.merge ? editingApi.undoMerge(auditId) : editingApi.undo(auditId)));
    if (!result) return false;
    update({ revision: snapshot.revision + 1, lastEdit: { auditId: result.auditId, what: 'undone' } });
    const shown = bridge?.view().nodes ?? new Map();
    // A merge undone brings the merged entity back next to the one kept, if that one is on the canvas.
    const restore = options.merge
      ? result.entityIds.filter((id) => !shown.has(id) && result.entityIds.some((o) => shown.has(o)))
      : [];
    await run(() => refresh(result.entityIds, result.relationshipIds, restore));
    return true;
  },

  async merged(auditId: string, keptId: string, goneId: string): Promise<void> {
    update({ revision: snapshot.revision + 1, lastEdit: { auditId, what: 'saved', merge: true } });
    forgetEntities([keptId, goneId]);
    const shown = bridge?.view().nodes;
    bridge?.dispatch({ type: 'removeNode', id: goneId });
    if (shown?.has(keptId) || shown?.has(goneId)) await run(() => refresh([keptId], [], [keptId]));
  },

  failed(error: unknown): void {
    update({ error: errorMessage(error) });
  },
};
