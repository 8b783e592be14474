// findings-of-entity-page: one page of the findings of a generation whose evidence includes $entity, in
// order: the entity's members are walked and their findings sorted. Right for most entities, which are
// in a few findings; for a hub, findings-of-entity-in-order reads far less (the choice:
// `walkInOrder` in services/findings/entity-page.ts). How many of each pattern:
// findings-of-entity-counts. A page asOf a date: findings-of-entity-as-of.
// $entity, $generation, $pattern (or null), $offset, $limit
MATCH (m:FindingMember {entityId: $entity, generation: $generation})
WHERE $pattern IS NULL OR m.findingId STARTS WITH $pattern + ':'
WITH DISTINCT m.findingId AS id
MATCH (f:Finding {id: id})
WHERE f.generation = $generation
WITH f
ORDER BY f.order
SKIP $offset
LIMIT $limit
RETURN collect(f.record) AS records;
