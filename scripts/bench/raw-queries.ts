/**
 * The same Cypher the API runs, on raw neo4j-driver: the baseline of the API-overhead ratio. Each
 * function runs the query files with the same parameters, in one read transaction, and returns the raw
 * records (no mapping, no validation, no HTTP).
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { SUBSTANTIVE_TYPES } from '../../schemas/index.js';
import { cypher } from '../../server/db/cypher-files.js';
import type { PatternDefinition } from '../../server/services/conflicts/pattern-files.js';
import { buildFulltextQuery } from '../../server/services/search-query.js';

export function rawQueries(driver: Driver, database: string) {
  const read = <T>(work: (tx: ManagedTransaction) => Promise<T>) => {
    const session = driver.session({ database, defaultAccessMode: 'READ' });
    return session.executeRead(work).finally(() => session.close());
  };
  return {
    search: (text: string) =>
      read((tx) =>
        tx.run(cypher('queries/search'), {
          query: buildFulltextQuery(text),
          text: text.toLowerCase(),
          kind: null,
          limit: int(10),
        }),
      ),
    /** Breadth-first by level, as the repository does: the start, each level's neighbours, then the edges among them. */
    neighborhood: (id: string, depth: number, limit: number) =>
      read(async (tx) => {
        await tx.run(cypher('queries/entity-node'), { id });
        const seen = new Set([id]);
        let frontier = [id];
        for (let level = 1; level <= depth && frontier.length > 0 && seen.size < limit; level++) {
          const result = await tx.run(cypher('queries/neighbors'), {
            frontier,
            seen: [...seen],
            types: [],
            limit: int(limit - seen.size + 1),
          });
          frontier = result.records.slice(0, limit - seen.size).map((r) => (r.get('node') as { id: string }).id);
          for (const n of frontier) seen.add(n);
        }
        return tx.run(cypher('queries/induced-edges'), { ids: [...seen], types: [] });
      }),
    paths: (from: string, to: string, maxHops: number) =>
      read(async (tx) => {
        await tx.run(cypher('queries/entity-kinds'), { ids: [from, to] });
        return tx.run(cypher('queries/shortest-paths'), { from, to, types: SUBSTANTIVE_TYPES, maxHops: int(maxHops) });
      }),
    pattern: (pattern: PatternDefinition, entity: string | null) =>
      read((tx) => tx.run(pattern.query, { rollup: false, entity })),
  };
}
