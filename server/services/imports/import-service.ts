/**
 * An import from start to end, whatever the format: read the file, validate everything (every problem,
 * with its line), compare with what the database holds, and, unless it is a dry run, write the changes
 * and their audit entry: in one transaction function when the change is small (ADR 0006), in batch
 * transactions with an undo log when it is large (ADR 0011). Either way a failure anywhere leaves the
 * database as it was. `onProgress` reports each phase for the terminal's progress bar and the page's events.
 */
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { IMPORT_SAMPLE_SIZE } from '../../../schemas/index.js';
import type {
  AuditChange,
  EntityKind,
  ImportFormat,
  ImportProblem,
  ImportProgress,
  ImportResult,
} from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { amendmentsFromStored, entityToStored, relationshipToStored } from '../../db/mapping.js';
import { ftmEntityId } from './ids.js';
import { recordAudit } from '../audit-log.js';
import { checkReferences, externalReferences, ImportValidationError, parseInterlockFile } from '../import-validation.js';
import {
  planChanges,
  type ChangePlan,
  type EntityRow,
  type RelationshipRow,
  type StoredEntity,
  type StoredRelationship,
} from './change-plan.js';
import { fromFtmId } from '../ftm/ids.js';
import type { KnownEntity } from '../ftm/read.js';
import { columnName, DEFAULT_ZIP_LIMITS } from './csv.js';
import { BATCH, runStep, storedEntities, storedRelationships, writeSteps, type PlannedStep } from './graph-writes.js';
import { locateProblem, type MappedImport } from './mapped-import.js';
import { detectFormat, HEAD_BYTES, UnknownFormatError } from './detect.js';
import { contentHead, fileFromBytes, openContent, readContent, type ImportFile, type OpenedContent } from './import-file.js';
import { ocdsChunks, ocdsFirstPass } from './sources/ocds-stream.js';
import type { KnownContract, LookupContracts } from './sources/ocds.js';
import { usaspendingChunks } from './sources/usaspending.js';
import type { LookupIdentifiers } from './sources/identity.js';
import { littleSisChunks } from './sources/littlesis-stream.js';
import { applyStreamedImport } from './streamed-import.js';
import { entitiesByIdentifier, identifiedAs } from './identifiers.js';
import { entityIdsOf, followMerges, keepMerges, mergedInto } from './merged-ids.js';
import { conventionOf, type NumberConvention } from './numbers.js';
import { fromInterlockJson, readImport } from './readers.js';
import { ImportInterruptedError, checkStillWriting, rollBackWhenPossible, startedWriting, stoppedWriting } from './recovery.js';
import { forgetUndo, rollbackImport, writeUndo } from './undo-log.js';
import { inLanes, WRITE_LANES } from '../write-lanes.js';
import { openSession } from '../../db/transactions.js';

export interface Actor {
  /** Who: the token's name, `cli:<os user>` or `system:seed`. */
  actor: string;
  /** Through which route, e.g. `POST /api/import`. */
  route: string;
}

export type ProgressListener = (progress: ImportProgress) => void;

export interface ImportOptions extends Actor {
  format: ImportFormat;
  dryRun: boolean;
  /** How the file writes numbers (BCP 47, e.g. `de`); see numbers.ts. */
  locale?: string | undefined;
  onProgress?: ProgressListener;
  /** What a CSV zip may unpack to: the import size limit applies to what is unpacked. */
  maxUnpackedBytes?: number;
}

/**
 * Plans a small import (a dry run: nothing is written) so Neo4j compiles the queries every import
 * plans with. A fresh JVM takes seconds per query the first time, and all of an import's planning
 * runs in one transaction under INTERLOCK_QUERY_TIMEOUT_MS; on a busy machine the first import after a
 * start could otherwise run out of time. Started in the background after the app listens.
 */
export async function warmUpImports(driver: Driver, database: string): Promise<void> {
  const cite = [{ documentId: 'document:warm-up-source', locator: 'warm-up', quote: 'warm-up' }];
  const org = (id: string) => ({ id, kind: 'Organization', name: id, status: 'reported', citations: cite });
  await applyImport(
    driver,
    database,
    fromInterlockJson({
      format: 'interlock/1',
      entities: [
        { id: 'document:warm-up-source', kind: 'Document', name: 'warm-up', title: 'warm-up' },
        { ...org('org:warm-up-a'), identifiers: [{ scheme: 'warm-up', value: 'a' }] },
        org('org:warm-up-b'),
      ],
      relationships: [
        {
          id: 'rel:warm-up',
          type: 'SUBSIDIARY_OF',
          source: 'org:warm-up-a',
          target: 'org:warm-up-b',
          status: 'reported',
          citations: cite,
        },
      ],
    }),
    { format: 'json', dryRun: true, actor: 'system:warm-up', route: 'warm-up' },
  );
}

