// findings-of-entity: one page of the stored findings of a generation whose evidence includes $entity, in
// order, and how many there are of each pattern. A finding's id starts with its pattern (`findingId` in
// conflicts/findings.ts), so the counts read no finding, and only the asked pattern's findings are read
// and sorted: a busy buyer is in tens of thousands of findings at 1M. A page asOf a date:
// findings-of-entity-as-of.
// $entity, $generation, $pattern (or null), $offset, $limit
MATCH (m:FindingMember {entityId: $entity, generation: $generation})
WITH DISTINCT m.findingId AS id
WITH split(id, ':')[0] AS pattern, collect(id) AS ids
WITH collect({pattern: pattern, count: size(ids), ids: CASE WHEN $pattern IS NULL OR pattern = $pattern THEN ids ELSE [] END}) AS groups
WITH [g IN groups | {pattern: g.pattern, count: g.count}] AS counts, reduce(taken = [], g IN groups | taken + g.ids) AS asked
CALL (asked) {
  UNWIND asked AS id
  MATCH (f:Finding {id: id})
  WHERE f.generation = $generation
  WITH f
  ORDER BY f.order
  SKIP $offset
  LIMIT $limit
  RETURN collect(f.record) AS records
}
RETURN counts, size(asked) AS total, records;
