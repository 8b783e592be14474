// neighborhood: the entities around one entity, breadth-first: nearest first and by name within a level,
// at most $limit of them (the start included), with every relationship among them. One query, so a
// neighbourhood costs one round trip: three queries per level cost ~3 ms each on a small machine
// (docs/benchmarks). Cypher has no loop, so the level step is written out three times (the API allows
// depth 3 at most); $depth skips the levels beyond it. LIMIT cannot use a variable, so each level keeps
// the first $limit by name and slices to the room left.
// $id: the start. $depth: 1..3. $limit: most entities returned. $types: allowed relationship types
// ([] = all). Returns one row: nodes (start first), edges (by id), truncated (the limit cut the answer).
MATCH (start:Entity {id: $id})
WITH start, [start] AS seen, [start] AS frontier, false AS truncated
CALL {
  WITH seen, frontier
  WITH seen, frontier WHERE $depth >= 1 AND size(seen) < $limit
  UNWIND frontier AS from
  MATCH (from)-[r]-(to:Entity)
  WHERE NOT to IN seen AND (size($types) = 0 OR type(r) IN $types)
  WITH DISTINCT to
  ORDER BY to.name, to.id
  LIMIT $limit
  RETURN collect(to) AS found
}
WITH seen, found, $limit - size(seen) AS room, truncated
WITH seen + found[0..room] AS seen, found[0..room] AS frontier, truncated OR size(found) > room AS truncated
CALL {
  WITH seen, frontier
  WITH seen, frontier WHERE $depth >= 2 AND size(seen) < $limit
  UNWIND frontier AS from
  MATCH (from)-[r]-(to:Entity)
  WHERE NOT to IN seen AND (size($types) = 0 OR type(r) IN $types)
  WITH DISTINCT to
  ORDER BY to.name, to.id
  LIMIT $limit
  RETURN collect(to) AS found
}
WITH seen, found, $limit - size(seen) AS room, truncated
WITH seen + found[0..room] AS seen, found[0..room] AS frontier, truncated OR size(found) > room AS truncated
CALL {
  WITH seen, frontier
  WITH seen, frontier WHERE $depth >= 3 AND size(seen) < $limit
  UNWIND frontier AS from
  MATCH (from)-[r]-(to:Entity)
  WHERE NOT to IN seen AND (size($types) = 0 OR type(r) IN $types)
  WITH DISTINCT to
  ORDER BY to.name, to.id
  LIMIT $limit
  RETURN collect(to) AS found
}
WITH seen, found, $limit - size(seen) AS room, truncated
WITH seen + found[0..room] AS seen, found[0..room] AS frontier, truncated OR size(found) > room AS truncated
CALL {
  WITH seen
  UNWIND seen AS a
  MATCH (a)-[r]->(b)
  WHERE b IN seen AND (size($types) = 0 OR type(r) IN $types)
  WITH r, a, b
  ORDER BY r.id
  RETURN collect(r {.*, type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN [n IN seen | n {.*, kind: [label IN labels(n) WHERE label <> 'Entity'][0]}] AS nodes, edges, truncated;
