/**
 * The table alternative to the canvas: the same entities and connections as rows, sortable by any
 * column. Rows carry raw values (ids, types, dates); the component turns them into words in the
 * reader's language and hands the sort the same words, so "sorted by kind" follows what is read.
 */
import type { EntityKind, FactStatus, GraphEdge, GraphNode, RelationshipType } from '../../../schemas/index.js';
import { sourceCount } from './filters.js';
import type { ViewGraph } from './types.js';

export type SortDirection = 'ascending' | 'descending';

export interface SortState<K extends string> {
  readonly key: K;
  readonly direction: SortDirection;
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextSort<K extends string>(current: SortState<K> | undefined, key: K): SortState<K> {
  if (current?.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'ascending' };
}

/** What `aria-sort` says for a column header. */
export function ariaSort<K extends string>(sort: SortState<K> | undefined, key: K): SortDirection | 'none' {
  return sort?.key === key ? sort.direction : 'none';
}

export type SortValue = string | number | undefined;

/**
 * Rows sorted by one column. Text compares in the reader's language, ignoring case and accents and
 * reading digits as numbers ("line 9" before "line 24"); numbers compare as numbers. Empty values go
 * last in both directions (a missing date is not "earliest"), and ties keep the canvas order.
 */
export function sortRows<R>(rows: readonly R[], direction: SortDirection, value: (row: R) => SortValue, locale = 'en'): R[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const aEmpty = a.key === undefined || a.key === '';
      const bEmpty = b.key === undefined || b.key === '';
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      const order =
        typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((x) => x.row);
}

export interface EntityRow {
  readonly id: string;
  readonly node: GraphNode;
  readonly kind: EntityKind;
  /** Connections on the canvas that touch it. */
  readonly connections: number;
}

export interface ConnectionRow {
  readonly id: string;
  readonly edge: GraphEdge;
  readonly type: RelationshipType;
  readonly source: string;
  readonly target: string;
  readonly start: string | undefined;
  readonly status: FactStatus;
  /** Distinct documents cited. */
  readonly sources: number;
}

export function entityRows(view: ViewGraph): EntityRow[] {
  const degree = new Map<string, number>();
  for (const edge of view.edges.values()) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    if (edge.target !== edge.source) degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return [...view.nodes.values()].map((node) => ({ id: node.id, node, kind: node.kind, connections: degree.get(node.id) ?? 0 }));
}

export function connectionRows(view: ViewGraph): ConnectionRow[] {
  return [...view.edges.values()].map((edge) => ({
    id: edge.id,
    edge,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    start: edge.start ?? edge.end,
    status: edge.status,
    sources: sourceCount(edge),
  }));
}
