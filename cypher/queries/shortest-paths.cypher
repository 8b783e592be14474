// shortest-paths: all shortest paths between two entities, in either direction, through allowed
// relationship types only. The hop bound is a literal (Cypher takes no parameter there): 6 is the
// API's ceiling, and $maxHops trims below it.
// $from, $to: entity ids (different). $types: allowed relationship types. $maxHops: 1..6.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
WITH p
WHERE length(p) <= $maxHops
RETURN
  [n IN nodes(p) | n {.*, kind: [label IN labels(n) WHERE label <> 'Entity'][0]}] AS nodes,
  [r IN relationships(p) | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges
LIMIT 50;
