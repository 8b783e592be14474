// findings-money-flows: the rows' facts of every stored finding of one pattern (money-flow) in a
// generation, read along the (pattern, order) index, for the Money tab's table (FindingsService.moneyFlows),
// and each finding's payee (the receiver: stored findings are computed without rollup).
// `facts` is stored apart from the record since ADR 0037; a finding stored before has only its record.
// $pattern, $prefix (the generation's prefix of `order`)
MATCH (f:Finding)
WHERE f.pattern = $pattern
  AND f.order STARTS WITH $prefix
RETURN f.facts AS facts, CASE WHEN f.facts IS NULL THEN f.record END AS record, f.key[1] AS payee;
