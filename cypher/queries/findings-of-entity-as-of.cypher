// findings-of-entity-as-of: as findings-of-entity-counts and -page, for a page asOf a date: every finding
// about $entity is read, since only those with a row that held on the date count ($asOfFrom/$asOfTo, as
// findings-page).
// $entity, $generation, $asOfFrom, $asOfTo, $pattern (or null), $offset, $limit
MATCH (m:FindingMember {entityId: $entity, generation: $generation})
MATCH (f:Finding {id: m.findingId})
WHERE f.generation = $generation
  AND any(i IN range(0, size(f.rowFrom) - 1) WHERE f.rowFrom[i] <= $asOfTo AND f.rowTo[i] >= $asOfFrom)
WITH DISTINCT f
ORDER BY f.order
WITH collect(f) AS found
CALL (found) {
  UNWIND found AS f
  WITH f.pattern AS pattern, count(*) AS count
  RETURN collect({pattern: pattern, count: count}) AS counts
}
WITH counts, [f IN found WHERE $pattern IS NULL OR f.pattern = $pattern] AS asked
RETURN counts, size(asked) AS total, [f IN asked[$offset..$offset + $limit] | f.record] AS records;
