// last-changes: the newest audit entries that name one entity or relationship, newest first: who changed
// it last, for the answer to an edit made against an older version (412 version_conflict).
// $id: entity or relationship id; $relationship: true for a relationship id; $limit
MATCH (a:AuditEntry)
WHERE CASE WHEN $relationship THEN $id IN a.relationshipIds ELSE $id IN a.entityIds END
RETURN a {.*} AS entry
ORDER BY a.at DESC, a.id DESC
LIMIT $limit;
