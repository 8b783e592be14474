// document-facts: the relationships whose citations name a document, with the entities at both ends.
// Citations are parallel lists on the relationship (ADR 0002), so "cites $id" is list membership.
// $id: the document id. $limit: most relationships to return.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $id IN r.citationDocumentIds
WITH a, r, b
ORDER BY r.id
LIMIT $limit
RETURN
  r {.*, type: type(r), source: a.id, target: b.id} AS edge,
  a {.*, kind: [label IN labels(a) WHERE label <> 'Entity'][0]} AS source,
  b {.*, kind: [label IN labels(b) WHERE label <> 'Entity'][0]} AS target;
