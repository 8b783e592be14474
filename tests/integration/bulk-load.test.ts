/**
 * `import --bulk`: a first load into an empty database with Neo4j's offline importer. Runs on throwaway
 * data folders with embedded Neo4j instances of its own (the shared test database is never empty), so it
 * leaves nothing in the shared one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProblem, InterlockFile } from '../../schemas/index.js';
import { writeAppLock } from '../../server/app-lock.js';
import { findFreePort, startEmbeddedNeo4j } from '../../server/neo4j/embedded.js';
import { bulkLoadMarkerOf, hasStore, type BulkLoadMarker } from '../../server/neo4j/offline-importer.js';
import { cypherFolder, splitStatements } from '../../server/db/cypher-files.js';
import { bulkLoad, DatabaseNotEmptyError, withStartedDatabase } from '../../server/services/imports/bulk/bulk-load.js';
import { fileFromBytes } from '../../server/services/imports/import-file.js';
import { runImport } from '../../server/services/imports/import-service.js';
import { ImportValidationError } from '../../server/services/import-validation.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(REPO, 'tests', 'fixtures', 'sources');
const actor = { actor: 'test:bulk', route: 'test' };
const log = (message: string) => {
  if (process.env.INTERLOCK_TEST_VERBOSE) console.error(message);
};

const folders: string[] = [];
async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'interlock-bulk-'));
  folders.push(folder);
  return folder;
}
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const starter = (dataDir: string) => async () =>
  startEmbeddedNeo4j({ dataDir, boltPort: await findFreePort(), log, startTimeoutMs: 300_000 });

const withDatabase = <T>(dataDir: string, work: (driver: Driver) => Promise<T>, logTo = log): Promise<T> =>
  withStartedDatabase(async () => startEmbeddedNeo4j({ dataDir, boltPort: await findFreePort(), log: logTo }), work);

async function count(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await driver.executeQuery(query, params, { database: 'neo4j' });
  return Number(records[0]?.get(0));
}

const cite = (quote: string) => [{ documentId: 'document:bulk-register', locator: 'p. 4', quote }];
/** A small graph with the texts a CSV makes hard: quotes, commas, a line break, an empty alias list. */
const graph: InterlockFile = {
  format: 'interlock/1',
  entities: [
    {
      id: 'document:bulk-register',
      kind: 'Document',
      name: 'Register of interests',
      title: 'Register of interests',
      aliases: [],
      status: 'reported',
      citations: [],
    },
    {
      id: 'person:bulk-ada',
      kind: 'Person',
      name: 'Ada "Al" Byron, Countess',
      aliases: ['Ada Lovelace', 'A. King'],
      description: 'Mathematician;\nwrote the first program',
      status: 'reported',
      citations: cite('Ada Lovelace, director'),
    },
    {
      id: 'org:bulk-engines',
      kind: 'Organization',
      name: 'Analytical Engines Ltd',
      aliases: [],
      identifiers: [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }],
      status: 'reported',
      citations: cite('Analytical Engines Ltd (LEI 5493001KJTIIGC8Y1R12)'),
    },
    {
      id: 'contract:bulk-engine',
      kind: 'Contract',
      name: 'Difference engine, second model',
      aliases: [],
      amount: 17000,
      currency: 'GBP',
      amendments: [{ date: '1842-06-01', description: 'funding withdrawn' }, { description: 'scope cut, undated' }],
      status: 'reported',
      citations: cite('the second engine, funding withdrawn'),
    },
  ],
  relationships: [
    {
      id: 'rel:bulk-ada-board',
      type: 'SITS_ON_BOARD',
      source: 'person:bulk-ada',
      target: 'org:bulk-engines',
      seat: 'chair',
      roleTranslations: { es: 'presidenta', ar: 'رئيسة' },
      start: '1843-01-01',
      status: 'reported',
      citations: cite('Ada Lovelace, chair of the board'),
    },
  ],
} as InterlockFile;

const jsonFile = (name: string, file: unknown) => fileFromBytes(new TextEncoder().encode(JSON.stringify(file, null, 2)), name);
const fixture = async (name: string) => fileFromBytes(new Uint8Array(await readFile(path.join(FIXTURES, name))), name);

