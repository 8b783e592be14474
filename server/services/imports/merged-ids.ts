/**
 * A merge survives re-import. When two entities are merged, the one kept holds the other's id in
 * `mergedIds` (editing/merge.ts). An import that names a merged id (the same file again, or a newer
 * version of it) writes to the entity it was merged into: links to the old id are drawn to it, and the
 * old row is absorbed the way the merge absorbed it (its names as aliases, its sources, fields the kept
 * entity lacks). A merged entity's own row no longer replaces it wholesale either: the names, sources
 * and ids the merge gave it are kept. Importing the same file again after a merge changes nothing.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityKind, InterlockFile } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { entityToStored } from '../../db/mapping.js';
import { absorb } from '../editing/merge.js';
import type { EntityRow, Props, StoredEntity } from './change-plan.js';

type Entity = InterlockFile['entities'][number];

/** Every entity id a file names: its entities, the ends of its links, the documents and parties they cite. */
export function entityIdsOf(file: InterlockFile): string[] {
  const ids = new Set<string>();
  for (const e of file.entities) {
    ids.add(e.id);
    for (const c of e.citations) ids.add(c.documentId);
  }
  for (const r of file.relationships) {
    ids.add(r.source);
    ids.add(r.target);
    for (const c of r.citations) ids.add(c.documentId);
    for (const id of referencesOf(r)) ids.add(id);
  }
  return [...ids];
}

/** Which of these ids were merged into another entity, and into which. */
export async function mergedInto(
  tx: ManagedTransaction,
  ids: readonly string[],
): Promise<Map<string, { id: string; kind: EntityKind }>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run(cypher('queries/merged-into'), { ids });
  return new Map(
    result.records.map((r) => [r.get('mergedId') as string, { id: r.get('id') as string, kind: r.get('kind') as EntityKind }]),
  );
}

/**
 * The file with merged ids replaced by the entities they were merged into; rows of merged entities are
 * taken out and returned by the id that absorbs them. Pure.
 */
export function followMerges(
  file: InterlockFile,
  into: ReadonlyMap<string, { id: string }>,
): { file: InterlockFile; absorbed: Map<string, Entity[]> } {
  const absorbed = new Map<string, Entity[]>();
  if (into.size === 0) return { file, absorbed };
  const follow = (id: string) => into.get(id)?.id ?? id;
  const cite = <T extends { citations: { documentId: string }[] }>(fact: T): T => ({
    ...fact,
    citations: fact.citations.map((c) => ({ ...c, documentId: follow(c.documentId) })),
  });
  const entities: Entity[] = [];
  for (const entity of file.entities) {
    const target = into.get(entity.id);
    if (target) absorbed.set(target.id, [...(absorbed.get(target.id) ?? []), cite(entity)]);
    else entities.push(cite(entity));
  }
  const relationships = file.relationships.map((r) => {
    const moved = { ...cite(r), source: follow(r.source), target: follow(r.target) } as typeof r;
    const refs = moved as unknown as Record<string, unknown>;
    for (const key of REFERENCE_LISTS) if (Array.isArray(refs[key])) refs[key] = (refs[key] as string[]).map(follow);
    return moved;
  });
  return { file: { ...file, entities, relationships }, absorbed };
}

/**
 * Rows to write for entities that took part in a merge: the file's row (or, when the file holds only
 * the merged one, the stored entity) with what the merge gave it kept, and the absorbed rows taken in.
 * Other rows pass unchanged. Pure.
 */
export function keepMerges(
  rows: readonly EntityRow[],
  absorbed: ReadonlyMap<string, readonly Entity[]>,
  stored: ReadonlyMap<string, StoredEntity>,
): EntityRow[] {
  const result: EntityRow[] = [];
  const seen = new Set<string>();
  const takeIn = (id: string, base: Props): Props => {
    let properties = base;
    for (const entity of absorbed.get(id) ?? []) properties = absorb(properties, entityToStored(entity).properties);
    return properties;
  };
  for (const row of rows) {
    seen.add(row.id);
    const before = stored.get(row.id);
    const wasMerged =
      before !== undefined && Array.isArray(before.properties.mergedIds) && before.properties.mergedIds.length > 0;
    if (!wasMerged && !absorbed.has(row.id)) {
      result.push(row);
      continue;
    }
    const kept = before ? ownIdOut(absorb(row.properties, before.properties), row.id) : row.properties;
    result.push({ ...row, properties: takeIn(row.id, kept) });
  }
  for (const id of absorbed.keys()) {
    const before = stored.get(id);
    if (seen.has(id) || !before) continue;
    result.push({ id, kind: before.kind as EntityKind, properties: takeIn(id, before.properties) });
  }
  return result;
}

/** `absorb` of an entity's own stored state lists its own id as merged; it is not. */
function ownIdOut(properties: Props, id: string): Props {
  const result = { ...properties };
  const mergedIds = ((result.mergedIds as string[] | undefined) ?? []).filter((m) => m !== id);
  if (mergedIds.length) result.mergedIds = mergedIds;
  else delete result.mergedIds;
  return result;
}

const REFERENCE_LISTS = ['counterpartyIds', 'onBehalfOf'];

function referencesOf(r: InterlockFile['relationships'][number]): string[] {
  const record = r as unknown as Record<string, unknown>;
  return REFERENCE_LISTS.flatMap((key) => (Array.isArray(record[key]) ? (record[key] as string[]) : []));
}
