// token-revoke: mark a token revoked (kept, so the list still says who had access and until when).
// $id: token id; $at: ISO timestamp. Returns nothing when there is no such token.
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, $at)
RETURN t {.id, .name, .role, .createdAt, .createdBy, .revokedAt} AS token;