describe('a bulk load into an empty database', () => {
  let dataDir: string;
  let created: { entities: number; relationships: number };
  let auditId: string | null;
  let unchanged: { entities: number; relationships: number };

  beforeAll(async () => {
    dataDir = path.join(await tempFolder(), 'neo4j');
    // Interlock JSON and LittleSis together: the relationships file finds its ends (by LittleSis id) among
    // the entities of the file before it, as it would find them in the graph online.
    const { result, phases } = await bulkLoad({
      dataDir,
      files: [
        jsonFile('graph.json', graph),
        await fixture('littlesis-entities.json'),
        await fixture('littlesis-relationships.jsonl'),
      ],
      ...actor,
      startDatabase: starter(dataDir),
      log,
    });
    created = result.created;
    auditId = result.auditId;
    unchanged = result.unchanged;
    expect(result.updated).toEqual({ entities: 0, relationships: 0 });
    expect(phases.importer).toBeGreaterThan(0);
  }, 600_000);

  it('loads every entity and relationship, with its citations and awkward texts intact, and records it', async () => {
    // 4 of the JSON file and 6 of the LittleSis entities file (its Document included); the relationships
    // file cites the same Document, left unchanged as online; 1 + 1 relationships.
    expect(created).toEqual({ entities: 10, relationships: 2 });
    expect(unchanged).toEqual({ entities: 1, relationships: 0 });
    expect(existsSync(bulkLoadMarkerOf(dataDir))).toBe(false);
    await withDatabase(dataDir, async (driver) => {
      expect(await count(driver, 'MATCH (n:Entity) RETURN count(n)')).toBe(created.entities);
      expect(await count(driver, 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r)')).toBe(created.relationships);
      const { records } = await driver.executeQuery(
        `MATCH (a:Person {id: 'person:bulk-ada'})-[r:SITS_ON_BOARD]->(o:Organization)
         RETURN a {.*} AS ada, r {.*} AS seat, o.id AS org, labels(a) AS labels`,
        {},
        { database: 'neo4j' },
      );
      const row = records[0]!;
      expect(row.get('org')).toBe('org:bulk-engines');
      expect(row.get('labels')).toEqual(expect.arrayContaining(['Entity', 'Person']));
      expect(row.get('ada')).toMatchObject({
        name: 'Ada "Al" Byron, Countess',
        aliases: ['Ada Lovelace', 'A. King'],
        description: 'Mathematician;\nwrote the first program',
        citationDocumentIds: ['document:bulk-register'],
      });
      expect(row.get('seat')).toMatchObject({
        id: 'rel:bulk-ada-board',
        seat: 'chair',
        start: '1843-01-01',
        citationDocumentIds: ['document:bulk-register'],
        citationLocators: ['p. 4'],
        citationQuotes: ['Ada Lovelace, chair of the board'],
        // Stored as the online import stores them (mapping.ts): two parallel lists each.
        roleTranslationLanguages: ['es', 'ar'],
        roleTranslationTexts: ['presidenta', 'رئيسة'],
      });
      expect(Number(row.get('seat').version)).toBe(1);
      const contract = await driver.executeQuery(
        "MATCH (c:Contract {id: 'contract:bulk-engine'}) RETURN c.amendmentDates AS dates, c.amendmentDescriptions AS what",
        {},
        { database: 'neo4j' },
      );
      expect(contract.records[0]?.toObject()).toEqual({
        dates: ['1842-06-01', ''],
        what: ['funding withdrawn', 'scope cut, undated'],
      });
      // The LittleSis relationship found its ends across files, and cites its record.
      const seat = await driver.executeQuery(
        `MATCH (:Person {id: 'person:littlesis-115495'})-[r:HOLDS_POSITION {id: 'rel:littlesis-541800'}]->(o) RETURN r.role AS role, o.id AS target, r.citationLocators AS locators`,
        {},
        { database: 'neo4j' },
      );
      expect(seat.records[0]?.toObject()).toEqual({
        role: 'Senator',
        target: 'org:littlesis-36932',
        locators: ['https://littlesis.org/relationships/541800'],
      });
      const audit = await driver.executeQuery(
        'MATCH (a:AuditEntry {id: $id}) RETURN a.summary AS summary, a.entityIds AS ids',
        { id: auditId },
        { database: 'neo4j' },
      );
      const summary = JSON.parse(audit.records[0]?.get('summary') as string) as Record<string, unknown>;
      expect(summary).toMatchObject({
        bulk: true,
        created,
        files: ['graph.json', 'littlesis-entities.json', 'littlesis-relationships.jsonl'],
      });
      expect(audit.records[0]?.get('ids')).toContain('person:bulk-ada');
    });
  }, 300_000);

  it('builds every constraint and index of cypher/schema, online and enforced', async () => {
    const named = (statements: string[]) =>
      statements.flatMap((s) => /^CREATE (?:\w+ )*?(?:INDEX|CONSTRAINT) (\w+)/.exec(s)?.[1] ?? []).sort();
    const expected = named(cypherFolder('schema').flatMap((f) => splitStatements(f.text)));
    await withDatabase(dataDir, async (driver) => {
      const names = async (query: string) =>
        (await driver.executeQuery(query, {}, { database: 'neo4j' })).records.map((r) => String(r.get('name')));
      const constraints = await names('SHOW CONSTRAINTS YIELD name');
      // A constraint's own index carries the constraint's name; the two lookup indexes are Neo4j's.
      const indexes = await names("SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' AND state = 'ONLINE' RETURN name");
      expect([...new Set([...constraints, ...indexes])].sort()).toEqual(expected);
      // And enforced: a second entity with a loaded id is refused.
      await expect(
        driver.executeQuery("CREATE (:Entity:Person {id: 'person:bulk-ada', name: 'again'})", {}, { database: 'neo4j' }),
      ).rejects.toThrow(/already exists/);
    });
  }, 300_000);

  it('indexes identifiers, so a later online import attaches to the loaded entity by its identifier', async () => {
    await withDatabase(dataDir, async (driver) => {
      const later = {
        format: 'interlock/1',
        entities: [
          { id: 'document:bulk-later', kind: 'Document', name: 'Later filing', title: 'Later filing' },
          {
            id: 'org:bulk-engines-again',
            kind: 'Organization',
            name: 'Analytical Engines Limited',
            identifiers: [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }],
            status: 'reported',
            citations: [{ documentId: 'document:bulk-later', locator: 'p. 1', quote: 'Analytical Engines Limited' }],
          },
          {
            id: 'person:bulk-charles',
            kind: 'Person',
            name: 'Charles Babbage',
            status: 'reported',
            citations: [{ documentId: 'document:bulk-later', locator: 'p. 2', quote: 'Charles Babbage' }],
          },
        ],
        relationships: [
          {
            id: 'rel:bulk-charles-board',
            type: 'SITS_ON_BOARD',
            source: 'person:bulk-charles',
            target: 'org:bulk-engines-again',
            status: 'reported',
            citations: [{ documentId: 'document:bulk-later', locator: 'p. 2', quote: 'Charles Babbage, director' }],
          },
        ],
      };
      const result = await runImport(
        driver,
        'neo4j',
        { bytes: new TextEncoder().encode(JSON.stringify(later)), fileName: 'later.json' },
        {
          format: 'json',
          dryRun: false,
          ...actor,
        },
      );
      expect(result.attached).toBe(1);
      expect(
        await count(
          driver,
          "MATCH (:Person {id: 'person:bulk-charles'})-[:SITS_ON_BOARD]->(o:Organization {id: 'org:bulk-engines'}) RETURN count(o)",
        ),
      ).toBe(1);
      expect(await count(driver, "MATCH (n:Entity {id: 'org:bulk-engines-again'}) RETURN count(n)")).toBe(0);
    });
  }, 300_000);

  it('refuses a database that is not empty, and leaves it as it is', async () => {
    const before = await withDatabase(dataDir, (driver) => count(driver, 'MATCH (n) RETURN count(n)'));
    await expect(
      bulkLoad({ dataDir, files: [jsonFile('graph.json', graph)], ...actor, startDatabase: starter(dataDir), log }),
    ).rejects.toThrow(DatabaseNotEmptyError);
    expect(await withDatabase(dataDir, (driver) => count(driver, 'MATCH (n) RETURN count(n)'))).toBe(before);
  }, 300_000);
});

