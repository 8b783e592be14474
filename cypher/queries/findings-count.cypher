// findings-count: how many stored findings of a generation findings-page pages through (same filters).
MATCH (f:Finding)
WHERE f.order STARTS WITH $prefix
  AND ($pattern IS NULL OR f.pattern = $pattern)
  AND ($asOfFrom IS NULL OR any(i IN range(0, size(f.rowFrom) - 1) WHERE f.rowFrom[i] <= $asOfTo AND f.rowTo[i] >= $asOfFrom))
RETURN count(f) AS total;
