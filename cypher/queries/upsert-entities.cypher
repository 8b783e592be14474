// upsert-entities: create or replace entities by id. The kind label comes from the schema allowlist
// (validated before this runs) through a dynamic label; a changed kind drops the old kind label.
// $rows: [{id, kind, properties}] where properties include id.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, [label IN labels(n) WHERE label <> 'Entity' AND label <> row.kind] AS staleLabels
SET n = row.properties
SET n:$(row.kind)
REMOVE n:$(staleLabels)
RETURN count(n) AS written;
