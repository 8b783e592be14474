// findings-of-entity: one page of the stored findings of a generation whose evidence includes $entity, in
// order, and how many there are of each pattern. A finding's id starts with its pattern (`findingId` in
// conflicts/findings.ts), so the counts read no finding, and only the asked pattern's findings are read
// and sorted. The counts and the page are two walks of the entity's members: a hub is in hundreds of
// thousands of findings at 1M (465,225 for the largest contractor), and a list of all their ids handed
// from one to the other passed the database's transaction memory. A page asOf a date:
// findings-of-entity-as-of.
// $entity, $generation, $pattern (or null), $offset, $limit
CALL () {
  MATCH (m:FindingMember {entityId: $entity, generation: $generation})
  WITH DISTINCT m.findingId AS id
  WITH split(id, ':')[0] AS pattern, count(*) AS count
  RETURN collect({pattern: pattern, count: count}) AS counts
}
CALL () {
  MATCH (m:FindingMember {entityId: $entity, generation: $generation})
  WHERE $pattern IS NULL OR m.findingId STARTS WITH $pattern + ':'
  WITH DISTINCT m.findingId AS id
  MATCH (f:Finding {id: id})
  WHERE f.generation = $generation
  WITH f
  ORDER BY f.order
  SKIP $offset
  LIMIT $limit
  RETURN collect(f.record) AS records
}
RETURN counts,
  reduce(total = 0, c IN counts | total + CASE WHEN $pattern IS NULL OR c.pattern = $pattern THEN c.count ELSE 0 END) AS total,
  records;
