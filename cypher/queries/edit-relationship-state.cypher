// edit-relationship-state: one relationship by id, whatever its type. Ids are indexed per type (schema
// 002), so this asks each type of the allowlist in turn: a seek each, where an untyped pattern would
// scan every relationship. One branch per type; a unit test keeps the list in step with the allowlist.
// $id: the relationship id
CALL () {
  MATCH (a)-[r:HOLDS_POSITION {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:SITS_ON_BOARD {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:MEMBER_OF {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:SUBSIDIARY_OF {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:PART_OF {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:OPERATES {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:SUPPLIES_DATA_TO {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:BUYER_OF {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:AWARDED_TO {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:RESTRICTS {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:PUBLISHED {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:QUOTED_IN {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:MENTIONS {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:OWNS {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:SUCCEEDED_BY {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:PAID {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:FAMILY_OF {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:ASSOCIATE_OF {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:REPRESENTS {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:LOBBIES {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:SANCTIONED_BY {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:LINKED_TO {id: $id}]->(b) RETURN r, a, b
}
RETURN elementId(r) AS elementId, r.id AS id, type(r) AS type, a.id AS source, b.id AS target,
  properties(r) AS properties;
