// audit-entry: one entry of the audit trail by id (to undo the change it records).
// $id: the audit entry id
MATCH (a:AuditEntry {id: $id})
RETURN a {.*} AS entry;
