// edit-references: entities and relationships that name an entity in their citations, counterparties or
// clients (a Document cited by facts, an agency a law's restriction protects, a lobbyist's client). Deleting it would leave them
// pointing at nothing; merging it rewrites them. A scan: this runs on a deliberate delete or merge only.
// $id: the entity id
CALL () {
  MATCH (n:Entity)
  WHERE $id IN n.citationDocumentIds
  RETURN 'entity' AS what, n.id AS id, null AS elementId, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind,
    null AS source, null AS target, properties(n) AS properties
  UNION ALL
  MATCH (a)-[r]->(b)
  WHERE $id IN r.citationDocumentIds OR $id IN r.counterpartyIds OR $id IN r.onBehalfOf
  RETURN 'relationship' AS what, r.id AS id, elementId(r) AS elementId, type(r) AS kind, a.id AS source, b.id AS target,
    properties(r) AS properties
}
RETURN what, id, elementId, kind, source, target, properties
ORDER BY what, id;
