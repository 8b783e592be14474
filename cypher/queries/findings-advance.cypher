// findings-advance: an incremental update is done: the audit position and graph version it reached, if
// the generation it updated is still the one served. $fullRequestedAt (or null): entries were passed that
// only a full recomputation can follow (an import).
// $owner, $generation, $graphVersion, $cursorAt, $seenIds, $now, $fullRequestedAt
MATCH (s:FindingsState {id: 'findings'})
WHERE s.incrementalOwner = $owner AND s.generation = $generation
SET s.graphVersion = $graphVersion, s.cursorAt = $cursorAt, s.seenIds = $seenIds, s.computedAt = $now,
  s.fullRequestedAt = coalesce($fullRequestedAt, s.fullRequestedAt)
RETURN count(s) AS advanced;