/** As `ImportOptions`, but the format may be left to the file's content (`detectFormat`). */
export type RunImportOptions = Omit<ImportOptions, 'format'> & {
  format?: ImportFormat | undefined;
  /** The format a Content-Type implies, used when the content says nothing clearer. */
  typedAs?: ImportFormat | undefined;
};

export async function runImport(
  driver: Driver,
  database: string,
  file: { bytes: Uint8Array; fileName: string } | ImportFile,
  runOptions: RunImportOptions & { tuning?: WriteTuning & { chunkRecords?: number } },
): Promise<ImportResult> {
  runOptions.onProgress?.({ phase: 'parse', done: 0, total: 1 });
  const source = 'bytes' in file ? fileFromBytes(file.bytes, file.fileName) : file;
  const maxUnpackedBytes = runOptions.maxUnpackedBytes ?? DEFAULT_ZIP_LIMITS.maxUnpackedBytes;
  // The content says the format if none was given (a gzip is unpacked on the way).
  const format = runOptions.format ?? detectFormat(await contentHead(source, HEAD_BYTES)) ?? runOptions.typedAs;
  if (!format) throw new UnknownFormatError();
  const { typedAs: _typedAs, ...rest } = runOptions;
  const options: ImportOptions & { tuning?: WriteTuning } = { ...rest, format };
  const lookupIdentifiers: LookupIdentifiers = (refs) => withRead(driver, database, (tx) => entitiesByIdentifier(tx, refs));
  // LittleSis bulk files run to gigabytes, OCDS and USAspending downloads too: streamed, a chunk of
  // records at a time (ADR 0024, 0031).
  const chunkRecords = runOptions.tuning?.chunkRecords ? { chunkRecords: runOptions.tuning.chunkRecords } : {};
  if (format === 'littlesis')
    return importStreamed(driver, database, source, options, (content) =>
      littleSisChunks(content, {
        fileName: source.fileName,
        lookup: lookupIdentifiers,
        maxDocumentBytes: maxUnpackedBytes,
        ...chunkRecords,
      }),
    );
  if (format === 'ocds') {
    const { documentId, pkg } = await ocdsFirstPass(source, maxUnpackedBytes, options.onProgress);
    const lookup: LookupContracts = (ids) => withRead(driver, database, (tx) => knownContracts(tx, ids));
    return importStreamed(driver, database, source, options, (content) =>
      ocdsChunks(content, {
        fileName: source.fileName,
        documentId,
        pkg,
        lookup,
        maxDocumentBytes: maxUnpackedBytes,
        ...chunkRecords,
      }),
    );
  }
  if (format === 'usaspending')
    return importStreamed(driver, database, source, options, (content) =>
      usaspendingChunks(content, { fileName: source.fileName, ...chunkRecords }),
    );
  const bytes = await readContent(source, maxUnpackedBytes);
  const mapped = await readImport({
    format,
    bytes,
    fileName: source.fileName,
    lookupFtm: (ids) => entitiesByFtmId(driver, database, ids),
    lookupIdentifiers,
    maxUnpackedBytes: options.maxUnpackedBytes,
    convention: options.locale === undefined ? undefined : localeConvention(options.locale),
  });
  options.onProgress?.({ phase: 'parse', done: 1, total: 1 });
  return applyImport(driver, database, mapped, options);
}

/**
 * A file read as a stream (LittleSis, OCDS, USAspending): one that fits in a chunk is planned and
 * written as any other file (in one transaction when small); a larger one goes chunk by chunk through
 * `applyStreamedImport`.
 */
async function importStreamed(
  driver: Driver,
  database: string,
  source: ImportFile,
  options: ImportOptions & { tuning?: WriteTuning & { chunkRecords?: number } },
  chunksOf: (content: OpenedContent) => AsyncGenerator<MappedImport>,
): Promise<ImportResult> {
  const content = await openContent(source);
  try {
    const chunks = chunksOf(content);
    const first = await chunks.next();
    const second = first.done ? first : await chunks.next();
    if (first.done) throw new Error('a streamed file always gives a chunk');
    if (second.done) {
      options.onProgress?.({ phase: 'parse', done: 1, total: 1 });
      return await applyImport(driver, database, first.value, options);
    }
    const all = (async function* () {
      yield first.value;
      yield second.value;
      yield* chunks;
    })();
    return await applyStreamedImport(
      driver,
      database,
      { chunks: all, position: () => ({ done: content.bytesRead(), total: source.size }) },
      options,
    );
  } finally {
    content.stream.destroy();
  }
}

