// unfinished-imports: imports whose undo log is still there, i.e. that stopped between batches (the
// process or the database died) and were neither completed nor rolled back. Oldest first. `total` is the
// number of batches the import planned (null for undo logs written before it was recorded).
MATCH (u:ImportUndo)
WITH u.importId AS importId, min(u.at) AS startedAt, max(u.at) AS lastBatchAt, head(collect(u.actor)) AS actor,
  count(u) AS batches, max(u.total) AS total
RETURN importId, startedAt, lastBatchAt, actor, batches, total
ORDER BY startedAt;
