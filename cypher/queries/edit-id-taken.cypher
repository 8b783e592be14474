// edit-id-taken: which of these candidate entity ids exist already (to pick a free one for a new entity).
// $ids: [entity id]
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN collect(n.id) AS taken;
