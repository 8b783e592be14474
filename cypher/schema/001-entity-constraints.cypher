// Every node is an :Entity with a stable, unique, URL-safe id (e.g. person:vincent-line).
// Applied at every start; IF NOT EXISTS keeps it idempotent.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// A range index on names, for sorting and listing entities by name.
CREATE INDEX entity_name IF NOT EXISTS
FOR (n:Entity) ON (n.name);
