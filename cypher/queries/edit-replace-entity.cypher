// edit-replace-entity: replace every stored property of one entity (its kind and relationships stay),
// one version on (a merge or an undo writes whole property maps).
// $id: the entity id; $properties: the new stored properties, id included
MATCH (n:Entity {id: $id})
WITH n, coalesce(n.version, 1) + 1 AS version
SET n = $properties
SET n.version = version
RETURN version;
