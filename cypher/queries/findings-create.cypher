// findings-create: stores findings of one generation, each with one :FindingMember per entity in its evidence.
// $findings: [{id, pattern, generation, order, key, members, rowFrom, rowTo, record (JSON)}]
UNWIND $findings AS finding
CREATE (f:Finding)
SET f = finding
WITH f, finding
UNWIND finding.members AS entityId
CREATE (:FindingMember {entityId: entityId, findingId: finding.id, generation: finding.generation});
