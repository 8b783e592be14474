// Snapshots are :Snapshot nodes, never :Entity, so no graph query, search or statistic sees them.
CREATE CONSTRAINT snapshot_id IF NOT EXISTS
FOR (s:Snapshot) REQUIRE s.id IS UNIQUE;

// Links made before publishing keep working: a published version is also found by its draft id.
CREATE INDEX snapshot_draft_id IF NOT EXISTS
FOR (s:Snapshot) ON (s.draftId);

// Versions of one map are read by series.
CREATE INDEX snapshot_series IF NOT EXISTS
FOR (s:Snapshot) ON (s.series, s.version);
