/**
 * A bulk load: one or more files into an EMPTY database with Neo4j's offline importer (ADR 0033). The
 * files are read by the same readers as any import (the same mapped records, the same validation with
 * the same line- or record-numbered problems, the same citations and identifiers); instead of being
 * compared with the database (there is nothing to compare with) and written in transactions, every
 * entity and relationship goes, in the same single pass that checks it, into CSV files for
 * `neo4j-admin database import full`. Only when the whole input has been read without a problem does the
 * importer replace the empty store; the schema (constraints, indexes) is then built, the audit entry
 * written, and the marker that guarded the load removed (offline-importer.ts).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import {
  IMPORT_SAMPLE_SIZE,
  isAllowedEndpoint,
  type AuditChange,
  type EntityKind,
  type ImportFormat,
  type ImportProblem,
  type ImportProgress,
  type ImportResult,
  type ImportWarning,
  type UnmappedProperty,
} from '../../../../schemas/index.js';
import { createDriver, waitForDatabase } from '../../../db/driver.js';
import { entityToStored, relationshipToStored } from '../../../db/mapping.js';
import type { EmbeddedNeo4j } from '../../../neo4j/embedded.js';
import {
  hasStore,
  removeBulkLoadMarker,
  runOfflineImport,
  settleInterruptedBulkLoad,
  writeBulkLoadMarker,
  type BulkLoadMarker,
} from '../../../neo4j/offline-importer.js';
import { DETAIL_LIMIT, ID_LIMIT, recordAudit } from '../../audit-log.js';
import { ImportValidationError, parseInterlockFile } from '../../import-validation.js';
import { cypherFolder, splitStatements } from '../../../db/cypher-files.js';
import { columnName, DEFAULT_ZIP_LIMITS } from '../csv.js';
import { detectFormat, HEAD_BYTES, UnknownFormatError } from '../detect.js';
import { contentHead, openContent, readContent, type ImportFile } from '../import-file.js';
import { sortProblems } from '../import-service.js';
import { locateProblem, MAX_WARNINGS, type MappedImport } from '../mapped-import.js';
import { conventionOf } from '../numbers.js';
import { readImport } from '../readers.js';
import { identifierKey, type KnownByIdentifier, type LookupIdentifiers } from '../sources/identity.js';
import { littleSisChunks } from '../sources/littlesis-stream.js';
import { MAX_PROBLEMS } from '../streamed-import.js';
import { bulkLoadSchema } from '../../schema-migration.js';
import { ARRAY_DELIMITER_OPTION, BulkCsvFiles, nodeRow, relationshipRow, UnsafeTextError } from './csv-rows.js';

export interface BulkLoadOptions {
  /** The embedded Neo4j's data folder (`<INTERLOCK_DATA_DIR>/neo4j`). */
  dataDir: string;
  files: ImportFile[];
  /** Every file's format; default: read from each file's content. */
  format?: ImportFormat | undefined;
  /** The format a file's name suggests, used when its content says nothing clearer. */
  typedAs?: (file: ImportFile) => ImportFormat | undefined;
  locale?: string | undefined;
  actor: string;
  route: string;
  maxUnpackedBytes?: number;
  /** Starts the embedded Neo4j on `dataDir` (to check that it is empty, and to finish the load). */
  startDatabase: () => Promise<EmbeddedNeo4j>;
  onProgress?: (progress: ImportProgress) => void;
  log?: (message: string) => void;
  /** Tests: runs once the importer has started, with its pid. */
  onImporterStarted?: (pid: number) => void | Promise<void>;
}

/** Seconds per phase, for the terminal and the benchmark. */
export interface BulkLoadPhases {
  check: number;
  read: number;
  importer: number;
  start: number;
  schema: number;
  audit: number;
  stop: number;
}

