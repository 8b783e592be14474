// entities-by-id: the entities among $ids that exist, as plain maps with their kind.
// $ids: entity ids (a deep link's canvas).
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n {.*, kind: [label IN labels(n) WHERE label <> 'Entity'][0]} AS node;
