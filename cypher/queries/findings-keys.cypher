// findings-keys: the stored findings of generation $generation whose evidence includes one of $entities,
// with the ids in their keys: the entities an incremental update recomputes from.
MATCH (m:FindingMember)
WHERE m.entityId IN $entities AND m.generation = $generation
WITH DISTINCT m.findingId AS id
MATCH (f:Finding {id: id})
WHERE f.generation = $generation
RETURN f.id AS id, f.pattern AS pattern, f.key AS key;
