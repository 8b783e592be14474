// replace-relationships: write relationships of one type anew by id (an import that changed them, or the
// undo of one): the old one is deleted and created again between the ends given (they may have moved),
// one version on from the one it replaces (1 if there was none). REL_TYPE as in create-relationships.cypher.
// $rows: [{id, source, target, properties}] where properties include id.
UNWIND $rows AS row
OPTIONAL MATCH ()-[old:REL_TYPE {id: row.id}]->()
WITH row, old, CASE WHEN old IS NULL THEN 1 ELSE coalesce(old.version, 1) + 1 END AS version
DELETE old
WITH row, version
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:REL_TYPE]->(b)
SET r = row.properties
SET r.version = version
RETURN count(r) AS written;
