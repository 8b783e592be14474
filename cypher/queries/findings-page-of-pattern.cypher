// findings-page-of-pattern: as findings-page, for the findings of one pattern, read along the
// (pattern, order) index, so a pattern with seven findings among a million is not looked for among all.
// $pattern, $prefix (the generation's prefix of `order`), $asOfFrom, $asOfTo, $offset, $limit
MATCH (f:Finding)
WHERE f.pattern = $pattern
  AND f.order STARTS WITH $prefix
  AND ($asOfFrom IS NULL OR any(i IN range(0, size(f.rowFrom) - 1) WHERE f.rowFrom[i] <= $asOfTo AND f.rowTo[i] >= $asOfFrom))
WITH f
ORDER BY f.pattern, f.order
SKIP $offset
LIMIT $limit
RETURN f.record AS record;
