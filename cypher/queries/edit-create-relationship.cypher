// edit-create-relationship: one new relationship between two existing entities. The type comes from the
// schema allowlist (checked before this runs) through a dynamic type.
// $type: a relationship type; $source, $target: entity ids; $properties: stored properties, id included;
// $version: 1 for a new one, one more than before for one moved by a merge or restored by undo
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
CREATE (a)-[r:$($type)]->(b)
SET r = $properties
SET r.version = $version
RETURN r.id AS id;
