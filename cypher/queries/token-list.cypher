// token-list: every API token, live ones first, newest first (never the hash).
MATCH (t:ApiToken)
RETURN t {.id, .name, .role, .createdAt, .createdBy, revokedAt: coalesce(t.revokedAt, null)} AS token
ORDER BY t.revokedAt IS NOT NULL, t.createdAt DESC, t.id;