/** Of the contracts among `ids`, what a later OCDS release of each merges into (ocds.ts `KnownContract`). */
async function knownContracts(tx: ManagedTransaction, ids: string[]): Promise<Map<string, KnownContract>> {
  const result = await tx.run(cypher('queries/ocds-known-contracts'), { ids });
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const ref = (v: unknown) => {
    const r = v as { id?: unknown; name?: unknown } | null;
    const id = str(r?.id);
    const name = str(r?.name);
    return id ? { id, ...(name ? { name } : {}) } : undefined;
  };
  return new Map(
    result.records.map((r) => {
      const id = r.get('id') as string;
      const amount = r.get('amount') as unknown;
      // The description an OCDS import writes names the ocid and ends with the status it read
      // (`OCDS <ocid>, award <id>…; status active`).
      const description = str(r.get('description')) ?? '';
      const status = /; status ([^;]+)$/.exec(description)?.[1];
      const ocid = /^OCDS (\S+), award /.exec(description)?.[1];
      const name = str(r.get('name'));
      const known: KnownContract = {
        amendments: amendmentsFromStored({
          amendmentDates: r.get('amendmentDates') as unknown,
          amendmentDescriptions: r.get('amendmentDescriptions') as unknown,
        }),
        suppliers: (r.get('suppliers') as unknown[]).flatMap((s) => ref(s) ?? []),
      };
      const fields: Partial<KnownContract> = {
        sourceDate: str(r.get('sourceDate')),
        // A contract without a title of its own was named by its ocid: that is no title to keep.
        title: name !== ocid ? name : undefined,
        purpose: str(r.get('purpose')),
        amount: typeof amount === 'number' ? amount : undefined,
        currency: str(r.get('currency')),
        start: str(r.get('start')),
        end: str(r.get('end')),
        signedOn: str(r.get('signedOn')),
        status,
        buyer: ref(r.get('buyer')),
      };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(known, { [key]: value });
      return [id, known];
    }),
  );
}

/**
 * Knobs of the write path. `batchSize` rows per write query and per batch transaction; an import that
 * changes at most `singleTransactionRows` rows is planned and written in one transaction (ADR 0006),
 * a larger one in batches with an undo log (ADR 0011), `lanes` batches at a time. `afterBatch` runs after
 * each committed batch of a large import (with how many are committed): tests use it to make a middle
 * batch fail.
 */
export interface WriteTuning {
  batchSize?: number;
  singleTransactionRows?: number;
  afterBatch?: (batch: number, of: number) => void | Promise<void>;
  /** Batch transactions of a large import written at once (services/write-lanes.ts); 1 writes them in order. */
  lanes?: number;
}

