// edit-replace-relationship: replace every stored property of one relationship, found by the element id
// read earlier in the same transaction (edit-relationship-state), one version on.
// $elementId; $properties: the new stored properties, id included
MATCH ()-[r]->()
WHERE elementId(r) = $elementId
WITH r, coalesce(r.version, 1) + 1 AS version
SET r = $properties
SET r.version = version
RETURN version;
