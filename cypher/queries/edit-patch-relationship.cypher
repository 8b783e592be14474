// edit-patch-relationship: write only the properties an edit changed (a null value removes one), one
// version on; found by the element id read under its lock in the same transaction.
// $elementId; $changes: {property: new value or null}
MATCH ()-[r]->()
WHERE elementId(r) = $elementId
SET r += $changes
SET r.version = coalesce(r.version, 1) + 1
RETURN r.version AS version;
