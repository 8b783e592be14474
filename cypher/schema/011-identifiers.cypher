// Identifiers decide identity across sources (a UEI, an LEI, a LittleSis or OCDS id): an import finds
// the entity already holding one (cypher/queries/entities-by-identifier.cypher) without reading every
// node. They are stored as parallel lists (`identifierSchemes`, `identifierValues`, ADR 0002's pattern);
// range indexes cannot look inside a list, full-text indexes can. The `keyword` analyzer keeps each value
// whole and exact (case and punctuation count), so a query for one value finds only that value; the
// scheme is checked beside it in the query. Not eventually consistent: committed means findable.
CREATE FULLTEXT INDEX entity_identifier_values IF NOT EXISTS
FOR (n:Entity) ON EACH [n.identifierValues]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};
