// neighbors: one breadth-first step. The entities one relationship away from a frontier, excluding those
// already seen, nearest-named first. Called once per depth level by the neighbourhood service.
// $frontier: ids to expand. $seen: ids already in the answer. $types: allowed relationship types
// ([] = all). $limit: most new entities to return.
MATCH (from:Entity)
WHERE from.id IN $frontier
MATCH (from)-[r]-(to:Entity)
WHERE NOT to.id IN $seen AND (size($types) = 0 OR type(r) IN $types)
WITH DISTINCT to
ORDER BY to.name
LIMIT $limit
RETURN to {.*, kind: [label IN labels(to) WHERE label <> 'Entity'][0]} AS node;
