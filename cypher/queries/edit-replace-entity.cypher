// edit-replace-entity: replace every stored property of one entity (its kind and relationships stay).
// $id: the entity id; $properties: the new stored properties, id included
MATCH (n:Entity {id: $id})
SET n = $properties
RETURN n.id AS id;
