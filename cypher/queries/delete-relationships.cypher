// delete-relationships: remove relationships of one type by id, before an import writes their new
// version (their ends may have changed). REL_TYPE as in create-relationships.cypher.
// $ids: [relationship id]
UNWIND $ids AS id
MATCH ()-[r:REL_TYPE {id: id}]->()
DELETE r
RETURN count(*) AS deleted;
