// findings-audit-since: the audit entries from $since on (oldest first) that are not among $seenIds, and
// which of $seenIds still exist with their times; the maintainer of stored findings follows the audit
// trail with it. Seen entries are left out of the page, so a burst of more than $limit entries inside the
// re-read window cannot hold the cursor in place.
// $since (ISO), $seenIds, $limit
CALL () {
  MATCH (a:AuditEntry)
  WHERE a.at >= $since AND NOT a.id IN $seenIds
  WITH a
  ORDER BY a.at, a.id
  LIMIT $limit
  RETURN collect(a {.id, .at, .entityIds, .summary}) AS entries
}
CALL () {
  MATCH (a:AuditEntry)
  WHERE a.id IN $seenIds
  RETURN collect(a {.id, .at}) AS seen
}
RETURN entries, seen;
