/** Path results: which elements to emphasise and how to read each hop. */
import type { GraphEdge, Path } from '../../../schemas/index.js';
import type { Highlight, ViewGraph } from './types.js';

export const NO_HIGHLIGHT: Highlight = { nodeIds: new Set(), edgeIds: new Set() };

/**
 * The elements of the given paths. `only` narrows the highlight to one path when the reader points at
 * it in the list; otherwise every shortest path lights up together.
 */
export function pathHighlight(paths: readonly Path[], only?: number): Highlight {
  const chosen = only === undefined ? paths : paths.slice(only, only + 1);
  return {
    nodeIds: new Set(chosen.flatMap((p) => p.nodeIds)),
    edgeIds: new Set(chosen.flatMap((p) => p.edgeIds)),
  };
}

export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly edge: GraphEdge | undefined;
  readonly edgeId: string;
  /** False when the path walks the edge against its direction (e.g. a contract *awarded to* someone). */
  readonly forward: boolean;
}

/** Splits a path into hops between consecutive nodes, each with the edge that joins them. */
export function pathHops(path: Path, view: ViewGraph): Hop[] {
  return path.edgeIds.map((edgeId, i) => {
    const from = path.nodeIds[i] ?? '';
    const to = path.nodeIds[i + 1] ?? '';
    const edge = view.edges.get(edgeId);
    return { from, to, edge, edgeId, forward: edge === undefined || edge.source === from };
  });
}

/** Shortest first, so the list reads from the most direct connection down. */
export function sortPaths(paths: readonly Path[]): Path[] {
  return [...paths].sort((a, b) => a.edgeIds.length - b.edgeIds.length);
}
