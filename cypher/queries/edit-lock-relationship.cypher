// edit-lock-relationship: one relationship's type, ends and stored properties, read under its write lock
// (see edit-lock-entity), found by the element id edit-relationship-state read in the same transaction.
// $elementId
MATCH (a)-[r]->(b)
WHERE elementId(r) = $elementId
SET r._lock = true
REMOVE r._lock
RETURN elementId(r) AS elementId, r.id AS id, type(r) AS type, a.id AS source, b.id AS target,
  properties(r) AS properties;
