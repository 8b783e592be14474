// entity-kinds: the kind of each existing entity among $ids (to validate an import's references).
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind;