describe('a bulk load with problems', () => {
  it('lists every problem with its line and leaves the database empty', async () => {
    const dataDir = path.join(await tempFolder(), 'neo4j');
    const bad = structuredClone(graph) as { entities: Record<string, unknown>[]; relationships: Record<string, unknown>[] };
    bad.relationships.push({ ...bad.relationships[0], id: 'rel:bulk-dangling', target: 'org:bulk-nowhere' });
    bad.entities.push({ ...bad.entities[1], name: 'Ada again' });
    const error = await bulkLoad({
      dataDir,
      files: [jsonFile('bad.json', bad)],
      ...actor,
      startDatabase: starter(dataDir),
      log,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    const problems = (error as { problems: ImportProblem[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'unknown entity "org:bulk-nowhere"', line: expect.any(Number) }),
        expect.objectContaining({ message: 'duplicate entity id "person:bulk-ada"', line: expect.any(Number) }),
      ]),
    );
    // Nothing reached Neo4j: no store was made, and a start finds an empty database.
    expect(hasStore(dataDir)).toBe(false);
    expect(await withDatabase(dataDir, (driver) => count(driver, 'MATCH (n) RETURN count(n)'))).toBe(0);
  }, 300_000);
});

/** `npm run cli -- import --bulk …` as a child process, on its own data folder and port. */
async function cli(dataRoot: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import', '--bulk', ...args], {
    cwd: REPO,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_'))),
      INTERLOCK_DATA_DIR: dataRoot,
      NEO4J_EMBEDDED_BOLT_PORT: String(await findFreePort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('the command line', () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  it('refuses while an app has the data folder open, and says what to do', async () => {
    const dataRoot = await tempFolder();
    server = createServer((_req, res) => res.end('{"status":"ok"}'));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await writeAppLock(dataRoot, {
      pid: process.pid,
      url: `http://127.0.0.1:${port}/`,
      token: 'ilk_local_test-token-of-this-run-0123456789',
      startedAt: new Date().toISOString(),
    });
    const input = path.join(dataRoot, 'graph.json');
    await writeFile(input, JSON.stringify(graph));
    const run = await cli(dataRoot, [input]);
    expect(await run.exited).toBe(3);
    expect(run.stderr()).toContain('Stop the app');
    expect(hasStore(path.join(dataRoot, 'neo4j'))).toBe(false);
  }, 120_000);

  it('killed in the middle, leaves a database that the next start empties instead of serving', async () => {
    const dataRoot = await tempFolder();
    const dataDir = path.join(dataRoot, 'neo4j');
    const input = path.join(dataRoot, 'graph.json');
    await writeFile(input, JSON.stringify(graph));
    const run = await cli(dataRoot, [input]);
    // Killed as soon as Neo4j's importer is writing the store.
    const marker = await new Promise<BulkLoadMarker>((resolve, reject) => {
      const timer = setInterval(() => {
        try {
          const read = existsSync(bulkLoadMarkerOf(dataDir))
            ? (JSON.parse(readFileSync(bulkLoadMarkerOf(dataDir), 'utf8')) as BulkLoadMarker)
            : undefined;
          if (read?.importerPid) {
            clearInterval(timer);
            resolve(read);
          }
        } catch {
          // Read while being written: try again.
        }
      }, 20);
      void run.exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`the load ended (exit ${code}) before it could be killed: ${run.stderr()}`));
      });
    });
    run.child.kill('SIGKILL');
    await run.exited;
    expect(existsSync(bulkLoadMarkerOf(dataDir))).toBe(true);
    const lines: string[] = [];
    const nodes = await withDatabase(
      dataDir,
      (driver) => count(driver, 'MATCH (n) RETURN count(n)'),
      (line) => lines.push(line),
    );
    expect(nodes).toBe(0);
    expect(lines.join('\n')).toContain('did not finish');
    expect(existsSync(bulkLoadMarkerOf(dataDir))).toBe(false);
    // The importer the killed process left running was stopped before its store was removed.
    expect(() => process.kill(marker.importerPid!, 0)).toThrow();
    // And a bulk load runs again on it.
    const again = await cli(dataRoot, [input]);
    expect(await again.exited, again.stderr()).toBe(0);
    expect(await withDatabase(dataDir, (driver) => count(driver, 'MATCH (n:Entity) RETURN count(n)'))).toBe(
      graph.entities.length,
    );
  }, 600_000);
});
