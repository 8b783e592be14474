// unfinished-imports: imports whose undo log is still there, i.e. that stopped between batches (the
// process died) and were neither completed nor rolled back. Oldest first.
MATCH (u:ImportUndo)
WITH u.importId AS importId, min(u.at) AS startedAt, max(u.at) AS lastBatchAt, head(collect(u.actor)) AS actor, count(u) AS batches
RETURN importId, startedAt, lastBatchAt, actor, batches
ORDER BY startedAt;
