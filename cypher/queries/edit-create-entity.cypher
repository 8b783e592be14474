// edit-create-entity: one new entity. The kind label comes from the schema allowlist (checked before
// this runs) through a dynamic label. The id uniqueness constraint refuses an id that exists.
// $kind: an entity kind; $properties: the stored properties, id included; $version: 1, or one more than
// the version an entity restored by undo had when it was deleted
CREATE (n:Entity)
SET n = $properties
SET n.version = $version
SET n:$($kind)
RETURN n.id AS id;
