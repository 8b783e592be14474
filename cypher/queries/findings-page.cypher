// findings-page: one page of stored findings of a generation, every pattern, in order (severity, then
// title), read along the `order` index; only findings one of whose rows held on $asOf (null: all). The
// asOf test per row: no fact started after the latest day $asOf can mean, none ended before its earliest
// ($asOfFrom/$asOfTo). One pattern's page: findings-page-of-pattern.
// $prefix (the generation's prefix of `order`), $asOfFrom, $asOfTo, $offset, $limit
MATCH (f:Finding)
WHERE f.order STARTS WITH $prefix
  AND ($asOfFrom IS NULL OR any(i IN range(0, size(f.rowFrom) - 1) WHERE f.rowFrom[i] <= $asOfTo AND f.rowTo[i] >= $asOfFrom))
WITH f
ORDER BY f.order
SKIP $offset
LIMIT $limit
RETURN f.record AS record;
