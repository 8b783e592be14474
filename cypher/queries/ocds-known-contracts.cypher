// ocds-known-contracts: of the contracts among $ids, what an OCDS release merges into: the fields an
// import mapped, the date of the source record each was read from, its amendments, its buyer and
// suppliers (a later release may give only what changed; an older one never overwrites a newer one).
MATCH (c:Contract)
WHERE c.id IN $ids
OPTIONAL MATCH (b:Entity)-[:BUYER_OF]->(c)
WITH c, head(collect(b {.id, .name})) AS buyer
OPTIONAL MATCH (c)-[:AWARDED_TO]->(s:Entity)
RETURN c.id AS id, c.sourceDate AS sourceDate, c.amendmentDates AS amendmentDates,
  c.amendmentDescriptions AS amendmentDescriptions, c.name AS name, c.purpose AS purpose, c.amount AS amount,
  c.currency AS currency, c.start AS start, c.end AS end, c.signedOn AS signedOn, c.description AS description,
  buyer, collect(s {.id, .name}) AS suppliers;
