// findings-of-entity: one page of the stored findings of a generation whose evidence includes $entity,
// in order, and the pattern of every one of them (for the counts per pattern). Only the page's records are
// read: a busy buyer is in tens of thousands of findings at 1M, and sending every record to keep a
// hundred made one ask take seconds.
// $entity, $generation, $asOfFrom, $asOfTo, $pattern (or null), $offset, $limit
MATCH (m:FindingMember {entityId: $entity})
WHERE m.generation = $generation
MATCH (f:Finding {id: m.findingId})
WHERE f.generation = $generation
  AND ($asOfFrom IS NULL OR any(i IN range(0, size(f.rowFrom) - 1) WHERE f.rowFrom[i] <= $asOfTo AND f.rowTo[i] >= $asOfFrom))
WITH DISTINCT f
ORDER BY f.order
WITH collect(f) AS found
WITH found, [f IN found WHERE $pattern IS NULL OR f.pattern = $pattern] AS asked
RETURN [f IN found | f.pattern] AS patterns, size(asked) AS total,
  [f IN asked[$offset..$offset + $limit] | f.record] AS records;
