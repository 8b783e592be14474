// findings-delete: removes stored findings of generation $generation by id, with their member index nodes,
// and takes them off the generation's per-pattern :FindingCount.
UNWIND $ids AS id
MATCH (f:Finding {id: id})
WHERE f.generation = $generation
CALL (f, id) {
  OPTIONAL MATCH (m:FindingMember {findingId: id})
  WHERE m.generation = $generation
  DETACH DELETE m
}
WITH f, f.pattern AS pattern
DETACH DELETE f
WITH pattern, count(*) AS removed
MATCH (c:FindingCount {generation: $generation, pattern: pattern})
SET c.lock = true
SET c.count = c.count - removed
REMOVE c.lock;