/** The database holds something: a bulk load would replace it. */
export class DatabaseNotEmptyError extends Error {
  readonly code = 'database_not_empty';
  constructor(
    readonly dataDir: string,
    readonly nodes: number,
  ) {
    super(
      `The database in ${dataDir} is not empty (${nodes} nodes): a bulk load only goes into an empty database, and ` +
        'nothing was imported. Import the file without --bulk to add it to this graph, or set INTERLOCK_DATA_DIR to a ' +
        'new folder for a bulk load there.',
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

export async function bulkLoad(
  options: BulkLoadOptions,
): Promise<{ result: ImportResult; phases: BulkLoadPhases; schema: Record<string, number> }> {
  const log = options.log ?? (() => undefined);
  const progress = options.onProgress ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const phases: BulkLoadPhases = { check: 0, read: 0, importer: 0, start: 0, schema: 0, audit: 0, stop: 0 };
  let clock = performance.now();
  const lap = (phase: keyof BulkLoadPhases) => {
    const now = performance.now();
    phases[phase] += (now - clock) / 1000;
    clock = now;
  };

  // 1. Empty? A load that did not finish is settled first (its part removed); a fresh folder has no store.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await settleInterruptedBulkLoad(dataDir, log);
  if (hasStore(dataDir)) {
    const nodes = await withStartedDatabase(options.startDatabase, async (driver) => {
      const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes', {}, { database: 'neo4j' });
      return Number(records[0]?.get('nodes') ?? 0);
    });
    if (nodes > 0) throw new DatabaseNotEmptyError(dataDir, nodes);
  }
  lap('check');

  // 2. Read, check and write the CSV in one pass; nothing touches the store until the input is clean.
  const work = await mkdtemp(path.join(dataDir, 'bulk-load-'));
  try {
    const reader = new BulkReader(new BulkCsvFiles(work), options);
    for (const file of options.files) await reader.readFile(file, progress);
    const problems = reader.problemList();
    if (problems) throw new ImportValidationError(problems);
    const csv = await reader.close();
    lap('read');

    // 3. The importer replaces the (empty) store; the marker says a load is under way until it is whole.
    const marker: BulkLoadMarker = {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      files: options.files.map((f) => f.fileName),
    };
    await writeBulkLoadMarker(dataDir, marker);
    await runOfflineImport(
      { ...csv, arrayDelimiter: ARRAY_DELIMITER_OPTION },
      {
        dataDir,
        reportFile: path.join(work, 'import.report'),
        onStarted: async (pid) => {
          await writeBulkLoadMarker(dataDir, { ...marker, importerPid: pid });
          await options.onImporterStarted?.(pid);
        },
        onProgress: (stage, percent) =>
          progress({ phase: stage === 'nodes' ? 'entities' : 'relationships', done: percent, total: 100 }),
      },
    );
    lap('importer');

    // 4. The schema over the loaded graph, then the audit entry; then the load is whole.
    const embedded = await options.startDatabase();
    const driver = createDriver({ uri: embedded.uri, ...embedded.credentials });
    let auditId: string;
    let schema: Record<string, number> = {};
    try {
      await waitForDatabase(driver, 'neo4j');
      lap('start');
      schema = await buildSchema(driver);
      lap('schema');
      progress({ phase: 'audit', done: 0, total: 1 });
      const session = driver.session({ database: 'neo4j' });
      try {
        auditId = await session.executeWrite((tx) => recordAudit(tx, reader.auditRecord(options)));
      } finally {
        await session.close();
      }
      progress({ phase: 'audit', done: 1, total: 1 });
      lap('audit');
    } finally {
      await driver.close();
      await embedded.stop();
    }
    await removeBulkLoadMarker(dataDir);
    lap('stop');
    progress({ phase: 'done', done: 1, total: 1 });
    return { result: { ...reader.result(), auditId }, phases, schema };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * What `applySchema` builds (cypher/schema), over the loaded graph, with the time of each step. On the
 * store a bulk load has just made no schema object exists yet, so the statements need not run one by
 * one in file order: the indexes are created in one transaction (Neo4j fills them in the background),
 * then the constraints in another, each built and checked over the graph; then the wait for every
 * index. One auto-commit transaction per statement cost about a second more at 1M relationships
 * (docs/benchmarks). A drop finds nothing there (bulkLoadSchema refuses files in which the order would
 * matter).
 */
async function buildSchema(driver: Driver): Promise<Record<string, number>> {
  const { indexes, constraints } = bulkLoadSchema(cypherFolder('schema').flatMap((file) => splitStatements(file.text)));
  const seconds: Record<string, number> = {};
  let started = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    seconds[step] = (now - started) / 1000;
    started = now;
  };
  const session = driver.session({ database: 'neo4j' });
  try {
    // Schema commands: not retried as a transaction function would; a failure fails the load.
    for (const [step, statements] of [
      [`${indexes.length} index statements`, indexes],
      [`${constraints.length} constraints`, constraints],
    ] as const) {
      const tx = await session.beginTransaction();
      try {
        for (const statement of statements) await tx.run(statement);
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback();
      }
      lap(step);
    }
  } finally {
    await session.close();
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: 'neo4j' });
  lap('waiting for indexes');
  return seconds;
}

/** Starts the database, runs `work` once it answers, then closes the driver and stops the database. */
export async function withStartedDatabase<T>(
  start: () => Promise<EmbeddedNeo4j>,
  work: (driver: Driver) => Promise<T>,
): Promise<T> {
  const embedded = await start();
  const driver = createDriver({ uri: embedded.uri, ...embedded.credentials });
  try {
    await waitForDatabase(driver, 'neo4j');
    return await work(driver);
  } finally {
    await driver.close();
    await embedded.stop();
  }
}

/** A reference not yet known when met (its entity may come in a later chunk or file): checked at the end. */
interface Deferred {
  id: string;
  /** The problems (located) if `id` turns out unknown, or known with a kind that does not fit. */
  check: (kind: EntityKind | undefined) => ImportProblem[];
}

/**
 * Reads the mapped chunks of every file, checks them as `checkReferences` does (the same messages) but
 * across the whole input, and writes the CSV rows of a clean input as it goes.
 */
class BulkReader {
  private readonly kinds = new Map<string, EntityKind>();
  private readonly relationshipIds = new Set<string>();
  private readonly byIdentifier = new Map<string, KnownByIdentifier>();
  private readonly deferred: Deferred[] = [];
  /** The stored properties of every Document given, to recognise the same Document in a later file. */
  private readonly documents = new Map<string, string>();
  private unchanged = 0;
  private readonly problems: ImportProblem[] = [];
  private problemCount = 0;
  private readonly changes: AuditChange[] = [];
  private entities = 0;
  private relationships = 0;
  private readonly sample: ImportResult['sample'] = { entities: [], relationships: [] };
  private readonly documentSample: ImportResult['sample']['entities'] = [];
  private readonly formats: ImportFormat[] = [];
  private documentId: string | null = null;
  private merged = { entities: 0, relationships: 0 };
  private skipped = 0;
  private readonly warnings: ImportWarning[] = [];
  private readonly unmapped: UnmappedProperty[] = [];

  constructor(
    private readonly csv: BulkCsvFiles,
    private readonly options: BulkLoadOptions,
  ) {}

  /** Entities of earlier chunks and files holding these identifiers (what the graph would hold online). */
  readonly lookup: LookupIdentifiers = (refs) => {
    const found = new Map<string, KnownByIdentifier>();
    for (const ref of refs) {
      const key = identifierKey(ref.scheme, ref.value);
      const known = this.byIdentifier.get(key);
      if (known) found.set(key, known);
    }
    return Promise.resolve(found);
  };

  async readFile(file: ImportFile, progress: (p: ImportProgress) => void): Promise<void> {
    progress({ phase: 'parse', done: 0, total: 1 });
    const format = this.options.format ?? detectFormat(await contentHead(file, HEAD_BYTES)) ?? this.options.typedAs?.(file);
    if (!format) throw new UnknownFormatError();
    this.formats.push(format);
    const maxUnpackedBytes = this.options.maxUnpackedBytes ?? DEFAULT_ZIP_LIMITS.maxUnpackedBytes;
    if (format === 'littlesis') {
      const content = await openContent(file);
      try {
        const chunks = littleSisChunks(content, {
          fileName: file.fileName,
          lookup: this.lookup,
          maxDocumentBytes: maxUnpackedBytes,
        });
        for await (const mapped of chunks) {
          await this.add(mapped, format);
          progress({ phase: 'parse', done: content.bytesRead(), total: file.size });
        }
      } finally {
        content.stream.destroy();
      }
      return;
    }
    const bytes = await readContent(file, maxUnpackedBytes);
    const mapped = await readImport({
      format,
      bytes,
      fileName: file.fileName,
      // An empty database holds no FtM entity: references to them stay unknown, as online.
      lookupFtm: () => Promise.resolve(new Map()),
      lookupIdentifiers: this.lookup,
      maxUnpackedBytes,
      convention: this.options.locale === undefined ? undefined : localeConvention(this.options.locale),
    });
    progress({ phase: 'parse', done: 1, total: 1 });
    await this.add(mapped, format);
  }

  private addProblems(list: readonly ImportProblem[]): void {
    this.problemCount += list.length;
    for (const p of list) if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  private async add(mapped: MappedImport, format: ImportFormat): Promise<void> {
    const rename = format === 'csv' ? columnName : undefined;
    const locate = (problems: ImportProblem[]) =>
      mapped.locate ? mapped.locate(problems) : problems.map((p) => locateProblem(p, mapped.origins, rename));
    const unreadable = mapped.problems.filter((p) => p.field === '(file)');
    if (unreadable.length > 0) {
      this.addProblems(unreadable);
      return;
    }
    this.addProblems(mapped.problems);
    const parsed = parseInterlockFile(mapped.file);
    if (!parsed.ok) {
      this.addProblems(locate(parsed.problems));
      return;
    }
    this.documentId ??= mapped.documentId;
    this.merged = {
      entities: this.merged.entities + mapped.merged.entities,
      relationships: this.merged.relationships + mapped.merged.relationships,
    };
    this.skipped += mapped.skipped;
    for (const w of mapped.warnings) if (this.warnings.length < MAX_WARNINGS) this.warnings.push(w);
    this.unmapped.push(...mapped.unmapped);

    const file = parsed.file;
    const found: ImportProblem[] = [];
    const writing = () => this.problemCount === 0 && found.length === 0;
    const kinds = this.kinds;
    const citations = (list: { documentId: string }[], at: string) =>
      list.forEach((c, j) => {
        const field = `${at}.citations.${j}.documentId`;
        const check = (kind: EntityKind | undefined): ImportProblem | null =>
          kind === undefined
            ? { field, message: `unknown document "${c.documentId}"` }
            : kind !== 'Document'
              ? { field, message: `"${c.documentId}" is ${withArticle(kind)}, not a Document` }
              : null;
        this.checkNowOrLater(c.documentId, check, found, locate);
      });

    // Within one file (or chunk) a repeated id is a problem, as online. An entity an earlier file gave
    // again: the same Document (a source cited by several files) is left as it is, as online it would be
    // unchanged; anything else would be an update, which a single pass cannot make.
    const here = new Set<string>();
    const again = new Set<number>();
    for (const [i, e] of file.entities.entries()) {
      if (here.has(e.id)) found.push({ field: `entities.${i}.id`, message: `duplicate entity id "${e.id}"` });
      else if (kinds.has(e.id)) {
        if (e.kind === 'Document' && this.documents.get(e.id) === JSON.stringify(entityToStored(e).properties)) again.add(i);
        else found.push({ field: `entities.${i}.id`, message: givenAgain(e.id) });
      }
      here.add(e.id);
      kinds.set(e.id, e.kind);
    }
    for (const [i, e] of file.entities.entries()) {
      if (again.has(i)) {
        this.unchanged += 1;
        continue;
      }
      citations(e.citations, `entities.${i}`);
      if (e.kind === 'Document') this.documents.set(e.id, JSON.stringify(entityToStored(e).properties));
      if (e.kind !== 'Document')
        for (const identifier of e.identifiers ?? []) {
          const key = identifierKey(identifier.scheme, identifier.value);
          if (!this.byIdentifier.has(key)) this.byIdentifier.set(key, { id: e.id, kind: e.kind });
        }
      const row = safeRow(() => nodeRow(e), `entities.${i}`, found);
      if (row === undefined || !writing()) continue;
      const flushed = this.csv.addNode(row);
      if (flushed) await flushed;
      this.entities += 1;
      const entry = { id: e.id, kind: e.kind, name: e.name, op: 'created' as const };
      if (e.kind === 'Document') {
        if (this.documentSample.length < IMPORT_SAMPLE_SIZE) this.documentSample.push(entry);
      } else if (this.sample.entities.length < IMPORT_SAMPLE_SIZE) this.sample.entities.push(entry);
      this.change({ id: e.id, what: 'entity', op: 'created', before: null, after: null }, () => entityToStored(e).properties);
    }
    for (const [i, r] of file.relationships.entries()) {
      const at = `relationships.${i}`;
      if (this.relationshipIds.has(r.id)) found.push({ field: `${at}.id`, message: `duplicate relationship id "${r.id}"` });
      this.relationshipIds.add(r.id);
      this.endpoints(r, at, found, locate);
      citations(r.citations, at);
      const row = safeRow(() => relationshipRow(r), at, found);
      if (row === undefined || !writing()) continue;
      const flushed = this.csv.addRelationship(row);
      if (flushed) await flushed;
      this.relationships += 1;
      if (this.sample.relationships.length < IMPORT_SAMPLE_SIZE)
        this.sample.relationships.push({ id: r.id, type: r.type, source: r.source, target: r.target, op: 'created' });
      this.change(
        { id: r.id, what: 'relationship', op: 'created', source: r.source, target: r.target, before: null, after: null },
        () => relationshipToStored(r).properties,
      );
    }
    if (found.length > 0) this.addProblems(locate(found));
  }

  /** Both ends known and allowed for the type; an end not known yet is checked at the end of the input. */
  private endpoints(
    r: { type: string; source: string; target: string },
    at: string,
    found: ImportProblem[],
    locate: (problems: ImportProblem[]) => ImportProblem[],
  ): void {
    const sourceKind = this.kinds.get(r.source);
    const targetKind = this.kinds.get(r.target);
    if (sourceKind && targetKind) {
      if (!isAllowedEndpoint(r.type as never, sourceKind, targetKind))
        found.push({
          field: `${at}.type`,
          message: `${r.type} cannot go from ${withArticle(sourceKind)} to ${withArticle(targetKind)}`,
        });
      return;
    }
    // Later: whichever end is unknown then is reported; with both known, the kinds are checked.
    const kinds = this.kinds;
    this.deferred.push({
      id: r.source,
      check: () => {
        const s = kinds.get(r.source);
        const t = kinds.get(r.target);
        const problems: ImportProblem[] = [];
        if (s === undefined) problems.push({ field: `${at}.source`, message: `unknown entity "${r.source}"` });
        if (t === undefined) problems.push({ field: `${at}.target`, message: `unknown entity "${r.target}"` });
        if (s && t && !isAllowedEndpoint(r.type as never, s, t))
          problems.push({ field: `${at}.type`, message: `${r.type} cannot go from ${withArticle(s)} to ${withArticle(t)}` });
        return problems.length > 0 ? locate(problems) : [];
      },
    });
  }

  private checkNowOrLater(
    id: string,
    check: (kind: EntityKind | undefined) => ImportProblem | null,
    found: ImportProblem[],
    locate: (problems: ImportProblem[]) => ImportProblem[],
  ): void {
    const kind = this.kinds.get(id);
    if (kind !== undefined) {
      const problem = check(kind);
      if (problem) found.push(problem);
      return;
    }
    this.deferred.push({
      id,
      check: (later) => {
        const problem = check(later);
        return problem ? locate([problem]) : [];
      },
    });
  }

  private change(change: AuditChange, after: () => Record<string, unknown>): void {
    const count = this.entities + this.relationships;
    // As any large import: past DETAIL_LIMIT changes the entry keeps ids only, past ID_LIMIT only counts.
    if (this.changes.length < ID_LIMIT) this.changes.push(count > DETAIL_LIMIT ? change : { ...change, after: after() });
  }

  /** Every problem of the input, sorted, or null when there is none (references checked now). */
  problemList(): ImportProblem[] | null {
    for (const d of this.deferred) {
      this.addProblems(d.check(this.kinds.get(d.id)));
    }
    this.deferred.length = 0;
    if (this.problemCount === 0) return null;
    const listed = sortProblems(this.problems);
    if (this.problemCount > listed.length)
      listed.push({ field: '(file)', message: `and ${this.problemCount - listed.length} more problem(s) not listed` });
    return listed;
  }

  close() {
    return this.csv.close();
  }

  result(): ImportResult {
    const none = { entities: 0, relationships: 0 };
    return {
      format: this.formats[0] ?? 'json',
      dryRun: false,
      created: { entities: this.entities, relationships: this.relationships },
      updated: none,
      unchanged: { entities: this.unchanged, relationships: 0 },
      merged: this.merged,
      skipped: this.skipped,
      warnings: this.warnings,
      unmapped: this.unmapped,
      attached: 0,
      sample: {
        entities: [...this.sample.entities, ...this.documentSample].slice(0, IMPORT_SAMPLE_SIZE),
        relationships: this.sample.relationships,
      },
      documentId: this.documentId,
      auditId: null,
    };
  }

  auditRecord(options: Pick<BulkLoadOptions, 'actor' | 'route' | 'files'>) {
    const count = this.entities + this.relationships;
    const result = this.result();
    return {
      actor: options.actor,
      route: options.route,
      action: 'import',
      summary: {
        format: result.format,
        formats: this.formats,
        files: options.files.map((f) => f.fileName),
        documentId: result.documentId,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        bulk: true,
      },
      changes: count > DETAIL_LIMIT ? this.changes.map((c) => ({ ...c, before: null, after: null })) : this.changes,
      withoutDetail: count > DETAIL_LIMIT,
      truncated: count > this.changes.length,
    };
  }
}

function givenAgain(id: string): string {
  return (
    `entity "${id}" was given already by an earlier file (or an earlier part of this one): a bulk load takes each ` +
    'entity once; import the later file without --bulk after the load to update it'
  );
}

/** The row, or undefined with the problem added when a text holds the list delimiter. */
function safeRow(build: () => string, at: string, found: ImportProblem[]): string | undefined {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof UnsafeTextError)) throw error;
    found.push({ field: `${at}.${error.field}`, message: UNSAFE_TEXT });
    return undefined;
  }
}

const UNSAFE_TEXT =
  'holds the control character U+001F, which a bulk load cannot carry: remove it, or import the file without --bulk';

function withArticle(kind: EntityKind): string {
  return /^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function localeConvention(locale: string) {
  try {
    return conventionOf(locale);
  } catch (error) {
    throw new ImportValidationError([{ field: 'locale', message: (error as Error).message }]);
  }
}
