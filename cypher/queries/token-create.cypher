// token-create: store a new API token (its SHA-256 hash, never the secret).
// $token: {id, name, role, hash, createdAt, createdBy}
CREATE (t:ApiToken)
SET t = $token
RETURN t {.id, .name, .role, .createdAt, .createdBy, revokedAt: null} AS token;
