/**
 * Resolves the embedded Neo4j jars (neo4j-embedded/target) ahead of time, for postinstall and CI.
 * A missing Java/Maven is not an error here: Interlock can still use an external Neo4j via NEO4J_URI.
 */
import { EmbeddedNeo4jError, ensureEmbeddedNeo4jInstalled } from '../server/neo4j/embedded.js';

try {
  await ensureEmbeddedNeo4jInstalled({ log: (msg) => console.error(msg) });
  console.error('Embedded Neo4j is ready to run (neo4j-embedded/target).');
} catch (err) {
  if (err instanceof EmbeddedNeo4jError && (err.code === 'java-missing' || err.code === 'maven-missing')) {
    console.error(`Skipping the embedded Neo4j: ${err.message}`);
    process.exit(0);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
