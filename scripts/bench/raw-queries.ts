/**
 * The same Cypher the API runs, on raw neo4j-driver: the baseline of the API-overhead ratio. Each
 * function runs the query files with the same parameters, in one read transaction, and returns the raw
 * records (no mapping, no validation, no HTTP).
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { SUBSTANTIVE_TYPES } from '../../schemas/index.js';
import { cypher } from '../../server/db/cypher-files.js';
import type { PatternDefinition } from '../../server/services/conflicts/pattern-files.js';
import { inSearchOrder, searchQueries } from '../../server/services/search-query.js';

export function rawQueries(driver: Driver, database: string) {
  const read = <T>(work: (tx: ManagedTransaction) => Promise<T>) => {
    const session = driver.session({ database, defaultAccessMode: 'READ' });
    return session.executeRead(work).finally(() => session.close());
  };
  return {
    /** All the words first, any word when no name has them all, as the repository asks. */
    search: (text: string) =>
      read((tx) =>
        inSearchOrder(searchQueries(text)!, (query) =>
          tx.run(cypher('queries/search'), { query, text: text.toLowerCase(), kind: null, limit: int(10) }),
        ),
      ),
    /** The repository's one neighbourhood query: breadth-first levels and the edges among them. */
    neighborhood: (id: string, depth: number, limit: number) =>
      read((tx) => tx.run(cypher('queries/neighborhood'), { id, depth: int(depth), limit: int(limit), types: [] })),
    paths: (from: string, to: string, maxHops: number) =>
      read((tx) => tx.run(cypher('queries/shortest-paths'), { from, to, types: SUBSTANTIVE_TYPES, maxHops: int(maxHops) })),
    pattern: (pattern: PatternDefinition, entity: string | null) =>
      read((tx) => tx.run(pattern.query, { rollup: false, ...pattern.parameters, entity })),
  };
}
