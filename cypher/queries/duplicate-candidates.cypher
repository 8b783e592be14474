// duplicate-candidates: what the duplicate finder compares, for every entity (of one kind, or all): its
// names, the identifiers another record of the same thing would share (and that tell two things apart),
// and a person's birth date. One pass over the entities;
// the grouping that avoids comparing every pair happens in server/services/duplicates/proposals.ts.
// $kind: an entity kind, or null for all
MATCH (n:Entity)
WITH n, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind
WHERE $kind IS NULL OR kind = $kind
RETURN n.id AS id, kind, n.name AS name, coalesce(n.aliases, []) AS aliases, n.ftmId AS ftmId, n.url AS url,
  coalesce(n.mergedIds, []) AS mergedIds, coalesce(n.identifierSchemes, []) AS identifierSchemes,
  coalesce(n.identifierValues, []) AS identifierValues, n.birthDate AS birthDate;
