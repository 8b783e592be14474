// create-audit-entry: one entry of the audit trail, written in the transaction of the change it records.
// :AuditEntry is deliberately not an :Entity, so entries never appear in the graph, search or statistics.
// $entry: {id, at, actor, route, action, summary (JSON), entityIds, relationshipIds, changes (JSON, optional)}
CREATE (a:AuditEntry)
SET a = $entry
RETURN a.id AS id;
