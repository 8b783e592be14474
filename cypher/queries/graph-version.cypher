// graph-version: a cheap fingerprint of the graph's state: how many entities, and the newest audit entry
// (every write made through Interlock records one). Work derived from the whole graph, such as the
// duplicate proposals, is kept until this changes.
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL () {
  OPTIONAL MATCH (a:AuditEntry)
  WITH a
  ORDER BY a.at DESC, a.id DESC
  LIMIT 1
  RETURN a.id AS lastChange
}
RETURN entities, lastChange;
