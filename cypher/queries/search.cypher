// search: entities whose name or alias matches a full-text query, best first.
// $query: a Lucene query built by server/services/search-query.ts from what the person typed.
// $text: what was typed, lower-cased, so an exact name or alias ranks above names that merely contain it.
// $kind: an entity kind to keep (or null for all). $limit: how many results.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit * 5}) YIELD node, score
WITH node, score, [label IN labels(node) WHERE label <> 'Entity'][0] AS kind
WHERE $kind IS NULL OR kind = $kind
WITH node, kind, score
  + CASE
      WHEN toLower(node.name) = $text THEN 10
      WHEN any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = $text) THEN 8
      WHEN toLower(node.name) STARTS WITH $text THEN 2
      ELSE 0
    END AS score
RETURN node.id AS id, node.name AS name, kind, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, name ASC
LIMIT $limit;
