// token-by-hash: the live (not revoked) token whose secret hashes to $hash, if any.
// $hash: hex SHA-256 of the secret
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
RETURN t {.id, .name, .role} AS token;
