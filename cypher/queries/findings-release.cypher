// findings-release: gives back a lease of the findings state, if we hold it; `progress` goes with the full one.
// $lease, $owner
MATCH (s:FindingsState {id: 'findings'})
WHERE s[$lease + 'Owner'] = $owner
SET s += CASE $lease WHEN 'full' THEN {fullOwner: null, fullUntil: null, progress: null}
  ELSE {incrementalOwner: null, incrementalUntil: null} END;
