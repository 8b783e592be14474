// audit-entries: the audit trail, newest first, optionally only entries that touched one entity.
// $entity: entity id or null; $limit: integer
MATCH (a:AuditEntry)
WHERE $entity IS NULL OR $entity IN a.entityIds
RETURN a {.*} AS entry
ORDER BY a.at DESC, a.id DESC
LIMIT $limit;
