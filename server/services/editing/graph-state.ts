/**
 * The stored state of single entities and relationships, read and written inside the caller's
 * transaction: what edits, merges and undo are made of. Kinds and types reach Cypher only after a check
 * against the schema allowlist; everything else is a parameter. A relationship is found by id once, then
 * written through the element id read in the same transaction.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';

export type Props = Record<string, unknown>;

export interface EntityState {
  id: string;
  kind: EntityKind;
  properties: Props;
}

export interface RelationshipState {
  elementId: string;
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Props;
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
  const result = await tx.run(cypher('queries/edit-entity-state'), { id });
  const record = result.records[0];
  if (!record) return null;
  return { id, kind: checkedKind(record.get('kind') as string), properties: record.get('properties') as Props };
}

export async function readRelationship(tx: ManagedTransaction, id: string): Promise<RelationshipState | null> {
  const result = await tx.run(cypher('queries/edit-relationship-state'), { id });
  const record = result.records[0];
  return record ? toRelationshipState(record.toObject()) : null;
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
  return result.records.map((r) => r.toObject() as unknown as Reference);
}

/** Which of these ids are taken. */
export async function takenIds(tx: ManagedTransaction, ids: readonly string[]): Promise<Set<string>> {
  const result = await tx.run(cypher('queries/edit-id-taken'), { ids });
  return new Set((result.records[0]?.get('taken') as string[] | undefined) ?? []);
}

export async function createEntity(tx: ManagedTransaction, kind: EntityKind, properties: Props): Promise<void> {
  await tx.run(cypher('queries/edit-create-entity'), { kind: checkedKind(kind), properties });
}

export async function replaceEntity(tx: ManagedTransaction, id: string, properties: Props): Promise<void> {
  await tx.run(cypher('queries/edit-replace-entity'), { id, properties: { ...properties, id } });
}

export async function deleteEntity(tx: ManagedTransaction, id: string): Promise<void> {
  await tx.run(cypher('queries/edit-delete-entity'), { id });
}

export async function createRelationship(
  tx: ManagedTransaction,
  rel: { type: RelationshipType; source: string; target: string; properties: Props },
): Promise<void> {
  const result = await tx.run(cypher('queries/edit-create-relationship'), {
    type: checkedType(rel.type),
    source: rel.source,
    target: rel.target,
    properties: rel.properties,
  });
  if (result.records.length === 0) throw new EditConflictError(`cannot create ${String(rel.properties.id)}: an end is gone`);
}

export async function replaceRelationship(tx: ManagedTransaction, elementId: string, properties: Props): Promise<void> {
  await tx.run(cypher('queries/edit-replace-relationship'), { elementId, properties });
}

export async function deleteRelationship(tx: ManagedTransaction, elementId: string): Promise<void> {
  await tx.run(cypher('queries/edit-delete-relationship'), { elementId });
}

function toRelationshipState(row: Record<string, unknown>): RelationshipState {
  return {
    elementId: row.elementId as string,
    id: row.id as string,
    type: checkedType(row.type as string),
    source: row.source as string,
    target: row.target as string,
    properties: row.properties as Props,
  };
}
