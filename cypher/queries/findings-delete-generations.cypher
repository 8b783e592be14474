// findings-delete-generations: removes up to $limit stored findings (and then member nodes) of any generation
// other than $keep, and those generations' counts; run until it removes nothing.
// Older and newer generations are sought apart, by range on the `generation` index: a scan for
// `generation <> $keep` walks the index in order, so removing a newer, unfinished generation (left by a
// process that died while recomputing) read every kept finding again for each batch.
CALL () {
  MATCH (f:Finding)
  WHERE f.generation < $keep
  WITH f LIMIT $limit
  DELETE f
  RETURN count(*) AS olderFindings
}
CALL () {
  MATCH (f:Finding)
  WHERE f.generation > $keep
  WITH f LIMIT $limit
  DELETE f
  RETURN count(*) AS newerFindings
}
CALL () {
  MATCH (m:FindingMember)
  WHERE m.generation < $keep
  WITH m LIMIT $limit
  DELETE m
  RETURN count(*) AS olderMembers
}
CALL () {
  MATCH (m:FindingMember)
  WHERE m.generation > $keep
  WITH m LIMIT $limit
  DELETE m
  RETURN count(*) AS newerMembers
}
CALL () {
  MATCH (c:FindingCount)
  WHERE c.generation <> $keep
  DELETE c
  RETURN count(*) AS counts
}
RETURN olderFindings + newerFindings + olderMembers + newerMembers + counts AS removed;
