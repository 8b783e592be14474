// graph-version: a cheap fingerprint of the graph's state: how many entities and relationships (both read
// from Neo4j's counts, not by scanning), and the newest audit entry (every write made through Interlock
// records one). Work derived from the whole graph, such as the duplicate proposals and the stored
// findings, is kept until this changes. Interlock writes no relationship other than those between
// entities, so the count of all relationships is theirs. The newest entry's time is where a full
// recomputation starts reading the audit trail from.
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships
}
CALL () {
  OPTIONAL MATCH (a:AuditEntry)
  WITH a
  ORDER BY a.at DESC, a.id DESC
  LIMIT 1
  RETURN a.id AS lastChange, a.at AS lastChangeAt
}
RETURN entities, relationships, lastChange, lastChangeAt;
