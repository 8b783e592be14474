// induced-edges: every relationship between entities of a given set (the edges a view of those entities
// should draw). $ids: the entity ids. $types: allowed relationship types ([] = all).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND (size($types) = 0 OR type(r) IN $types)
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS edge
ORDER BY edge.id;
