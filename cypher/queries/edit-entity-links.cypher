// edit-entity-links: every relationship touching one entity, with its type, ends and stored properties
// (what deleting or merging the entity moves or removes, recorded so it can be undone).
// $id: the entity id
MATCH (n:Entity {id: $id})-[r]-(:Entity)
RETURN DISTINCT elementId(r) AS elementId, r.id AS id, type(r) AS type, startNode(r).id AS source,
  endNode(r).id AS target, properties(r) AS properties
ORDER BY id;
