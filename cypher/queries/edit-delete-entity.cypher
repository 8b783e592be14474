// edit-delete-entity: remove one entity. The caller has removed (and recorded) its relationships first,
// so a plain DELETE fails loudly rather than dropping a relationship nobody recorded.
// $id: the entity id
MATCH (n:Entity {id: $id})
DELETE n
RETURN count(*) AS deleted;
