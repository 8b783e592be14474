// findings-count: how many stored findings of a generation findings-page pages through, per pattern
// (same filters but the pattern, so a reader sees every pattern's count whichever is picked).
// $prefix, $asOfFrom, $asOfTo
MATCH (f:Finding)
WHERE f.order STARTS WITH $prefix
  AND ($asOfFrom IS NULL OR any(i IN range(0, size(f.rowFrom) - 1) WHERE f.rowFrom[i] <= $asOfTo AND f.rowTo[i] >= $asOfFrom))
RETURN f.pattern AS pattern, count(f) AS count;
