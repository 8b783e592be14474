// snapshot-entities: the entities with these ids, as plain maps with their kind, to freeze in a snapshot.
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n {.*, kind: [label IN labels(n) WHERE label <> 'Entity'][0]} AS node
ORDER BY node.id;