export async function applyImport(
  driver: Driver,
  database: string,
  mapped: MappedImport,
  options: ImportOptions & { tuning?: WriteTuning },
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const rename = options.format === 'csv' ? columnName : undefined;
  const locate = (problems: ImportProblem[]) =>
    mapped.locate ? mapped.locate(problems) : problems.map((p) => locateProblem(p, mapped.origins, rename));
  const batchSize = options.tuning?.batchSize ?? BATCH;
  const singleTransactionRows = options.tuning?.singleTransactionRows ?? batchSize;

  progress({ phase: 'validate', done: 0, total: 1 });
  // A file that could not be read at all (not JSON, not a zip): say that, not what an empty file lacks.
  const unreadable = mapped.problems.filter((p) => p.field === '(file)');
  if (unreadable.length > 0) throw new ImportValidationError(sortProblems(unreadable));
  const parsed = parseInterlockFile(mapped.file);
  const problems = [...mapped.problems, ...(parsed.ok ? [] : locate(parsed.problems))];
  if (!parsed.ok || problems.length > 0) throw new ImportValidationError(sortProblems(problems));

  /** Checks references and compares with the database: what would change, and the undo of each batch. */
  const planIn = async (tx: ManagedTransaction) => {
    // Ids merged into another entity since an earlier import stand for that entity (a merge survives
    // re-import); so does an entity of the file that an identifier says is one already stored (issue 14:
    // one identity across sources, see identifiers.ts). Both are taken in the same way.
    const merged = await mergedInto(tx, entityIdsOf(parsed.file));
    const identified = await identifiedAs(tx, parsed.file, await storedOrMerged(tx, parsed.file, merged));
    const { file, absorbed } = followMerges(parsed.file, new Map([...identified, ...merged]));
    const entityRows: EntityRow[] = file.entities.map((e) => ({ id: e.id, ...entityToStored(e) }));
    const relationshipRows: RelationshipRow[] = file.relationships.map((r) => ({ id: r.id, ...relationshipToStored(r) }));
    const rowCount = entityRows.length + relationshipRows.length;
    const refProblems = checkReferences(file, await existingKinds(tx, externalReferences(file)));
    if (refProblems.length > 0) throw new ImportValidationError(sortProblems(locate(refProblems)));
    progress({ phase: 'validate', done: 1, total: 1 });
    progress({ phase: 'compare', done: 0, total: rowCount });
    // An empty graph has no relationships either: nothing to compare against (the seed on a first start,
    // a first large import), and a dozen lookups saved.
    const stored = (await isEmpty(tx))
      ? { entities: new Map<string, StoredEntity>(), relationships: new Map<string, StoredRelationship>() }
      : {
          entities: await storedEntities(tx, [...new Set([...entityRows.map((r) => r.id), ...absorbed.keys()])]),
          relationships: await storedRelationships(tx, relationshipRows),
        };
    const plan = planChanges(
      keepMerges(entityRows, absorbed, stored.entities),
      relationshipRows,
      stored.entities,
      stored.relationships,
    );
    progress({ phase: 'compare', done: rowCount, total: rowCount });
    return {
      plan,
      stored,
      result: { ...resultOf(plan, mapped, options), attached: identified.size },
      changes: auditChanges(plan),
    };
  };
  const summaryOf = (planned: Awaited<ReturnType<typeof planIn>>) => ({
    format: options.format,
    documentId: mapped.documentId,
    created: planned.result.created,
    updated: planned.result.updated,
    unchanged: planned.result.unchanged,
  });
  const audit = (tx: ManagedTransaction, planned: Awaited<ReturnType<typeof planIn>>, extra: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      actor: options.actor,
      route: options.route,
      action: 'import',
      summary: { ...summaryOf(planned), ...extra },
      changes: planned.changes,
    });
  const writeProgress = new WriteProgress(progress);

  // Shares the bookmarks of every other query of this process: reads that follow see the import.
  const session = openSession(driver, database, 'WRITE');
  try {
    if (options.dryRun) {
      const { result } = await session.executeRead(planIn);
      progress({ phase: 'done', done: 1, total: 1 });
      return result;
    }
    // Small imports: plan and write in one transaction, as ADR 0006 describes. A large one leaves this
    // transaction having only read, and is written below in batches.
    type Outcome = { done: ImportResult } | { large: Awaited<ReturnType<typeof planIn>> };
    const single = await session.executeWrite(async (tx): Promise<Outcome> => {
      const planned = await planIn(tx);
      if (planned.changes.length === 0) return { done: planned.result };
      if (planned.changes.length > singleTransactionRows) return { large: planned };
      const counter = writeProgress.start(planned.plan);
      for (const { step, what, rows } of writeSteps(planned.plan, planned.stored, batchSize)) {
        await runStep(tx, step);
        counter.add(what, rows);
      }
      progress({ phase: 'audit', done: 0, total: 1 });
      const auditId = await audit(tx, planned);
      progress({ phase: 'audit', done: 1, total: 1 });
      return { done: { ...planned.result, auditId } };
    });
    const result = 'done' in single ? single.done : await writeInBatches(session, single.large);
    progress({ phase: 'done', done: 1, total: 1 });
    return result;
  } finally {
    await session.close();
  }

  /** A large import: one transaction per batch, each with its undo record; undone on any failure. */
  async function writeInBatches(session: Session, planned: Awaited<ReturnType<typeof planIn>>): Promise<ImportResult> {
    const importId = `import:${randomUUID()}`;
    const steps = writeSteps(planned.plan, planned.stored, batchSize);
    const counter = writeProgress.start(planned.plan);
    const undoOf = { importId, total: steps.length, actor: options.actor, route: options.route, summary: summaryOf(planned) };
    let written = 0;
    const writeBatch =
      (seq: number, { step, undo, what, rows }: PlannedStep) =>
      async () => {
        const lane = openSession(driver, database, 'WRITE');
        try {
          await lane.executeWrite(async (tx) => {
            checkStillWriting(importId);
            await runStep(tx, step);
            await writeUndo(tx, { ...undoOf, seq, undo });
          });
        } finally {
          await lane.close();
        }
        written += 1;
        counter.add(what, rows);
        await options.tuning?.afterBatch?.(written, steps.length);
      };
    startedWriting(importId);
    try {
      // Every entity is written before the first relationship that may need it; within each, in lanes.
      for (const what of ['entities', 'relationships'] as const)
        await inLanes(
          [...steps.entries()].filter(([, planned]) => planned.what === what).map(([seq, planned]) => writeBatch(seq, planned)),
          options.tuning?.lanes ?? WRITE_LANES,
        );
      progress({ phase: 'audit', done: 0, total: 1 });
      const auditId = await session.executeWrite(async (tx) => {
        checkStillWriting(importId);
        const id = await audit(tx, planned, { transactions: steps.length + 1 });
        await forgetUndo(tx, importId);
        return id;
      });
      progress({ phase: 'audit', done: 1, total: 1 });
      return { ...planned.result, auditId };
    } catch (error) {
      stoppedWriting(importId);
      try {
        await rollbackImport(driver, database, importId, 'the import failed');
      } catch (rollbackError) {
        // The database went away: its batches are undone as soon as it is back (here, or at the next start).
        rollBackWhenPossible(driver, database, importId);
        throw new ImportRollbackError(importId, { written, total: steps.length }, error, rollbackError);
      }
      // Cut off by a restart of the database: undone (by the recovery after the restart, or just now).
      if (error instanceof ImportInterruptedError)
        throw new ImportRollbackError(importId, { written, total: steps.length }, error, null);
      throw error;
    } finally {
      stoppedWriting(importId);
    }
  }
}

