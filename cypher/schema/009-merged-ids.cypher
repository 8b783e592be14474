// Entities that took others in a merge keep their ids in `mergedIds`; every import looks these up
// (cypher/queries/merged-into.cypher), so only merged entities should be read: most have no such list.
CREATE INDEX entity_merged_ids IF NOT EXISTS
FOR (n:Entity) ON (n.mergedIds);
