// upsert-relationships: create or replace relationships of one type by id between existing entities.
// REL_TYPE is replaced with one type from the schema allowlist before the query runs (see
// server/services/importer.ts): a static type lets MERGE look only at relationships of that type between
// the two entities, where a dynamic type would read every relationship between them. To run this file in
// Neo4j Browser, replace REL_TYPE with a type such as SITS_ON_BOARD.
// $rows: [{id, source, target, properties}] where properties include id.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MERGE (a)-[r:REL_TYPE {id: row.id}]->(b)
SET r = row.properties
RETURN count(r) AS written;
