/** Applies `cypher/schema/*.cypher` in file order. Every statement is idempotent (IF NOT EXISTS, or IF EXISTS for a drop). */
import type { Driver } from 'neo4j-driver';
import { cypherFolder, splitStatements } from '../db/cypher-files.js';

export async function applySchema(driver: Driver, database: string): Promise<number> {
  let applied = 0;
  for (const file of cypherFolder('schema')) {
    for (const statement of splitStatements(file.text)) {
      // Schema commands cannot share a transaction with other statements: one auto-commit each.
      await driver.executeQuery(statement, {}, { database });
      applied++;
    }
  }
  // Wait for new indexes (the full-text one) to come online so the first search finds everything.
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  return applied;
}
