// Full-text search over names and aliases (any language and script). The `standard-folding` analyzer
// lower-cases and strips accents (González = gonzalez) and tokenises Arabic script as words, so the
// alias "الجليد" finds ICE. Not eventually consistent: a name is searchable as soon as it is committed.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
