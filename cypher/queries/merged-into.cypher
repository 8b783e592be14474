// merged-into: the entities that took these ids in a merge (each id in their `mergedIds`), so an import
// naming a merged id writes to the entity it was merged into. Reads only merged entities: the index on
// `mergedIds` (cypher/schema/009-merged-ids.cypher) holds just those.
// $ids: [entity id]
MATCH (n:Entity)
WHERE n.mergedIds IS NOT NULL
UNWIND n.mergedIds AS mergedId
WITH n, mergedId
WHERE mergedId IN $ids
RETURN mergedId, n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind;
