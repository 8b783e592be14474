/**
 * The reads and writes of an import, inside the caller's transaction. Labels and relationship types go
 * into the query text only from the schema allowlist; all values are parameters. Rows go in batches:
 * large enough to amortise a round trip, small enough to keep each query's memory modest.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import type { ChangePlan, EntityRow, RelationshipRow, StoredEntity, StoredRelationship } from './change-plan.js';

export const BATCH = 5_000;

export function* batches<T>(rows: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** A query with REL_TYPE replaced by a type from the allowlist (never by input text). */
export function withRelationshipType(name: string, type: RelationshipType): string {
  if (!RELATIONSHIP_TYPES.includes(type)) throw new Error(`not a relationship type: ${String(type)}`);
  return cypher(name).replaceAll(':REL_TYPE', `:${type}`);
}

/** A query with KIND_LABEL replaced by a kind from the allowlist (never by input text). */
export function withKindLabel(name: string, kind: EntityKind): string {
  if (!ENTITY_KINDS.includes(kind)) throw new Error(`not an entity kind: ${String(kind)}`);
  return cypher(name).replaceAll(':KIND_LABEL', `:${kind}`);
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export async function storedEntities(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, StoredEntity>> {
  const stored = new Map<string, StoredEntity>();
  for (const batch of batches(ids)) {
    const result = await tx.run(cypher('queries/stored-entities'), { ids: batch });
    for (const r of result.records)
      stored.set(r.get('id') as string, {
        kind: r.get('kind') as string,
        properties: r.get('properties') as Record<string, unknown>,
      });
  }
  return stored;
}

export async function storedRelationships(
  tx: ManagedTransaction,
  rows: readonly RelationshipRow[],
): Promise<Map<string, StoredRelationship>> {
  const stored = new Map<string, StoredRelationship>();
  for (const [type, group] of groupBy(rows, (r) => r.type)) {
    for (const batch of batches(group)) {
      const result = await tx.run(withRelationshipType('queries/stored-relationships', type), { ids: batch.map((r) => r.id) });
      for (const r of result.records)
        stored.set(r.get('id') as string, {
          source: r.get('source') as string,
          target: r.get('target') as string,
          properties: r.get('properties') as Record<string, unknown>,
        });
    }
  }
  return stored;
}

export interface WriteProgress {
  (what: 'entities' | 'relationships', done: number, total: number): void;
}

/** Writes exactly what the plan says changes; unchanged rows are not touched. */
export async function writePlan(tx: ManagedTransaction, plan: ChangePlan, progress: WriteProgress): Promise<void> {
  const entityTotal = plan.entities.created.length + plan.entities.updated.length;
  let done = 0;
  for (const [kind, rows] of groupBy(plan.entities.created, (r) => r.kind)) {
    for (const batch of batches(rows)) {
      await tx.run(withKindLabel('queries/create-entities', kind), { rows: batch.map((r) => ({ properties: r.properties })) });
      progress('entities', (done += batch.length), entityTotal);
    }
  }
  for (const batch of batches(plan.entities.updated.map((u) => u.row))) {
    await tx.run(cypher('queries/upsert-entities'), { rows: batch.map(entityParams) });
    progress('entities', (done += batch.length), entityTotal);
  }

  const relTotal = plan.relationships.created.length + plan.relationships.updated.length;
  done = 0;
  // An updated relationship is replaced: its ends may have changed, and a relationship cannot move.
  for (const [type, rows] of groupBy(
    plan.relationships.updated.map((u) => u.row),
    (r) => r.type,
  )) {
    for (const batch of batches(rows))
      await tx.run(withRelationshipType('queries/delete-relationships', type), { ids: batch.map((r) => r.id) });
  }
  const toCreate = [...plan.relationships.created, ...plan.relationships.updated.map((u) => u.row)];
  for (const [type, rows] of groupBy(toCreate, (r) => r.type)) {
    for (const batch of batches(rows)) {
      await tx.run(withRelationshipType('queries/create-relationships', type), {
        rows: batch.map((r) => ({ source: r.source, target: r.target, properties: r.properties })),
      });
      progress('relationships', (done += batch.length), relTotal);
    }
  }
}

function entityParams(row: EntityRow) {
  return { id: row.id, kind: row.kind, properties: row.properties };
}