/** Counts written rows per phase for the progress listener. */
class WriteProgress {
  constructor(private readonly progress: (p: ImportProgress) => void) {}
  start(plan: ChangePlan) {
    const totals = {
      entities: plan.entities.created.length + plan.entities.updated.length,
      relationships: plan.relationships.created.length + plan.relationships.updated.length,
    };
    const done = { entities: 0, relationships: 0 };
    return {
      add: (what: 'entities' | 'relationships', rows: number) => {
        done[what] += rows;
        this.progress({ phase: what, done: done[what], total: totals[what] });
      },
    };
  }
}

/**
 * A large import failed and undoing its committed batches failed too (the database went away): the undo
 * log stays in the database, and the batches are undone as soon as it is back, by this process or at the
 * next start (`npm run cli -- import-rollback` does the same by hand). HTTP 503, saying so.
 */
export class ImportRollbackError extends Error {
  readonly statusCode = 503;
  readonly code = 'import_interrupted';
  constructor(
    readonly importId: string,
    readonly batches: { written: number; total: number },
    cause: unknown,
    readonly rollbackError: unknown,
  ) {
    super(
      `The database went away during the import, after ${batches.written} of its ${batches.total} batches were written. ` +
        `Those batches are being undone automatically as soon as the database is back (import ${importId}; the audit trail ` +
        'will record it): nothing of this import will remain. Send the file again once the server answers.',
      { cause },
    );
    this.name = 'ImportRollbackError';
  }
}

export function resultOf(plan: ChangePlan, mapped: MappedImport, options: ImportOptions): ImportResult {
  return {
    format: options.format,
    dryRun: options.dryRun,
    created: { entities: plan.entities.created.length, relationships: plan.relationships.created.length },
    updated: { entities: plan.entities.updated.length, relationships: plan.relationships.updated.length },
    unchanged: { entities: plan.entities.unchanged, relationships: plan.relationships.unchanged },
    merged: mapped.merged,
    skipped: mapped.skipped,
    warnings: mapped.warnings,
    unmapped: mapped.unmapped,
    attached: 0,
    sample: sampleOf(plan),
    documentId: mapped.documentId,
    auditId: null,
  };
}

/** The first entities and relationships the plan creates or changes, facts before their sources. */
function sampleOf(plan: ChangePlan): ImportResult['sample'] {
  const entities = [
    ...plan.entities.created.map((row) => ({ row, op: 'created' as const })),
    ...plan.entities.updated.map(({ row }) => ({ row, op: 'updated' as const })),
  ].sort((a, b) => Number(a.row.kind === 'Document') - Number(b.row.kind === 'Document'));
  const relationships = [
    ...plan.relationships.created.map((row) => ({ row, op: 'created' as const })),
    ...plan.relationships.updated.map(({ row }) => ({ row, op: 'updated' as const })),
  ];
  return {
    entities: entities.slice(0, IMPORT_SAMPLE_SIZE).map(({ row, op }) => ({
      id: row.id,
      kind: row.kind,
      name: String(row.properties.name ?? row.id),
      op,
    })),
    relationships: relationships
      .slice(0, IMPORT_SAMPLE_SIZE)
      .map(({ row, op }) => ({ id: row.id, type: row.type, source: row.source, target: row.target, op })),
  };
}

