// findings-state: the state of the stored findings (services/findings/), or nothing before the first run.
MATCH (s:FindingsState {id: 'findings'})
RETURN s {.*} AS state;
