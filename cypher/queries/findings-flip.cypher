// findings-flip: a full recomputation is done: its generation is served from now on, reflecting the graph
// version and the audit position it started from (the updates made meanwhile are replayed on it), and the
// patterns that failed over the whole graph in it ($failedPatterns: JSON, '[]' when none).
// $owner, $generation, $graphVersion, $cursorAt, $seenIds, $fullComputedFrom, $patternsFingerprint,
// $failedPatterns, $now
MATCH (s:FindingsState {id: 'findings'})
WHERE s.fullOwner = $owner
SET s.generation = $generation, s.graphVersion = $graphVersion, s.cursorAt = $cursorAt, s.seenIds = $seenIds,
  s.fullComputedFrom = $fullComputedFrom, s.patternsFingerprint = $patternsFingerprint,
  s.failedPatterns = $failedPatterns, s.computedAt = $now
RETURN count(s) AS flipped;
