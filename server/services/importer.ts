/**
 * Writes an Interlock file into Neo4j, all or nothing: validation runs first and reports every problem;
 * the writes then happen in one transaction function, so a failure leaves the database as it was.
 * Entities and relationships are merged by id, which makes a second import of the same file a no-op.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { RELATIONSHIP_TYPES, type EntityKind, type InterlockFile, type RelationshipType } from '../../schemas/index.js';
import { cypher } from '../db/cypher-files.js';
import { entityToStored, relationshipToStored } from '../db/mapping.js';
import { checkReferences, externalReferences, parseInterlockFile, type ImportProblem } from './import-validation.js';

export class ImportValidationError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(
      `The import has ${problems.length} problem(s); nothing was written. First: ${problems[0]?.field}: ${problems[0]?.message}`,
    );
  }
}

export interface ImportSummary {
  entities: number;
  relationships: number;
}

export async function importInterlockFile(driver: Driver, database: string, input: unknown): Promise<ImportSummary> {
  const parsed = parseInterlockFile(input);
  if (!parsed.ok) throw new ImportValidationError(parsed.problems);
  const file = parsed.file;
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const problems = checkReferences(file, await existingKinds(tx, externalReferences(file)));
      if (problems.length > 0) throw new ImportValidationError(problems);
      await writeFile(tx, file);
      return { entities: file.entities.length, relationships: file.relationships.length };
    });
  } finally {
    await session.close();
  }
}

async function existingKinds(tx: ManagedTransaction, ids: string[]): Promise<Map<string, EntityKind>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run(cypher('queries/entity-kinds'), { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('kind') as EntityKind]));
}

/** Rows per query: large enough to amortise a round trip, small enough to keep each query's memory modest. */
const BATCH = 5_000;

/** The upsert query for one relationship type; the type must be in the schema allowlist. */
export function upsertRelationshipsQuery(type: RelationshipType): string {
  if (!RELATIONSHIP_TYPES.includes(type)) throw new Error(`not a relationship type: ${String(type)}`);
  return cypher('queries/upsert-relationships').replaceAll(':REL_TYPE', `:${type}`);
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

async function writeFile(tx: ManagedTransaction, file: InterlockFile): Promise<void> {
  const entityRows = file.entities.map((e) => {
    const { kind, properties } = entityToStored(e);
    return { id: e.id, kind, properties };
  });
  for (const rows of batches(entityRows)) await tx.run(cypher('queries/upsert-entities'), { rows });
  const byType = new Map<
    RelationshipType,
    { id: string; source: string; target: string; properties: Record<string, unknown> }[]
  >();
  for (const r of file.relationships) {
    const { type, source, target, properties } = relationshipToStored(r);
    byType.set(type, [...(byType.get(type) ?? []), { id: r.id, source, target, properties }]);
  }
  for (const [type, rows] of byType) {
    for (const batch of batches(rows)) await tx.run(upsertRelationshipsQuery(type), { rows: batch });
  }
}
