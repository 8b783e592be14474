// entities-by-ftm-id: entities imported before from FollowTheMoney, by their FtM id, so a new FtM file
// can refer to them.
// $ftmIds: [FtM id]
MATCH (n:Entity)
WHERE n.ftmId IN $ftmIds
RETURN n.ftmId AS ftmId, n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind;
