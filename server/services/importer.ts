/**
 * Writes an Interlock file into Neo4j, all or nothing: validation runs first and reports every problem;
 * the writes then happen in one transaction function, so a failure leaves the database as it was.
 * Entities and relationships are merged by id, which makes a second import of the same file a no-op.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { EntityKind, InterlockFile } from '../../schemas/index.js';
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

async function writeFile(tx: ManagedTransaction, file: InterlockFile): Promise<void> {
  const entityRows = file.entities.map((e) => {
    const { kind, properties } = entityToStored(e);
    return { id: e.id, kind, properties };
  });
  const relationshipRows = file.relationships.map((r) => ({ id: r.id, ...relationshipToStored(r) }));
  await tx.run(cypher('queries/upsert-entities'), { rows: entityRows });
  await tx.run(cypher('queries/upsert-relationships'), { rows: relationshipRows });
}
