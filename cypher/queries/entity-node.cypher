// entity-node: one entity by id, as a plain map with its kind.
MATCH (n:Entity {id: $id})
RETURN n {.*, kind: [label IN labels(n) WHERE label <> 'Entity'][0]} AS node;
