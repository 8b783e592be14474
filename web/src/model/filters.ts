/**
 * What the legend and the time control let through. Entities are filtered by kind and, when they
 * carry dates (contracts, laws), by the as-of date; relationships, the sourced claims, are filtered
 * by category, type, status, number of distinct sources, and date.
 */
import type { GraphEdge, GraphNode } from '../../../schemas/index.js';
import { categoryOf } from '../../../shared/presentation/encoding.js';
import { isUndated, todayIso, validAt } from './time.js';
import type { Filter, ViewGraph } from './types.js';

/** Distinct documents a fact is sourced to: two quotes from one report are still one source. */
export function sourceCount(fact: { readonly citations: readonly { readonly documentId: string }[] }): number {
  return new Set(fact.citations.map((c) => c.documentId)).size;
}

export function nodePasses(node: GraphNode, filter: Filter, today: string): boolean {
  if (filter.hiddenKinds.has(node.kind)) return false;
  return filter.asOf === undefined || validAt(node, filter.asOf, today);
}

export function edgePasses(edge: GraphEdge, filter: Filter, today: string): boolean {
  if (filter.hiddenCategories.has(categoryOf(edge.type))) return false;
  if (filter.hiddenTypes?.has(edge.type)) return false;
  if (filter.hiddenStatuses?.has(edge.status)) return false;
  if (sourceCount(edge) < (filter.minSources ?? 1)) return false;
  if (filter.hideUndated && isUndated(edge)) return false;
  return filter.asOf === undefined || validAt(edge, filter.asOf, today);
}

/** When a date is chosen, undated relationships stay but look uncertain. */
export function looksUndated(edge: GraphEdge, filter: Filter): boolean {
  return filter.asOf !== undefined && isUndated(edge);
}

/** The neighbours of an entity that the canvas shows (the filters let both them and the link through). */
export function shownNeighbours(
  state: { readonly view: ViewGraph; readonly filter: Filter },
  id: string,
  today = todayIso(),
): string[] {
  const { view, filter } = state;
  const shown = (nodeId: string) => {
    const node = view.nodes.get(nodeId);
    return node !== undefined && nodePasses(node, filter, today);
  };
  const neighbours = new Set<string>();
  for (const edge of view.edges.values()) {
    if (edge.source !== id && edge.target !== id) continue;
    const other = edge.source === id ? edge.target : edge.source;
    if (other !== id && shown(other) && edgePasses(edge, filter, today)) neighbours.add(other);
  }
  return [...neighbours];
}
