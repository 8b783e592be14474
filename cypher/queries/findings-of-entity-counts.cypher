// findings-of-entity-counts: how many findings of each pattern of a generation include $entity in their
// evidence. A finding's id starts with its pattern (`findingId` in conflicts/findings.ts), so no finding
// is read. The page itself: findings-of-entity-page, or findings-of-entity-in-order for a hub.
// $entity, $generation
MATCH (m:FindingMember {entityId: $entity, generation: $generation})
WITH DISTINCT m.findingId AS id
WITH split(id, ':')[0] AS pattern, count(*) AS count
RETURN pattern, count;
