// entities-by-identifier: the entities holding each identifier (scheme and value). The full-text index
// on identifier values (cypher/schema/010-identifiers.cypher) finds the candidates by the exact value,
// written as a quoted Lucene phrase ($refs[].query, escaped by the caller); the scheme at the same
// position of the parallel lists decides.
// $refs: [{key, scheme, value, query}]
UNWIND $refs AS ref
CALL db.index.fulltext.queryNodes('entity_identifier_values', ref.query) YIELD node
WITH ref, node
WHERE any(i IN range(0, size(node.identifierValues) - 1)
  WHERE node.identifierValues[i] = ref.value AND node.identifierSchemes[i] = ref.scheme)
RETURN ref.key AS key, node.id AS id, [label IN labels(node) WHERE label <> 'Entity'][0] AS kind
ORDER BY key, id;
