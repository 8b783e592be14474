// shortest-paths: all shortest paths between two entities, in either direction, through allowed
// relationship types only, and whether both entities exist (one round trip answers both). The hop
// bound is a literal (Cypher takes no parameter there): 6 is the API's ceiling, and $maxHops trims below it.
// $from, $to: entity ids (different). $types: allowed relationship types. $maxHops: 1..6.
// Returns one row: fromFound, toFound, paths [{nodes, edges}] (at most 50).
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL {
  WITH a, b
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[*..6]-(b))
  WHERE all(r IN relationships(p) WHERE type(r) IN $types)
  WITH p
  WHERE length(p) <= $maxHops
  LIMIT 50
  RETURN collect({
    nodes: [n IN nodes(p) | n {.*, kind: [label IN labels(n) WHERE label <> 'Entity'][0]}],
    edges: [r IN relationships(p) | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}]
  }) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths;
