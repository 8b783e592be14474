// findings-of-entity: the stored findings of a generation whose evidence includes $entity, in order,
// with their pattern (the caller keeps $pattern's and counts every pattern's).
// $entity, $generation, $asOfFrom, $asOfTo
MATCH (m:FindingMember {entityId: $entity})
WHERE m.generation = $generation
MATCH (f:Finding {id: m.findingId})
WHERE f.generation = $generation
  AND ($asOfFrom IS NULL OR any(i IN range(0, size(f.rowFrom) - 1) WHERE f.rowFrom[i] <= $asOfTo AND f.rowTo[i] >= $asOfFrom))
RETURN DISTINCT f.order AS order, f.pattern AS pattern, f.record AS record
ORDER BY order;
