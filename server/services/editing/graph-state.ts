/**
 * The stored state of single entities and relationships, read and written inside the caller's
 * transaction: what edits, merges and undo are made of. Kinds and types reach Cypher only after a check
 * against the schema allowlist; everything else is a parameter. A relationship is found by id once, then
 * written through the element id read in the same transaction.
 *
 * States carry the stored `version` apart from the properties: properties are what a fact says (what
 * edits compare and the audit trail records); every write here moves the version on by one. A write that
 * reads before it writes (edits, merges, undo) reads under the write lock (`lockEntity`,
 * `lockRelationship`), so a concurrent write of the same fact waits and cannot be lost.
 */
import { int, type ManagedTransaction } from 'neo4j-driver';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { versionOf, withoutVersion } from '../../db/mapping.js';

export type Props = Record<string, unknown>;

export interface EntityState {
  id: string;
  kind: EntityKind;
  properties: Props;
  version: number;
}

export interface RelationshipState {
  elementId: string;
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Props;
  version: number;
}

/** A write refused because of the graph's state (an id in use, a document still cited): HTTP 409. */
export class EditConflictError extends Error {
  readonly statusCode = 409;
  readonly code = 'conflict';
}

/** A request that is well-formed but cannot apply (a field the kind does not have): HTTP 400. */
export class InvalidEditError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_edit';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
  }
}

export function checkedKind(kind: string): EntityKind {
  if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw new Error(`not an entity kind: ${kind}`);
  return kind as EntityKind;
}

export function checkedType(type: string): RelationshipType {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) throw new Error(`not a relationship type: ${type}`);
  return type as RelationshipType;
}

export async function readEntity(tx: ManagedTransaction, id: string): Promise<EntityState | null> {
  return toEntityState(id, (await tx.run(cypher('queries/edit-entity-state'), { id })).records[0]?.toObject());
}

/** The entity as it is, read under its write lock (held until `tx` ends). */
export async function lockEntity(tx: ManagedTransaction, id: string): Promise<EntityState | null> {
  return toEntityState(id, (await tx.run(cypher('queries/edit-lock-entity'), { id })).records[0]?.toObject());
}

export async function readRelationship(tx: ManagedTransaction, id: string): Promise<RelationshipState | null> {
  const result = await tx.run(cypher('queries/edit-relationship-state'), { id });
  const record = result.records[0];
  return record ? toRelationshipState(record.toObject()) : null;
}

/**
 * The relationship as it is, read under its write lock. Found by id, then locked by element id: if a
 * merge moved it in between (deleted and created again at another entity), it is found again.
 */
export async function lockRelationship(tx: ManagedTransaction, id: string): Promise<RelationshipState | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await readRelationship(tx, id);
    if (!found) return null;
    const locked = (await tx.run(cypher('queries/edit-lock-relationship'), { elementId: found.elementId })).records[0];
    if (locked) return toRelationshipState(locked.toObject());
  }
  return null;
}

/** Every relationship touching an entity (a self-loop once). */
export async function readLinks(tx: ManagedTransaction, id: string): Promise<RelationshipState[]> {
  const result = await tx.run(cypher('queries/edit-entity-links'), { id });
  return result.records.map((r) => toRelationshipState(r.toObject()));
}

export interface Reference {
  what: 'entity' | 'relationship';
  id: string;
  elementId: string | null;
  /** Entity kind or relationship type. */
  kind: string;
  source: string | null;
  target: string | null;
  properties: Props;
}

/** Entities and relationships whose citations or counterparties name `id`. */
export async function readReferences(tx: ManagedTransaction, id: string): Promise<Reference[]> {
  const result = await tx.run(cypher('queries/edit-references'), { id });
  return result.records.map((r) => {
    const reference = r.toObject() as unknown as Reference;
    return { ...reference, properties: withoutVersion(reference.properties) };
  });
}

/** Which of these ids are taken. */
export async function takenIds(tx: ManagedTransaction, ids: readonly string[]): Promise<Set<string>> {
  const result = await tx.run(cypher('queries/edit-id-taken'), { ids });
  return new Set((result.records[0]?.get('taken') as string[] | undefined) ?? []);
}

/** Creates an entity at `version` (1 for a new one; undo restores a deleted one at the next version). */
export async function createEntity(tx: ManagedTransaction, kind: EntityKind, properties: Props, version = 1): Promise<number> {
  await tx.run(cypher('queries/edit-create-entity'), { kind: checkedKind(kind), properties, version: int(version) });
  return version;
}

/** Writes a whole property map; returns the new version. */
export async function replaceEntity(tx: ManagedTransaction, id: string, properties: Props): Promise<number> {
  const result = await tx.run(cypher('queries/edit-replace-entity'), { id, properties: { ...properties, id } });
  return Number(result.records[0]?.get('version'));
}

/** Writes only `changes` (null removes a property); returns the new version. */
export async function patchEntity(tx: ManagedTransaction, id: string, changes: Props): Promise<number> {
  const result = await tx.run(cypher('queries/edit-patch-entity'), { id, changes });
  return Number(result.records[0]?.get('version'));
}

export async function deleteEntity(tx: ManagedTransaction, id: string): Promise<void> {
  await tx.run(cypher('queries/edit-delete-entity'), { id });
}

/** Creates a relationship at `version` (1 for a new one; one more than before for one moved or restored). */
export async function createRelationship(
  tx: ManagedTransaction,
  rel: { type: RelationshipType; source: string; target: string; properties: Props },
  version = 1,
): Promise<number> {
  const result = await tx.run(cypher('queries/edit-create-relationship'), {
    type: checkedType(rel.type),
    source: rel.source,
    target: rel.target,
    properties: rel.properties,
    version: int(version),
  });
  if (result.records.length === 0) throw new EditConflictError(`cannot create ${String(rel.properties.id)}: an end is gone`);
  return version;
}

/** Writes a whole property map; returns the new version. */
export async function replaceRelationship(tx: ManagedTransaction, elementId: string, properties: Props): Promise<number> {
  const result = await tx.run(cypher('queries/edit-replace-relationship'), { elementId, properties });
  return Number(result.records[0]?.get('version'));
}

/** Writes only `changes` (null removes a property); returns the new version. */
export async function patchRelationship(tx: ManagedTransaction, elementId: string, changes: Props): Promise<number> {
  const result = await tx.run(cypher('queries/edit-patch-relationship'), { elementId, changes });
  return Number(result.records[0]?.get('version'));
}

export async function deleteRelationship(tx: ManagedTransaction, elementId: string): Promise<void> {
  await tx.run(cypher('queries/edit-delete-relationship'), { elementId });
}

function toEntityState(id: string, row: Record<string, unknown> | undefined): EntityState | null {
  if (!row) return null;
  const stored = row.properties as Props;
  return { id, kind: checkedKind(row.kind as string), properties: withoutVersion(stored), version: versionOf(stored) };
}

function toRelationshipState(row: Record<string, unknown>): RelationshipState {
  const stored = row.properties as Props;
  return {
    elementId: row.elementId as string,
    id: row.id as string,
    type: checkedType(row.type as string),
    source: row.source as string,
    target: row.target as string,
    properties: withoutVersion(stored),
    version: versionOf(stored),
  };
}
