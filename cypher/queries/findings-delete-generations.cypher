// findings-delete-generations: removes up to $limit stored findings (and then member nodes) of any generation
// other than $keep, and those generations' counts; run until it removes nothing.
CALL () {
  MATCH (f:Finding)
  WHERE f.generation <> $keep
  WITH f LIMIT $limit
  DELETE f
  RETURN count(*) AS findings
}
CALL () {
  MATCH (m:FindingMember)
  WHERE m.generation <> $keep
  WITH m LIMIT $limit
  DELETE m
  RETURN count(*) AS members
}
CALL () {
  MATCH (c:FindingCount)
  WHERE c.generation <> $keep
  DELETE c
  RETURN count(*) AS counts
}
RETURN findings + members + counts AS removed;
