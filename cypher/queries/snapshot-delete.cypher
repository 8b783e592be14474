// snapshot-delete: removes a draft. Published versions are permanent (share links point at them).
MATCH (s:Snapshot {id: $id})
WHERE s.published = false
DELETE s
RETURN count(*) AS deleted;
