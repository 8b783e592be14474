// create-entities: create entities of one kind that do not exist yet (the importer checked, in the same
// transaction), at version 1. KIND_LABEL is replaced with one kind from the schema allowlist before the
// query runs (server/services/imports/graph-writes.ts): a static label is much cheaper for the planner
// than a dynamic one per row. To run this file in Neo4j Browser, replace KIND_LABEL with a kind such as Person.
// $rows: [{properties}] where properties include id.
UNWIND $rows AS row
CREATE (n:Entity:KIND_LABEL)
SET n = row.properties
SET n.version = 1
RETURN count(n) AS written;
