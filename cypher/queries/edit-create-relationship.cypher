// edit-create-relationship: one new relationship between two existing entities. The type comes from the
// schema allowlist (checked before this runs) through a dynamic type.
// $type: a relationship type; $source, $target: entity ids; $properties: stored properties, id included
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
CREATE (a)-[r:$($type)]->(b)
SET r = $properties
RETURN r.id AS id;
