// snapshot-publish: a draft becomes a published version under its content-derived id. Only drafts
// change; a published version is never written again.
MATCH (s:Snapshot {id: $draftId})
WHERE s.published = false
SET s.id = $id, s.draftId = $draftId, s.published = true, s.publishedAt = $at, s.contentHash = $hash
RETURN s.id AS id;
