// upsert-entities: create or replace entities by id, each one version on (a new one at version 1). The
// kind label comes from the schema allowlist (validated before this runs) through a dynamic label; a
// changed kind drops the old kind label. Entities stored before versions existed count as version 1.
// $rows: [{id, kind, properties}] where properties include id.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n.version = 0
WITH n, row, coalesce(n.version, 1) + 1 AS version,
  [label IN labels(n) WHERE label <> 'Entity' AND label <> row.kind] AS staleLabels
SET n = row.properties
SET n.version = version
SET n:$(row.kind)
REMOVE n:$(staleLabels)
RETURN count(n) AS written;
