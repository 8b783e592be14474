// money-flow-rollup: for each payee id of the stored money flows, the payee its flows count towards when
// subsidiaries are rolled up: its top-most parent company (at most 3 levels up, as money-flow.cypher
// with $rollup), or itself. One indexed lookup per payee; no pattern over the whole graph.
// $ids (payee ids)
UNWIND $ids AS id
MATCH (receiver:Entity {id: id})
CALL (receiver) {
  MATCH up = (receiver)-[:SUBSIDIARY_OF*0..3]->(top:Entity)
  WHERE length(up) = 0 OR top:Organization
  RETURN top
  ORDER BY length(up) DESC
  LIMIT 1
}
RETURN id, top.id AS topId, top.name AS topName;
