// entity-detail: one entity, every relationship touching it, and the entity at the other end of each.
// $id: the entity id.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-(other:Entity)
WITH n, r, other
ORDER BY type(r), other.name
RETURN
  n {.*, kind: [label IN labels(n) WHERE label <> 'Entity'][0]} AS entity,
  [x IN collect(CASE WHEN r IS NULL THEN null ELSE {
      rel: r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id},
      other: {id: other.id, name: other.name, aliases: coalesce(other.aliases, []), kind: [label IN labels(other) WHERE label <> 'Entity'][0]}
  } END) | x] AS links;
