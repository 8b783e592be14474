/**
 * Writes an Interlock file (already parsed JSON) into Neo4j, all or nothing: the seed and test fixtures
 * use this. It is the same path as every other import (see imports/import-service.ts): validation
 * first, then writes of only what differs, with an audit entry: one transaction for a small change,
 * batch transactions with an undo log for a large one (ADR 0011).
 * Loading the same file again changes nothing and writes nothing.
 */
import type { Driver } from 'neo4j-driver';
import type { ImportResult } from '../../schemas/index.js';
import { applyImport, type Actor, type WriteTuning } from './imports/import-service.js';
import { fromInterlockJson } from './imports/readers.js';

export { ImportValidationError } from './import-validation.js';
export { withRelationshipType } from './imports/graph-writes.js';

export interface ImportSummary {
  /** Entities and relationships in the file. */
  entities: number;
  relationships: number;
  result: ImportResult;
}

export async function importInterlockFile(
  driver: Driver,
  database: string,
  input: unknown,
  actor: Actor = { actor: 'system:seed', route: 'seed' },
  tuning?: WriteTuning,
): Promise<ImportSummary> {
  const mapped = fromInterlockJson(input);
  const result = await applyImport(driver, database, mapped, {
    format: 'json',
    dryRun: false,
    ...actor,
    ...(tuning ? { tuning } : {}),
  });
  return { entities: mapped.file.entities.length, relationships: mapped.file.relationships.length, result };
}
