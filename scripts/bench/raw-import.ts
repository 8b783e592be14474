/**
 * The baseline an import is measured against: what a person would write by hand with neo4j-driver, an
 * `UNWIND $rows MERGE` loop per kind and per relationship type, one transaction per batch, with the same
 * batch size and the same stored properties as our import, but no validation, comparison or audit.
 */
import type { Driver } from 'neo4j-driver';
import type { InterlockFile } from '../../schemas/index.js';
import { entityToStored, relationshipToStored } from '../../server/db/mapping.js';
import { groupBy } from '../../server/services/imports/graph-writes.js';

export async function rawImport(driver: Driver, database: string, file: InterlockFile, batchSize: number): Promise<void> {
  const session = driver.session({ database });
  try {
    const entities = file.entities.map((e) => ({ id: e.id, ...entityToStored(e) }));
    for (const [kind, rows] of groupBy(entities, (e) => e.kind)) {
      // Labels cannot be parameters; these come from our own generated file, not from users.
      const query = `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n:${kind}, n += row.properties`;
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows.slice(i, i + batchSize).map((r) => ({ id: r.id, properties: r.properties }));
        await session.executeWrite((tx) => tx.run(query, { rows: batch }));
      }
    }
    const relationships = file.relationships.map((r) => ({ id: r.id, ...relationshipToStored(r) }));
    for (const [type, rows] of groupBy(relationships, (r) => r.type)) {
      const query =
        'UNWIND $rows AS row MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target}) ' +
        `MERGE (a)-[r:${type} {id: row.id}]->(b) SET r += row.properties`;
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows
          .slice(i, i + batchSize)
          .map((r) => ({ id: r.id, source: r.source, target: r.target, properties: r.properties }));
        await session.executeWrite((tx) => tx.run(query, { rows: batch }));
      }
    }
  } finally {
    await session.close();
  }
}
