/**
 * What an import would change, decided before anything is written: every entity and relationship is
 * created (its id is new), updated (stored properties or kind differ) or unchanged (skipped entirely, so
 * re-importing a file writes nothing and leaves no audit entry). Pure.
 */
import type { EntityKind, RelationshipType } from '../../../schemas/index.js';

export type Props = Record<string, unknown>;

export interface EntityRow {
  id: string;
  kind: EntityKind;
  properties: Props;
}
export interface RelationshipRow {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Props;
}

/** What the database holds for an id (properties without the version, which every write moves on). */
export interface StoredEntity {
  kind: string;
  properties: Props;
}
export interface StoredRelationship {
  source: string;
  target: string;
  properties: Props;
}

export interface Planned<T> {
  row: T;
  before: Props | null;
}

export interface ChangePlan {
  entities: { created: EntityRow[]; updated: Planned<EntityRow>[]; unchanged: number };
  relationships: { created: RelationshipRow[]; updated: Planned<RelationshipRow>[]; unchanged: number };
}

export function planChanges(
  entities: readonly EntityRow[],
  relationships: readonly RelationshipRow[],
  storedEntities: ReadonlyMap<string, StoredEntity>,
  storedRelationships: ReadonlyMap<string, StoredRelationship>,
): ChangePlan {
  const plan: ChangePlan = {
    entities: { created: [], updated: [], unchanged: 0 },
    relationships: { created: [], updated: [], unchanged: 0 },
  };
  for (const row of entities) {
    const stored = storedEntities.get(row.id);
    if (!stored) plan.entities.created.push(row);
    else if (stored.kind !== row.kind || !sameProperties(stored.properties, row.properties))
      plan.entities.updated.push({ row, before: stored.properties });
    else plan.entities.unchanged += 1;
  }
  for (const row of relationships) {
    const stored = storedRelationships.get(row.id);
    if (!stored) plan.relationships.created.push(row);
    else if (stored.source !== row.source || stored.target !== row.target || !sameProperties(stored.properties, row.properties))
      plan.relationships.updated.push({ row, before: stored.properties });
    else plan.relationships.unchanged += 1;
  }
  return plan;
}

/**
 * What to write to turn stored properties `before` into `after`: the properties whose value differs,
 * with null for those `after` no longer has (Cypher's `SET n += $changes` removes a property set to null).
 */
export function changedProperties(before: Props, after: Props): Props {
  const changes: Props = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!sameValue(before[key], after[key])) changes[key] = after[key] ?? null;
  }
  return changes;
}

export function sameProperties(a: Props, b: Props): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue(a[key], b[key])) return false;
  return true;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  // A stored empty list and an absent value mean the same to us (Neo4j keeps `[]`, we may omit it).
  if (Array.isArray(a) && b === undefined) return a.length === 0;
  if (Array.isArray(b) && a === undefined) return b.length === 0;
  return a === b || (a ?? null) === (b ?? null);
}
