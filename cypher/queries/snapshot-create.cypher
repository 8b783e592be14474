// snapshot-create: one version of a saved map. The frozen content is JSON text (properties cannot hold
// maps); the ids of what it shows are lists too, so "which snapshots show entity X" is a plain query.
// $snapshot: {id, series, version, published, createdAt, createdBy, basedOn?, title, description,
//             nodeCount, edgeCount, nodeIds, edgeIds, content}
CREATE (s:Snapshot)
SET s = $snapshot
RETURN s.id AS id;
