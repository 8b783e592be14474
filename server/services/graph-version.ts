/**
 * Work derived from the whole graph (duplicate proposals, whole-graph conflict findings) is kept until
 * the graph changes. The version is a cheap fingerprint (cypher/queries/graph-version.cypher): the
 * number of entities and of relationships, and the newest audit entry. Every write made through
 * Interlock records an audit entry, which changes it; so does a change made outside Interlock (in Neo4j
 * Browser) that adds or removes an entity or a relationship. One that only changes properties keeps it.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';

/** What a graph version is made of: the counts, and the newest audit entry's id (null: none yet). */
export interface GraphVersionParts {
  entities: number;
  relationships: number;
  lastChange: string | null;
}

/** The parts as read, with the newest audit entry's time (not part of the version). */
export interface GraphVersionRead extends GraphVersionParts {
  lastChangeAt: string | null;
}

export function formatGraphVersion({ entities, relationships, lastChange }: GraphVersionParts): string {
  return `${entities}/${relationships}|${String(lastChange)}`;
}

export async function graphVersionParts(tx: ManagedTransaction): Promise<GraphVersionRead> {
  const row = (await tx.run(cypher('queries/graph-version'))).records[0];
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    entities: Number(row?.get('entities') ?? 0),
    relationships: Number(row?.get('relationships') ?? 0),
    lastChange: text(row?.get('lastChange')),
    lastChangeAt: text(row?.get('lastChangeAt')),
  };
}

export async function graphVersion(tx: ManagedTransaction): Promise<string> {
  return formatGraphVersion(await graphVersionParts(tx));
}

/**
 * Results per key, each kept with the graph version it was computed for, the most recently used
 * `maxKeys` of them. Asks for the same key and version while it is being computed share the computation;
 * a failed computation is forgotten, so the next ask tries again.
 */
export class VersionedMemo<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly maxKeys = 32) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known?.version === version) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.value;
    }
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
