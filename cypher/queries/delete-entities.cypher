// delete-entities: remove entities by id, with any relationship still attached. Used only to undo the
// entities an import created when a later batch of that import fails (see docs/adr/0011).
// $ids: [entity id]
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
RETURN count(*) AS deleted;
