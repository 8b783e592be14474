// token-count-live: how many tokens can still be used (none on a fresh install).
MATCH (t:ApiToken)
WHERE t.revokedAt IS NULL
RETURN count(t) AS live;
