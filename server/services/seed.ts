/**
 * The Colorado seed story. It is loaded into an empty graph once; later starts add only the seed facts
 * that are missing (a newer seed file, a fact deleted outside Interlock) and never change or delete
 * anything: a seed fact a person edited keeps their version, one they deleted or merged away stays
 * out (the audit trail says it was removed), and a fact that needs something removed (an end, a cited
 * document) is left out with it. What the seed did is counted for the start log.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import type { AuditEntry, InterlockFile } from '../../schemas/index.js';
import { cypher } from '../db/cypher-files.js';
import { entityToStored, relationshipToStored } from '../db/mapping.js';
import { readTransaction } from '../db/transactions.js';
import { toAuditEntry } from './audit-log.js';
import { ImportValidationError, parseInterlockFile } from './import-validation.js';
import { sameProperties } from './imports/change-plan.js';
import { storedEntities, storedRelationships } from './imports/graph-writes.js';
import { importInterlockFile } from './importer.js';

export const SEED_FILE = fileURLToPath(new URL('../../seed-data/colorado.json', import.meta.url));
const SEED_ACTOR = { actor: 'system:seed', route: 'seed' };

export interface SeedSummary {
  /** Facts in the seed file. */
  entities: number;
  relationships: number;
  /** Facts written now (all of them into an empty graph; afterwards only those missing). */
  added: { entities: number; relationships: number };
  /** Seed facts stored with other values than the seed's: a person edited them; they stay as edited. */
  editedKept: number;
  /** Seed facts a person deleted or merged away, or that need one of those: not brought back. */
  removedKept: number;
}

export async function loadSeed(driver: Driver, database: string): Promise<SeedSummary> {
  const parsed = parseInterlockFile(JSON.parse(await readFile(SEED_FILE, 'utf8')));
  if (!parsed.ok) throw new ImportValidationError(parsed.problems);
  const seed = parsed.file;
  const entityRows = seed.entities.map((e) => ({ id: e.id, ...entityToStored(e) }));
  const relationshipRows = seed.relationships.map((r) => ({ id: r.id, ...relationshipToStored(r) }));

  const { entities, relationships, removed } = await readTransaction(driver, database, async (tx) => {
    const stored = {
      entities: await storedEntities(
        tx,
        entityRows.map((r) => r.id),
      ),
      relationships: await storedRelationships(tx, relationshipRows),
    };
    const missing = [
      ...entityRows.filter((r) => !stored.entities.has(r.id)),
      ...relationshipRows.filter((r) => !stored.relationships.has(r.id)),
    ].map((r) => r.id);
    if (missing.length === 0) return { ...stored, removed: new Set<string>() };
    const result = await tx.run(cypher('queries/removed-ids'), { ids: missing });
    const history = result.records.map((r) => toAuditEntry(r.get('entry') as Record<string, unknown>));
    return { ...stored, removed: removedByPeople(missing, history) };
  });

  let editedKept = 0;
  for (const row of entityRows) {
    const stored = entities.get(row.id);
    if (stored && (stored.kind !== row.kind || !sameProperties(stored.properties, row.properties))) editedKept += 1;
  }
  for (const row of relationshipRows) {
    const stored = relationships.get(row.id);
    if (
      stored &&
      (stored.source !== row.source || stored.target !== row.target || !sameProperties(stored.properties, row.properties))
    )
      editedKept += 1;
  }

  const missing = missingFacts(seed, new Set(entities.keys()), new Set(relationships.keys()), removed);
  const added = { entities: missing.entities.length, relationships: missing.relationships.length };
  if (added.entities + added.relationships > 0) await importInterlockFile(driver, database, { ...seed, ...missing }, SEED_ACTOR);
  const removedKept =
    seed.entities.length + seed.relationships.length - added.entities - added.relationships - entities.size - relationships.size;
  return { entities: seed.entities.length, relationships: seed.relationships.length, added, editedKept, removedKept };
}

/**
 * The seed facts to add: missing from the graph, not removed by a person, and with everything they
 * need (cited documents, both ends) either in the graph or added with them. Pure.
 */
export function missingFacts(
  seed: InterlockFile,
  storedEntityIds: ReadonlySet<string>,
  storedRelationshipIds: ReadonlySet<string>,
  removed: ReadonlySet<string>,
): Pick<InterlockFile, 'entities' | 'relationships'> {
  let entities = seed.entities.filter((e) => !storedEntityIds.has(e.id) && !removed.has(e.id));
  // A document may cite another: drop what cites something that will not be there, until nothing changes.
  for (;;) {
    const present = new Set([...storedEntityIds, ...entities.map((e) => e.id)]);
    const kept = entities.filter((e) => e.citations.every((c) => present.has(c.documentId)));
    if (kept.length === entities.length) break;
    entities = kept;
  }
  const present = new Set([...storedEntityIds, ...entities.map((e) => e.id)]);
  const relationships = seed.relationships.filter(
    (r) =>
      !storedRelationshipIds.has(r.id) &&
      !removed.has(r.id) &&
      present.has(r.source) &&
      present.has(r.target) &&
      r.citations.every((c) => present.has(c.documentId)),
  );
  return { entities, relationships };
}

/**
 * The ids whose last recorded change removed them: deleted by an edit, merged away, taken out by an
 * undo, or rolled back with an import. An id whose last recorded change left it in place went missing
 * outside Interlock (or is new in the seed file), so the seed may add it. Pure; `history` oldest first.
 */
export function removedByPeople(ids: readonly string[], history: readonly AuditEntry[]): Set<string> {
  const wanted = new Set(ids);
  const last = new Map<string, 'present' | 'removed'>();
  for (const entry of history) {
    if (entry.changes) {
      for (const c of entry.changes) if (wanted.has(c.id)) last.set(c.id, c.op === 'deleted' ? 'removed' : 'present');
    } else {
      // Too large to keep in detail: an import wrote its ids, a rollback removed them.
      const state = entry.action === 'import-rollback' ? 'removed' : 'present';
      for (const id of [...entry.entityIds, ...entry.relationshipIds]) if (wanted.has(id)) last.set(id, state);
    }
  }
  return new Set([...last].filter(([, state]) => state === 'removed').map(([id]) => id));
}

/** The start log's line: "seed: 0 added, 3 edited by people kept". */
export function describeSeed(summary: SeedSummary): string {
  const added = summary.added.entities + summary.added.relationships;
  const removed = summary.removedKept > 0 ? `, ${summary.removedKept} deleted or merged by people left out` : '';
  return `seed: ${added} added, ${summary.editedKept} edited by people kept${removed}.`;
}
