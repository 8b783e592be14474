// snapshot-next-version: the number the next version of a series gets.
OPTIONAL MATCH (s:Snapshot {series: $series})
RETURN coalesce(max(s.version), 0) + 1 AS next;
