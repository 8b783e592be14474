// edit-replace-relationship: replace every stored property of one relationship, found by the element id
// read earlier in the same transaction (edit-relationship-state).
// $elementId; $properties: the new stored properties, id included
MATCH ()-[r]->()
WHERE elementId(r) = $elementId
SET r = $properties
RETURN r.id AS id;