/** Ids of the file's entities the graph holds already, or that a merge took in (those keep their way). */
export async function storedOrMerged(
  tx: ManagedTransaction,
  file: { entities: { id: string; identifiers?: unknown[] | undefined }[] },
  merged: ReadonlyMap<string, unknown>,
): Promise<Set<string>> {
  const withIdentifiers = file.entities.filter((e) => (e.identifiers?.length ?? 0) > 0).map((e) => e.id);
  if (withIdentifiers.length === 0) return new Set();
  return new Set([...(await existingKinds(tx, withIdentifiers)).keys(), ...merged.keys()]);
}

export function auditChanges(plan: ChangePlan): AuditChange[] {
  return [
    ...plan.entities.created.map((r) => ({
      id: r.id,
      what: 'entity' as const,
      op: 'created' as const,
      before: null,
      after: r.properties,
    })),
    ...plan.entities.updated.map((u) => ({
      id: u.row.id,
      what: 'entity' as const,
      op: 'updated' as const,
      before: u.before,
      after: u.row.properties,
    })),
    ...plan.relationships.created.map((r) => ({
      id: r.id,
      what: 'relationship' as const,
      op: 'created' as const,
      source: r.source,
      target: r.target,
      before: null,
      after: r.properties,
    })),
    ...plan.relationships.updated.map((u) => ({
      id: u.row.id,
      what: 'relationship' as const,
      op: 'updated' as const,
      source: u.row.source,
      target: u.row.target,
      before: u.before,
      after: u.row.properties,
    })),
  ];
}

export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}

export async function isEmpty(tx: ManagedTransaction): Promise<boolean> {
  const result = await tx.run(cypher('queries/entity-count'));
  return Number(result.records[0]?.get('entities') ?? 0) === 0;
}

export async function existingKinds(tx: ManagedTransaction, ids: string[]): Promise<Map<string, EntityKind>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run(cypher('queries/entity-kinds'), { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('kind') as EntityKind]));
}

/**
 * Entities an FtM file refers to without holding them: imported before (by `ftmId`), ours (an id of
 * our own export), or merged since into another entity (found by the id an import would give them).
 */
async function entitiesByFtmId(driver: Driver, database: string, ftmIds: string[]): Promise<Map<string, KnownEntity>> {
  if (ftmIds.length === 0) return new Map();
  const session = openSession(driver, database, 'READ');
  try {
    return await session.executeRead(async (tx) => {
      const found = new Map<string, KnownEntity>();
      const refs = ftmIds.map((ftmId) => ({ ftmId, id: fromFtmId(ftmId) ?? ftmId }));
      const result = await tx.run(cypher('queries/entities-by-ftm-id'), { refs });
      for (const r of result.records)
        found.set(r.get('ftmId') as string, { id: r.get('id') as string, kind: r.get('kind') as EntityKind });
      const missing = ftmIds.filter((id) => !found.has(id));
      const candidates = new Map(missing.flatMap((ftmId) => FTM_KINDS.map((kind) => [ftmEntityId(kind, ftmId), ftmId] as const)));
      for (const [oldId, entity] of await mergedInto(tx, [...candidates.keys()])) {
        const ftmId = candidates.get(oldId);
        if (ftmId) found.set(ftmId, entity);
      }
      return found;
    });
  } finally {
    await session.close();
  }
}

async function withRead<T>(driver: Driver, database: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = openSession(driver, database, 'READ');
  try {
    return await session.executeRead(work);
  } finally {
    await session.close();
  }
}

/** Kinds an FtM id can stand for. */
const FTM_KINDS: EntityKind[] = ['Person', 'Organization', 'PublicBody', 'Contract', 'Document'];

/** A locale's way of writing numbers; a locale the platform does not know is a bad parameter. */
function localeConvention(locale: string): NumberConvention {
  try {
    return conventionOf(locale);
  } catch (error) {
    throw new ImportValidationError([{ field: 'locale', message: (error as Error).message }]);
  }
}
