// findings-request-full: asks for a full recomputation of the stored findings, as an import does. For a
// change made outside Interlock that only changed properties (no audit entry, no count changed: nothing
// else shows it). Every app process on the database sees the request at its next look; the one that
// takes the lease recomputes. Nothing to do before the first computation, which covers the graph as it is.
// $now (ISO)
OPTIONAL MATCH (s:FindingsState {id: 'findings'})
WITH s
WHERE s IS NOT NULL AND s.generation > 0
SET s.fullRequestedAt = $now
RETURN count(s) AS requested;
