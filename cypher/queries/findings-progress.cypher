// findings-progress: a full recomputation reports how far it is (JSON) and renews its lease.
// $owner, $until, $progress
MATCH (s:FindingsState {id: 'findings'})
WHERE s.fullOwner = $owner
SET s.progress = $progress, s.fullUntil = $until
RETURN count(s) AS held;
