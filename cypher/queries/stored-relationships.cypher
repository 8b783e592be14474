// stored-relationships: ends and stored properties of the relationships of one type with these ids.
// REL_TYPE as in create-relationships.cypher (the per-type id index makes this a seek).
// $ids: [relationship id]
UNWIND $ids AS id
MATCH (a)-[r:REL_TYPE {id: id}]->(b)
RETURN r.id AS id, a.id AS source, b.id AS target, properties(r) AS properties;
