// removed-ids: the recorded changes of these (missing) entities and relationships, oldest first, to tell
// whether the last thing that happened to each was a removal (a deletion, a merge, an undo, an import
// rolled back): a seed fact removed by a person stays out.
// $ids: entity and relationship ids
MATCH (a:AuditEntry)
WHERE any(id IN a.entityIds WHERE id IN $ids) OR any(id IN a.relationshipIds WHERE id IN $ids)
RETURN a {.*} AS entry
ORDER BY a.at, a.id;
