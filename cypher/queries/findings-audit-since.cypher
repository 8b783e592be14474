// findings-audit-since: audit entries from $since on (oldest first), and the graph version they lead to;
// the maintainer of stored findings follows the audit trail with it.
// $since (ISO), $limit
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL () {
  MATCH (a:AuditEntry)
  WHERE a.at >= $since
  WITH a
  ORDER BY a.at, a.id
  LIMIT $limit
  RETURN collect(a {.id, .at, .entityIds, .summary}) AS entries
}
RETURN entities, entries;
