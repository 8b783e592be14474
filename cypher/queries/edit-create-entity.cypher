// edit-create-entity: one new entity. The kind label comes from the schema allowlist (checked before
// this runs) through a dynamic label. The id uniqueness constraint refuses an id that exists.
// $kind: an entity kind; $properties: the stored properties, id included
CREATE (n:Entity)
SET n = $properties
SET n:$($kind)
RETURN n.id AS id;
