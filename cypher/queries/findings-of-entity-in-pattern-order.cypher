// findings-of-entity-in-pattern-order: as findings-of-entity-in-order, for the findings of one pattern,
// walked along the (pattern, order) index.
// $entity, $generation, $pattern, $prefix (the generation's prefix of `order`), $offset, $limit
MATCH (f:Finding)
WHERE f.pattern = $pattern
  AND f.order STARTS WITH $prefix
  AND EXISTS {
    MATCH (m:FindingMember {findingId: f.id})
    WHERE m.entityId = $entity AND m.generation = $generation
  }
WITH f
ORDER BY f.pattern, f.order
SKIP $offset
LIMIT $limit
RETURN collect(f.record) AS records;
