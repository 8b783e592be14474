// edit-entity-state: one entity's kind and stored properties, to check and record an edit.
// $id: the entity id
MATCH (n:Entity {id: $id})
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind, properties(n) AS properties;
