/** The Colorado seed story, loaded idempotently (entities and relationships are merged by id). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { importInterlockFile, type ImportSummary } from './importer.js';

export const SEED_FILE = fileURLToPath(new URL('../../seed-data/colorado.json', import.meta.url));

export async function loadSeed(driver: Driver, database: string): Promise<ImportSummary> {
  const input: unknown = JSON.parse(await readFile(SEED_FILE, 'utf8'));
  return importInterlockFile(driver, database, input);
}
