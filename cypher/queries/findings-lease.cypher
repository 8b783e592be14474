// findings-lease: takes or renews one of the two leases of the findings state ($lease: 'full' or
// 'incremental') for $owner until $until, when it is free, expired or already ours. Returns whether we hold it.
// $lease, $owner, $now (ISO), $until (ISO)
MERGE (s:FindingsState {id: 'findings'})
ON CREATE SET s.generation = 0, s.cursorAt = '', s.seenIds = []
WITH s, s[$lease + 'Owner'] AS owner, s[$lease + 'Until'] AS until
WITH s, owner IS NULL OR owner = $owner OR until < $now AS free
SET s += CASE WHEN NOT free THEN {}
  WHEN $lease = 'full' THEN {fullOwner: $owner, fullUntil: $until}
  ELSE {incrementalOwner: $owner, incrementalUntil: $until} END
RETURN free AS held, s {.*} AS state;
