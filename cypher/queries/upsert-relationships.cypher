// upsert-relationships: create or replace relationships by id between existing entities. The type comes
// from the schema allowlist (validated before this runs) through a dynamic type.
// $rows: [{id, type, source, target, properties}] where properties include id.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.properties
RETURN count(r) AS written;
