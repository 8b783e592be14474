// create-relationships: create relationships of one type whose id does not exist yet (checked in the
// same transaction), at version 1. REL_TYPE is replaced with one type from the schema allowlist before the
// query runs (see server/services/imports/graph-writes.ts); replace it with a type such as SITS_ON_BOARD
// to run this file in Neo4j Browser.
// $rows: [{source, target, properties}] where properties include id.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:REL_TYPE]->(b)
SET r = row.properties
SET r.version = 1
RETURN count(r) AS written;
