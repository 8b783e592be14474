/** The Cypher in cypher/ stays in step with the schema allowlist and stays parameterised. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../schemas/index.js';
import { withKindLabel, withRelationshipType } from '../../server/services/imports/graph-writes.js';
import { CYPHER_DIR, cypher, cypherFolder, splitStatements } from '../../server/db/cypher-files.js';
import { bulkLoadSchema } from '../../server/services/schema-migration.js';

describe('cypher files', () => {
  it('declares an id uniqueness constraint for every relationship type in the allowlist, and no other', () => {
    const text = cypher('schema/002-relationship-constraints');
    const declared = [...text.matchAll(/FOR \(\)-\[r:([A-Z_]+)\]-\(\)/g)].map((m) => m[1]);
    expect(declared.sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  it('splits schema files into single statements, each safe to run again, dropping comments', () => {
    const statements = cypherFolder('schema').flatMap((f) => splitStatements(f.text));
    expect(statements.length).toBeGreaterThan(RELATIONSHIP_TYPES.length);
    for (const s of statements) {
      expect(s).toMatch(/^(CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) \w+ IF NOT EXISTS|DROP (CONSTRAINT|INDEX) \w+ IF EXISTS)/);
      expect(s).not.toContain('//');
    }
  });

  it('lets a bulk load build every constraint after every index, since no schema file drops what one creates', () => {
    const statements = cypherFolder('schema').flatMap((f) => splitStatements(f.text));
    const { indexes, constraints } = bulkLoadSchema(statements);
    expect([...indexes, ...constraints].sort()).toEqual([...statements].sort());
    expect(constraints.length).toBeGreaterThan(RELATIONSHIP_TYPES.length);
    expect(constraints.every((s) => s.startsWith('CREATE CONSTRAINT'))).toBe(true);
    expect(indexes.some((s) => s.startsWith('CREATE CONSTRAINT'))).toBe(false);
    // Where the order matters (an index dropped for a constraint on the same property), it refuses.
    expect(() =>
      bulkLoadSchema([
        'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
        'DROP INDEX entity_name IF EXISTS',
        'CREATE CONSTRAINT entity_name_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.name IS UNIQUE',
      ]),
    ).toThrow(/drops entity_name/);
  });

  it('loads a named query without the trailing semicolon the file keeps for Neo4j Browser', () => {
    expect(cypher('queries/entity-node').endsWith(';')).toBe(false);
  });

  it('holds every named query with a header comment that names it', () => {
    const dir = join(CYPHER_DIR, 'queries');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.startsWith(`// ${file.replace('.cypher', '')}:`), file).toBe(true);
    }
  });
});

describe('the import write queries', () => {
  it('take their relationship type from the allowlist, in the pattern only', () => {
    const query = withRelationshipType('queries/create-relationships', 'SITS_ON_BOARD');
    expect(query).toContain('CREATE (a)-[r:SITS_ON_BOARD]->(b)');
    expect(query).not.toContain(':REL_TYPE');
    expect(() => withRelationshipType('queries/create-relationships', 'DETACH_DELETE' as RelationshipType)).toThrow(
      'not a relationship type',
    );
  });

  it('take their kind label from the allowlist', () => {
    expect(withKindLabel('queries/create-entities', 'Person')).toContain('CREATE (n:Entity:Person)');
    expect(() => withKindLabel('queries/create-entities', 'Entity) DETACH DELETE (n' as 'Person')).toThrow('not an entity kind');
  });
});
