// findings-newest-entry: the newest audit entry (by time, then id), where a full recomputation starts from.
MATCH (a:AuditEntry)
WITH a
ORDER BY a.at DESC, a.id DESC
LIMIT 1
RETURN a {.id, .at} AS entry;
