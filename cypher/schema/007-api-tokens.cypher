// API tokens are :ApiToken nodes (never :Entity, so they are not part of the graph). Each is found by
// the SHA-256 of its secret on every authenticated request; the secret itself is never stored.
CREATE CONSTRAINT api_token_id_unique IF NOT EXISTS
FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;

CREATE CONSTRAINT api_token_hash_unique IF NOT EXISTS
FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
