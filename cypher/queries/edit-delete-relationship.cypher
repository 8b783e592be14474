// edit-delete-relationship: remove one relationship, found by the element id read earlier in the same
// transaction (edit-relationship-state or edit-entity-links).
// $elementId
MATCH ()-[r]->()
WHERE elementId(r) = $elementId
DELETE r
RETURN count(*) AS deleted;
