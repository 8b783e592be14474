/**
 * The queries a first reader or editor would otherwise wait for Neo4j to plan, run once after the app
 * listens. On a fresh JVM at 1M relationships planning took 1.5 s for the neighbourhood, 0.2–0.3 s for
 * search, an entity's detail and its findings, and 0.5–2.6 s for each pattern query an edit's findings
 * are computed with (docs/benchmarks/first-use-1m.md). Each is run through the service that runs it,
 * so with the very parameters it is planned for, for ids no entity has: nothing is found, nothing is
 * written. An edit's writes (a new document, two entities and a board seat between them) are run in a
 * transaction that is rolled back (db/rehearsal.ts). One after another, in the background; a failure
 * is logged and the next is tried.
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { CreateEntityRequest, CreateRelationshipRequest, NeighborhoodQuery, PathsQuery, SearchQuery } from '../schemas/index.js';
import { rehearse } from './db/rehearsal.js';
import { createEntity } from './services/editing/entity-edits.js';
import { createRelationship } from './services/editing/relationship-edits.js';
import { NotFoundError } from './services/graph-repository.js';
import { warmUpImports } from './services/imports/import-service.js';

const NONE = 'warm-up:no-such-entity';

export async function warmUp(app: FastifyInstance, log: (what: string, error: unknown) => void): Promise<void> {
  const { driver, database } = app.neo4j;
  const steps: [string, () => Promise<unknown>][] = [
    ['the neighbourhood', () => app.graph.neighborhood(NONE, NeighborhoodQuery.parse({}))],
    ['search', () => app.graph.search('warm up', { limit: SearchQuery.parse({ q: 'warm up' }).limit })],
    ['an entity’s detail', () => app.graph.entityDetail(NONE)],
    ['shortest paths', () => app.graph.paths(PathsQuery.parse({ from: `${NONE}-a`, to: `${NONE}-b` }))],
    ['an entity’s findings', () => app.findings.answer({ entity: NONE, limit: 20 })],
    ['the import queries', () => warmUpImports(driver, database)],
    ['an edit’s writes', () => rehearseEdits(driver, database, app.neo4j.queryTimeoutMs)],
    ['the conflict pattern queries', () => app.conflicts.warmUp()],
  ];
  for (const [what, step] of steps)
    await step().catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) log(`planning ${what} ahead failed`, error);
    });
}

/**
 * A company with a new document as its source, a person citing that document, and a board seat between
 * them with a new document of its own (the page's usual first edits): written, then rolled back.
 */
async function rehearseEdits(driver: Driver, database: string, timeoutMs: number | undefined): Promise<void> {
  const who = { actor: 'system:warm-up', route: 'warm-up' };
  await rehearse(
    driver,
    database,
    async (rehearsal) => {
      const source = { locator: 'warm-up', quote: 'warm-up' };
      const company = await createEntity(
        rehearsal,
        database,
        CreateEntityRequest.parse({
          kind: 'Organization',
          name: `${NONE} company`,
          citations: [{ ...source, newDocument: { title: `${NONE} source`, url: 'https://example.org/warm-up' } }],
        }),
        who,
      );
      const documentId = company.createdDocuments[0]!.id;
      const person = await createEntity(
        rehearsal,
        database,
        CreateEntityRequest.parse({ kind: 'Person', name: `${NONE} person`, citations: [{ ...source, documentId }] }),
        who,
      );
      await createRelationship(
        rehearsal,
        database,
        CreateRelationshipRequest.parse({
          type: 'SITS_ON_BOARD',
          source: person.entity.id,
          target: company.entity.id,
          current: true,
          citations: [{ ...source, newDocument: { title: `${NONE} minutes`, url: 'https://example.org/warm-up/minutes' } }],
        }),
        who,
      );
    },
    timeoutMs,
  );
}
