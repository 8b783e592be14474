// findings-delete-generations: removes up to $limit stored findings (and then member nodes) of any generation
// other than $keep; run until it removes nothing.
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
RETURN findings + members AS removed;
