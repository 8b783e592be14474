// snapshot-version: one version of a series by number.
MATCH (s:Snapshot {series: $series, version: $version})
RETURN properties(s) AS snapshot
LIMIT 1;
