/**
 * Pattern rows without their paths on the wire. Over the whole graph a person or company is in thousands
 * of rows, and sending every row's paths with every node's properties took more than half of a pattern's
 * time (board-interlock at 100k relationships: 3.6 s to find its rows, 8 s to receive them). The pattern
 * runs wrapped so its rows name their evidence by element ids and keep only the dates of their `timed`
 * facts; each node and relationship is then read once, and the rows get their paths back, as the
 * pattern returned them, for findings.ts.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { PatternRow, RawNode, RawPath, RawRelationship, RawSpan } from './findings.js';

/** A path as the element ids of its nodes (in path order) and of its relationships. */
type CompactPath = [nodes: string[], relationships: string[]];

interface CompactRow {
  key: string[];
  evidence: CompactPath[];
  timed: RawSpan[];
  facts: Record<string, unknown>;
}

/** Ids per read: a list parameter of this size is one quick index-free seek per id. */
const READ_CHUNK = 10_000;

/**
 * `query` (a pattern's columns: key, evidence, timed, facts) as a subquery whose rows carry element ids.
 * `t.start` reads a node's, a relationship's or a computed span's date alike.
 */
export function compactQuery(query: string): string {
  return `CALL {
${query.trim().replace(/;$/, '')}
}
RETURN key,
  [p IN evidence | [[n IN nodes(p) | elementId(n)], [r IN relationships(p) | elementId(r)]]] AS evidence,
  [t IN timed | {start: t.start, end: t.end, current: t.current, signedOn: t.signedOn}] AS timed,
  facts`;
}

/**
 * Runs a pattern in `tx` and returns its rows with their evidence paths, each element read once. The rows
 * are received as a stream and hold one copy of each element id: over a 1M-relationship graph a pattern
 * returns hundreds of thousands of rows naming the same elements again and again. Their paths are built
 * as the returned rows are iterated, and each compact row is let go once its paths are built.
 */
export async function compactPatternRows(
  tx: ManagedTransaction,
  query: string,
  parameters: Record<string, unknown>,
): Promise<Iterable<PatternRow>> {
  // Every element id once, as the key of these maps: the rows share these strings, and the keys are the
  // elements to read.
  const nodeIds = new Map<string, string>();
  const relationshipIds = new Map<string, string>();
  const shared = (ids: Map<string, string>) => (id: string) => ids.get(id) ?? (ids.set(id, id), id);
  const sharedNode = shared(nodeIds);
  const sharedRelationship = shared(relationshipIds);
  const rows: (CompactRow | undefined)[] = [];
  for await (const record of tx.run(compactQuery(query), parameters)) {
    const row = record.toObject() as unknown as CompactRow;
    row.evidence = row.evidence.map(([nodes, relationships]) => [nodes.map(sharedNode), relationships.map(sharedRelationship)]);
    rows.push(row);
  }
  const nodes = await readElements<RawNode>(tx, cypher('queries/evidence-nodes'), 'n', nodeIds.keys());
  const relationships = await readElements<RawRelationship>(
    tx,
    cypher('queries/evidence-relationships'),
    'r',
    relationshipIds.keys(),
  );
  return (function* () {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      rows[i] = undefined;
      yield { ...row, evidence: row.evidence.map((path) => pathOf(path, nodes, relationships)) };
    }
  })();
}

async function readElements<T extends { elementId: string }>(
  tx: ManagedTransaction,
  query: string,
  column: string,
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const elements = new Map<string, T>();
  const all = [...ids];
  for (let i = 0; i < all.length; i += READ_CHUNK) {
    const result = await tx.run(query, { ids: all.slice(i, i + READ_CHUNK) });
    for (const record of result.records) {
      const element = record.get(column) as T;
      elements.set(element.elementId, element);
    }
  }
  return elements;
}

function pathOf(
  [nodeIds, relationshipIds]: CompactPath,
  nodes: ReadonlyMap<string, RawNode>,
  relationships: ReadonlyMap<string, RawRelationship>,
): RawPath {
  const node = (id: string) => {
    const found = nodes.get(id);
    // Read in the same transaction as the rows: an element a row names exists.
    if (!found) throw new Error(`evidence node ${id} was not found in the transaction that named it`);
    return found;
  };
  return {
    start: node(nodeIds[0]!),
    segments: relationshipIds.map((id, i) => {
      const relationship = relationships.get(id);
      if (!relationship) throw new Error(`evidence relationship ${id} was not found in the transaction that named it`);
      return { start: node(nodeIds[i]!), relationship, end: node(nodeIds[i + 1]!) };
    }),
  };
}
