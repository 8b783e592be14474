// findings-of-entity-in-order: one page of the findings of a generation whose evidence includes $entity,
// for an entity in a large share of them (a hub: the largest contractor is in 465,225 of 1.25M findings at
// 1M relationships). The generation's findings are walked along the `order` index and each is kept when
// $entity is among its members, so a page reads about ($offset + $limit) × (all / the entity's) findings
// instead of every one of the entity's to sort them (findings-of-entity-page). Every pattern; one
// pattern: findings-of-entity-in-pattern-order.
// $entity, $generation, $prefix (the generation's prefix of `order`), $offset, $limit
MATCH (f:Finding)
WHERE f.order STARTS WITH $prefix
  AND EXISTS {
    MATCH (m:FindingMember {findingId: f.id})
    WHERE m.entityId = $entity AND m.generation = $generation
  }
WITH f
ORDER BY f.order
SKIP $offset
LIMIT $limit
RETURN collect(f.record) AS records;
