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

/**
 * The schema statements for a bulk load's new store, which holds no schema object yet: those run first
 * (indexes, and drops, which find nothing there) and the constraint creations run after them. That order
 * builds what file order builds only while no statement drops a schema object that a statement creates:
 * then the order would matter, and this throws.
 */
export function bulkLoadSchema(statements: readonly string[]): { indexes: string[]; constraints: string[] } {
  const created = new Set(statements.flatMap((s) => /^CREATE\s+(?:\w+\s+)*?(?:INDEX|CONSTRAINT)\s+(\w+)/i.exec(s)?.[1] ?? []));
  for (const statement of statements) {
    const dropped = /^DROP\s+(?:INDEX|CONSTRAINT)\s+(\w+)/i.exec(statement)?.[1];
    if (dropped && created.has(dropped))
      throw new Error(`cypher/schema drops ${dropped}, which it also creates: a bulk load cannot reorder its statements`);
  }
  const isConstraint = (s: string) => /^CREATE\s+CONSTRAINT\b/i.test(s);
  return { indexes: statements.filter((s) => !isConstraint(s)), constraints: statements.filter(isConstraint) };
}
