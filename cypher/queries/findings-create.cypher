// findings-create: stores findings of one generation, each with one :FindingMember per entity in its
// evidence, and adds them to the generation's per-pattern :FindingCount.
// $findings: [{id, pattern, generation, order, key, members, rowFrom, rowTo, record (JSON), facts (JSON or null)}]
CALL () {
  UNWIND $findings AS finding
  CREATE (f:Finding)
  // The members are their own nodes; the finding does not keep the list as well (a null is not stored).
  SET f = finding {.*, members: null}
  WITH f, finding
  UNWIND finding.members AS entityId
  CREATE (:FindingMember {entityId: entityId, findingId: finding.id, generation: finding.generation})
}
UNWIND $findings AS finding
WITH finding.generation AS generation, finding.pattern AS pattern, count(*) AS added
MERGE (c:FindingCount {generation: generation, pattern: pattern})
// Locked before it is read, so two writers of one generation never lose an addition.
SET c.lock = true
SET c.count = coalesce(c.count, 0) + added
REMOVE c.lock;
