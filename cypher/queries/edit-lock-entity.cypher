// edit-lock-entity: one entity's kind and stored properties, read under its write lock. Setting and
// removing a property takes the lock, held until the transaction ends: a concurrent edit of the same
// entity waits here, then reads what the first one wrote, so no change made in between is lost.
// $id: the entity id
MATCH (n:Entity {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind, properties(n) AS properties;
