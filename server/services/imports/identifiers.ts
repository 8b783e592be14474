/**
 * One identity across sources. An entity an import brings with an identifier (scheme + value) that an
 * entity already in the graph holds is that entity: the import writes to it (its new names become
 * aliases, its citations and identifiers are added, fields the entity lacks are taken, the imported id
 * is kept in `mergedIds` so links to it land there too) instead of creating a second one. The way in is
 * the one merges use (merged-ids.ts: `followMerges`, `keepMerges`). A match by name alone is never
 * followed: it stays a duplicate proposal (services/duplicates) for a person to decide.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityKind, InterlockFile } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { batches } from './graph-writes.js';
import { identifierKey, type IdentifierRef, type KnownByIdentifier } from './sources/identity.js';

/** A Lucene phrase that matches exactly this value under the keyword analyzer. */
export function exactPhrase(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * Entities holding each identifier, by `identifierKey`. Where several hold the same one (people merged
 * nothing yet), the first by id answers, so the choice is the same on every run.
 */
export async function entitiesByIdentifier(
  tx: ManagedTransaction,
  refs: readonly IdentifierRef[],
): Promise<Map<string, KnownByIdentifier>> {
  const found = new Map<string, KnownByIdentifier>();
  const unique = new Map(refs.map((r) => [identifierKey(r.scheme, r.value), r]));
  for (const batch of batches([...unique.entries()], 5_000)) {
    const result = await tx.run(cypher('queries/entities-by-identifier'), {
      refs: batch.map(([key, r]) => ({ key, scheme: r.scheme, value: r.value, query: exactPhrase(r.value) })),
    });
    for (const record of result.records) {
      const key = record.get('key') as string;
      if (!found.has(key)) found.set(key, { id: record.get('id') as string, kind: record.get('kind') as EntityKind });
    }
  }
  return found;
}

/**
 * Which entities of the file are, by an identifier, an entity the graph already holds under another id
 * (of the same kind): file id -> the stored entity. Entities whose own id is stored are left alone (a
 * re-import, or two entities a person keeps apart); Documents are matched by id only.
 */
export async function identifiedAs(
  tx: ManagedTransaction,
  file: InterlockFile,
  storedIds: ReadonlySet<string>,
): Promise<Map<string, KnownByIdentifier>> {
  const candidates = file.entities.filter(
    (e) => e.kind !== 'Document' && !storedIds.has(e.id) && (e.identifiers?.length ?? 0) > 0,
  );
  if (candidates.length === 0) return new Map();
  const found = await entitiesByIdentifier(
    tx,
    candidates.flatMap((e) => e.identifiers ?? []),
  );
  const result = new Map<string, KnownByIdentifier>();
  for (const entity of candidates)
    for (const identifier of entity.identifiers ?? []) {
      const known = found.get(identifierKey(identifier.scheme, identifier.value));
      if (known && known.id !== entity.id && known.kind === entity.kind) {
        result.set(entity.id, known);
        break;
      }
    }
  return result;
}
