/**
 * The reads and writes of an import. Labels and relationship types go into the query text only from the
 * schema allowlist; all values are parameters. Writes are cut into steps of at most `batchSize` rows,
 * each with the undo that reverses it exactly (see undo-log.ts and ADR 0011): the steps run either all in
 * one transaction (small imports) or each in its own transaction (large ones).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { withoutVersion } from '../../db/mapping.js';
import type { ChangePlan, EntityRow, Props, RelationshipRow, StoredEntity, StoredRelationship } from './change-plan.js';

/**
 * Rows per write query and per batch transaction. Measured on the generated graphs (docs/benchmarks):
 * 5k to 20k rows per UNWIND give the same throughput within noise; 10k keeps each transaction's memory
 * small (a few MB of parameters) and the number of round trips low.
 */
export const BATCH = 10_000;

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

/** Rows grouped by a key, each group in the rows' order (one write query per kind or type). */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
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
        properties: withoutVersion(r.get('properties') as Record<string, unknown>),
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
          properties: withoutVersion(r.get('properties') as Record<string, unknown>),
        });
    }
  }
  return stored;
}

// ------------------------------------------------------------------ steps and their undo

interface EntityWrite {
  id: string;
  kind: string;
  properties: Props;
}
interface RelationshipWrite {
  id: string;
  source: string;
  target: string;
  properties: Props;
}

/** One batch of writes. Plain data (it is stored as JSON in the undo log). */
export type WriteStep =
  | { op: 'create-entities'; kind: EntityKind; rows: EntityWrite[] }
  | { op: 'upsert-entities'; rows: EntityWrite[] }
  | { op: 'delete-entities'; ids: string[] }
  | { op: 'create-relationships'; type: RelationshipType; rows: RelationshipWrite[] }
  /** Deletes these relationships by id and creates them anew (their ends may have moved). */
  | { op: 'replace-relationships'; type: RelationshipType; rows: RelationshipWrite[] }
  | { op: 'delete-relationships'; type: RelationshipType; ids: string[] };

export interface PlannedStep {
  step: WriteStep;
  /** The step that puts back what `step` changed. */
  undo: WriteStep;
  what: 'entities' | 'relationships';
  rows: number;
}

/**
 * The plan as batches in the order they must run: entities before the relationships that need them.
 * Each batch carries its undo, built from what the database held when the plan was made.
 */
export function writeSteps(
  plan: ChangePlan,
  stored: { entities: ReadonlyMap<string, StoredEntity>; relationships: ReadonlyMap<string, StoredRelationship> },
  batchSize = BATCH,
): PlannedStep[] {
  const steps: PlannedStep[] = [];
  for (const [kind, rows] of groupBy(plan.entities.created, (r) => r.kind))
    for (const batch of batches(rows, batchSize))
      steps.push({
        step: { op: 'create-entities', kind, rows: batch.map(entityWrite) },
        undo: { op: 'delete-entities', ids: batch.map((r) => r.id) },
        what: 'entities',
        rows: batch.length,
      });
  for (const batch of batches(plan.entities.updated, batchSize))
    steps.push({
      step: { op: 'upsert-entities', rows: batch.map((u) => entityWrite(u.row)) },
      undo: {
        op: 'upsert-entities',
        rows: batch.map((u) => ({
          id: u.row.id,
          kind: stored.entities.get(u.row.id)?.kind ?? u.row.kind,
          properties: u.before ?? {},
        })),
      },
      what: 'entities',
      rows: batch.length,
    });
  for (const [type, updated] of groupBy(plan.relationships.updated, (u) => u.row.type))
    for (const batch of batches(updated, batchSize))
      steps.push({
        step: { op: 'replace-relationships', type, rows: batch.map((u) => relationshipWrite(u.row)) },
        undo: {
          op: 'replace-relationships',
          type,
          rows: batch.map((u) => {
            const was = stored.relationships.get(u.row.id);
            return {
              id: u.row.id,
              source: was?.source ?? u.row.source,
              target: was?.target ?? u.row.target,
              properties: u.before ?? {},
            };
          }),
        },
        what: 'relationships',
        rows: batch.length,
      });
  for (const [type, rows] of groupBy(plan.relationships.created, (r) => r.type))
    for (const batch of batches(rows, batchSize))
      steps.push({
        step: { op: 'create-relationships', type, rows: batch.map(relationshipWrite) },
        undo: { op: 'delete-relationships', type, ids: batch.map((r) => r.id) },
        what: 'relationships',
        rows: batch.length,
      });
  return steps;
}

/** Something changed in the database between the plan and the write (e.g. a referenced entity went away). */
export class ImportConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportConflictError';
  }
}

/**
 * Runs one step in `tx` and checks that every row was written: a relationship whose end was deleted since
 * the plan was made would otherwise be dropped silently.
 */
export async function runStep(tx: ManagedTransaction, step: WriteStep): Promise<void> {
  const expectWritten = async (query: string, params: Record<string, unknown>, expected: number, what: string) => {
    const result = await tx.run(query, params);
    const written = Number(result.records[0]?.get(0) ?? 0);
    if (written !== expected)
      throw new ImportConflictError(`${what}: wrote ${written} of ${expected}; the database changed while the import ran`);
  };
  switch (step.op) {
    case 'create-entities':
      return expectWritten(
        withKindLabel('queries/create-entities', step.kind),
        { rows: step.rows.map((r) => ({ properties: r.properties })) },
        step.rows.length,
        `${step.kind} entities`,
      );
    case 'upsert-entities':
      return expectWritten(cypher('queries/upsert-entities'), { rows: step.rows }, step.rows.length, 'entities');
    case 'delete-entities':
      await tx.run(cypher('queries/delete-entities'), { ids: step.ids });
      return;
    case 'replace-relationships':
      return expectWritten(
        withRelationshipType('queries/replace-relationships', step.type),
        { rows: step.rows },
        step.rows.length,
        `${step.type} relationships`,
      );
    case 'create-relationships':
      return expectWritten(
        withRelationshipType('queries/create-relationships', step.type),
        { rows: step.rows },
        step.rows.length,
        `${step.type} relationships`,
      );
    case 'delete-relationships':
      await tx.run(withRelationshipType('queries/delete-relationships', step.type), { ids: step.ids });
      return;
  }
}

function entityWrite(row: EntityRow): EntityWrite {
  return { id: row.id, kind: row.kind, properties: row.properties };
}

function relationshipWrite(row: RelationshipRow): RelationshipWrite {
  return { id: row.id, source: row.source, target: row.target, properties: row.properties };
}
