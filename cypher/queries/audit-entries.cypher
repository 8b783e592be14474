// audit-entries: the audit trail, newest first, optionally only entries that touched one entity.
// Entries about drafts (saving or deleting an unpublished snapshot: their titles are unpublished
// findings) only for token holders.
// $entity: entity id or null; $limit: integer; $withDrafts: boolean
MATCH (a:AuditEntry)
WHERE ($entity IS NULL OR $entity IN a.entityIds)
  AND ($withDrafts OR NOT a.action IN ['snapshot.create', 'snapshot.delete'])
RETURN a {.*} AS entry
ORDER BY a.at DESC, a.id DESC
LIMIT $limit;
