// edit-patch-entity: write only the properties an edit changed (a null value removes one), one version
// on. Fields nobody asked to change are never written, so they cannot overwrite anyone's change.
// $id: the entity id; $changes: {property: new value or null}
MATCH (n:Entity {id: $id})
SET n += $changes
SET n.version = coalesce(n.version, 1) + 1
RETURN n.version AS version;
