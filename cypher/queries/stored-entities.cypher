// stored-entities: the kind and stored properties of the entities with these ids, to decide what an
// import creates, updates or leaves unchanged.
// $ids: [entity id]
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind, properties(n) AS properties;
