// findings-money-flows: the rows' facts of the stored findings of one pattern (money-flow) in a
// generation, for the Money tab's table (FindingsService.moneyFlows), and each finding's payee (the
// receiver: stored findings are computed without rollup). Read a chunk at a time along the
// (pattern, order) index, each chunk after the `order` the one before ended on (money-facts.ts).
// `facts` is stored apart from the record since ADR 0037; a finding stored before has only its record.
// $pattern, $after (the last `order` read, or the generation's prefix), $end (past the generation's
// last `order`), $limit
MATCH (f:Finding)
WHERE f.pattern = $pattern
  AND f.order > $after
  AND f.order < $end
WITH f
ORDER BY f.pattern, f.order
LIMIT $limit
RETURN f.order AS order, f.facts AS facts, CASE WHEN f.facts IS NULL THEN f.record END AS record, f.key[1] AS payee;
