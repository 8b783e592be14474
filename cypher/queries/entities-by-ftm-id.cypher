// entities-by-ftm-id: entities an FtM file refers to without holding them: imported before (by their FtM
// id), or ours (a line of our own FtM export names our id). Both lookups are index seeks.
// $refs: [{ftmId, id}] where id is our id the FtM id stands for (or the FtM id itself)
UNWIND $refs AS ref
CALL (ref) {
  MATCH (n:Entity {ftmId: ref.ftmId})
  RETURN n
  UNION
  MATCH (n:Entity {id: ref.id})
  RETURN n
}
RETURN ref.ftmId AS ftmId, n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind;
