// snapshot-by-id: one version by its id, or by the draft id a published version had.
MATCH (s:Snapshot)
WHERE s.id = $id OR s.draftId = $id
RETURN properties(s) AS snapshot
ORDER BY s.published DESC
LIMIT 1;
