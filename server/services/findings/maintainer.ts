/**
 * Keeps the stored findings current, off the request path (docs/adr/0021). It follows the audit trail
 * (every write made through Interlock records an entry naming the entities it touched):
 *
 * - Incremental: for the entities an entry names, and the key entities of the stored findings that
 *   include them, each pattern runs in its per-entity form; the stored findings that include a changed
 *   entity are replaced by the ones computed now. An edit shows in the findings within a second or so.
 * - Full: an entry too large to follow entity by entity (an import), a change made outside Interlock
 *   (the entity or relationship count moved without an entry), an admin's request (ADR 0046), or no
 *   findings yet: every pattern runs over the whole graph into a new generation, which is served once
 *   complete; the entries written meanwhile are then replayed on it. Progress is stored for /api/health
 *   and the Conflicts panel. A pattern whose query fails over the whole graph (memory, time cap, a
 *   Neo4j error, rows its findings cannot be built from) is recorded as failed in the generation and
 *   the others go on; the next full run comes when one is due for another reason, as after a success.
 *
 * Any number of processes may run a maintainer on one database: two leases on the state node (one per
 * kind of work) make one process at a time do each; a process that dies leaves a lease that expires.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { int, Neo4jError } from 'neo4j-driver';
import type { FailedPattern } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { formatGraphVersion, graphVersion, graphVersionParts } from '../graph-version.js';
import { inSlices, type Sliced } from '../sliced.js';
import { inLanes } from '../write-lanes.js';
import { openSession } from '../../db/transactions.js';
import type { ConflictService } from '../conflicts/service.js';
import { recordShows, type FindingRecord } from '../conflicts/findings.js';
import type { PatternDefinition } from '../conflicts/pattern-files.js';
import { buildFailure, isOutage, patternFailure, type PatternFailure } from './failures.js';
import {
  auditSince,
  createFindings,
  deleteFindings,
  readState,
  storedFinding,
  storedRecords,
  type AuditMark,
  type FindingsState,
  type FullProgress,
  type StoredFinding,
} from './store.js';

/** More changed entities than this in one catch-up: a full recomputation is cheaper than entity by entity. */
export const INCREMENTAL_LIMIT = 200;
/** Entries may commit out of `at` order (clocks, long transactions): this much before the cursor is read again. */
const REREAD_MS = 30_000;
const LEASE_MS = 30_000;
/** Cap of one pattern over the whole graph, in the background (a request's cap is far lower). */
const FULL_QUERY_TIMEOUT_MS = 30 * 60_000;
const WRITE_BATCH = 1_000;
/** Batches of a full recomputation's findings written at once (write-lanes.ts). */
const FINDINGS_WRITE_LANES = 2;
/**
 * Progress is stored at most this often while a pattern's findings are written (and after each pattern):
 * each report is a write of its own, and a 1M-relationship graph makes over a thousand batches.
 */
const REPORT_EVERY_MS = 1_000;
/** Per-entity pattern runs at once during an incremental update. */
const PARALLEL = 3;
const ENTRIES_PER_READ = 500;

export type Log = (message: string, error?: unknown) => void;

/** The findings state and the graph's version, read together. */
export interface Seen {
  state: FindingsState | null;
  version: string;
}

export class FindingsMaintainer {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private active = false;
  private stopped = false;
  private incremental: Promise<void> | null = null;
  private incrementalAgain = false;
  private full: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly conflicts: ConflictService,
    private readonly log: Log = () => undefined,
  ) {}

  /**
   * Brings the findings up to date soon, and from now on after every write this process makes. Called
   * at start (main.ts) and whenever findings are asked for, so a process nobody asks does no work.
   * `seen`: the findings state and graph version a reader has just read, after its ask arrived; when they
   * show nothing to do, the check is not read again (a write of this process since calls `noteWrite`).
   */
  request(seen?: Seen): void {
    if (this.stopped) return;
    this.active = true;
    if (seen && this.upToDate(seen)) return;
    if (this.incremental) {
      this.incrementalAgain = true;
      return;
    }
    this.incremental = this.catchUp()
      .catch((error: unknown) => this.log('updating the stored findings failed; trying again shortly', error))
      .finally(() => {
        this.incremental = null;
        if (this.incrementalAgain) {
          this.incrementalAgain = false;
          this.request();
        }
      });
  }

  /** A write was made through this process: its findings are updated if anyone has asked for findings. */
  noteWrite(): void {
    if (this.active) this.request();
  }

  /** Checks every `everyMs` for changes other processes made (main.ts; a single process needs none). */
  watch(everyMs: number): void {
    this.active = true;
    this.poll = setInterval(() => this.request(), everyMs);
    this.poll.unref();
    this.request();
  }

  /** Stops starting work; work already running finishes its current step and stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.poll) clearInterval(this.poll);
    await Promise.allSettled([this.incremental, this.full]);
  }

  /**
   * Whether a full recomputation is due: none yet, one was asked for since the last, or the served
   * findings were computed with other pattern queries than `fingerprint` (an upgrade changed a pattern).
   */
  static fullDue(state: FindingsState | null, fingerprint?: string): boolean {
    if (!state || !state.generation) return true;
    if (fingerprint !== undefined && state.patternsFingerprint !== fingerprint) return true;
    return Boolean(state.fullRequestedAt && (!state.fullComputedFrom || state.fullRequestedAt > state.fullComputedFrom));
  }

  private later(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.request();
    }, 1_000);
    this.retry.unref();
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>, timeout?: number): Promise<T> {
    const session = openSession(this.driver, this.database, 'READ');
    try {
      return await session.executeRead(work, timeout === undefined ? undefined : { timeout });
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = openSession(this.driver, this.database, 'WRITE');
    try {
      return await session.executeWrite(work, { timeout: FULL_QUERY_TIMEOUT_MS });
    } finally {
      await session.close();
    }
  }

  private async lease(kind: 'full' | 'incremental'): Promise<{ held: boolean; state: FindingsState }> {
    const now = new Date();
    return this.write(async (tx) => {
      const row = (
        await tx.run(cypher('queries/findings-lease'), {
          lease: kind,
          owner: this.owner,
          now: now.toISOString(),
          until: new Date(now.getTime() + LEASE_MS).toISOString(),
        })
      ).records[0];
      return { held: Boolean(row?.get('held')), state: row?.get('state') as FindingsState };
    });
  }

  /** Renews a lease while long work runs (one pattern over a large graph takes longer than the lease). */
  private keepLease(kind: 'full' | 'incremental'): () => void {
    const timer = setInterval(() => {
      this.lease(kind).catch(() => undefined);
    }, LEASE_MS / 3);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async release(kind: 'full' | 'incremental'): Promise<void> {
    await this.write((tx) => tx.run(cypher('queries/findings-release'), { lease: kind, owner: this.owner }));
  }

  // ------------------------------------------------------------------------------------- incremental

  /** Whether the served findings reflect the graph version seen, and no full recomputation is due. */
  private upToDate({ state, version }: Seen): boolean {
    return Boolean(
      state?.generation &&
      state.graphVersion === version &&
      !FindingsMaintainer.fullDue(state, this.conflicts.queriesFingerprint),
    );
  }

  private async catchUp(): Promise<void> {
    // Most checks find nothing to do: one read, no lease taken.
    const seen = await this.read(async (tx) => ({ state: await readState(tx), version: await graphVersion(tx) }));
    if (this.upToDate(seen)) return;
    const { held, state } = await this.lease('incremental');
    if (!held) return this.later(); // another process is at it; look again in a second
    const stopRenewing = this.keepLease('incremental');
    try {
      if (!state.generation) return this.startFull(); // nothing served yet: nothing to update
      // A full recomputation may be due (an import): it runs beside, and edits keep updating what is served.
      if (FindingsMaintainer.fullDue(state, this.conflicts.queriesFingerprint)) this.startFull();
      let current = state;
      for (;;) {
        const step = await this.step(current);
        if (step === 'done' || this.stopped) return;
        if (step === 'full') this.startFull();
        current = (await this.read(readState)) ?? current;
      }
    } finally {
      stopRenewing();
      await this.release('incremental').catch(() => undefined);
    }
  }

  /** One batch of the audit entries not yet taken in by the served generation. */
  private async step(state: FindingsState): Promise<'done' | 'more' | 'full'> {
    // Entries are read again from a little before the cursor (a transaction can commit an entry older
    // than one already seen); the ones already taken in are left out by id.
    const since = state.cursorAt ? new Date(Date.parse(state.cursorAt) - REREAD_MS).toISOString() : '';
    const { entries, seen, parts } = await this.read(async (tx) => ({
      ...(await auditSince(tx, since, state.seenIds ?? [], ENTRIES_PER_READ)),
      parts: await graphVersionParts(tx),
    }));
    const version = formatGraphVersion(parts);
    // Caught up once the page is not full: the served findings then reflect the graph's version.
    const complete = entries.length < ENTRIES_PER_READ;
    const reached = complete ? version : formatGraphVersion({ ...parts, lastChange: entries.at(-1)?.id ?? '' });
    if (entries.length === 0) {
      if (version === state.graphVersion) return 'done';
      // The graph changed without an audit entry (an entity or relationship added or removed in Neo4j
      // Browser): only a full run sees what it changed.
      await this.advance(state, [], seen, version, true);
      return 'full';
    }
    // An entry too large to follow entity by entity (an import) asks for a full recomputation; the edits
    // beside it are still taken in now, so they show while the full one runs.
    const changed = new Set<string>();
    let needsFull = false;
    for (const entry of entries) {
      const summary = entry.summary ? (JSON.parse(entry.summary) as { idsTruncated?: boolean }) : {};
      const ids = entry.entityIds ?? [];
      if (summary.idsTruncated || ids.length > INCREMENTAL_LIMIT) needsFull = true;
      else for (const id of ids) changed.add(id);
    }
    if (changed.size > INCREMENTAL_LIMIT || !(await this.updated(state.generation, [...changed]))) needsFull = true;
    const advanced = await this.advance(state, entries, seen, reached, needsFull);
    if (needsFull) return 'full';
    return advanced && complete ? 'done' : 'more';
  }

  /**
   * Moves the cursor past `entries` (when the served generation is still the one updated): never back,
   * and the ids taken in are kept while they are inside the re-read window.
   */
  private async advance(
    state: FindingsState,
    entries: readonly AuditMark[],
    seen: readonly Pick<AuditMark, 'id' | 'at'>[],
    version: string,
    requestFull: boolean,
  ): Promise<boolean> {
    const newest = entries.at(-1)?.at ?? '';
    const cursorAt = newest > (state.cursorAt ?? '') ? newest : state.cursorAt;
    const window = new Date(Date.parse(cursorAt || '1970-01-01') - REREAD_MS).toISOString();
    const seenIds = [...new Set([...seen, ...entries].filter((e) => e.at >= window).map((e) => e.id))];
    const row = await this.write(
      async (tx) =>
        (
          await tx.run(cypher('queries/findings-advance'), {
            owner: this.owner,
            generation: int(state.generation),
            graphVersion: version,
            cursorAt,
            seenIds,
            now: new Date().toISOString(),
            fullRequestedAt: requestFull ? new Date().toISOString() : null,
          })
        ).records[0],
    );
    return Number(row?.get('advanced') ?? 0) > 0;
  }

  /**
   * `update`, or false when the findings about `changed` cannot be computed entity by entity for a reason
   * that trying again would not change (a pattern's query past its cap or the database's memory for one
   * of them, a record that cannot be built): the whole graph is then recomputed instead, which names a
   * pattern that cannot be computed there either. Before, the same update failed on every poll and the
   * findings stayed `updating`, edits after it never taken in. An outage is thrown: the next poll retries.
   */
  private async updated(generation: number, changed: string[]): Promise<boolean> {
    try {
      await this.update(generation, changed);
      return true;
    } catch (error) {
      if (isOutage(error)) throw error;
      this.log('the findings of a change could not be updated entity by entity; recomputing them over the whole graph', error);
      return false;
    }
  }

  /**
   * Replaces the stored findings a change to `changed` entities can touch with those computed now: the
   * stored ones that include a changed entity, and every one a run for a changed entity comes across,
   * even when its evidence does not include the entity (a contract past the five a finding shows as
   * evidence still counts in its amount and period).
   */
  private async update(generation: number, changed: string[]): Promise<void> {
    if (changed.length === 0) return;
    const stored = await this.read(async (tx) => {
      const result = await tx.run(cypher('queries/findings-keys'), { entities: changed, generation: int(generation) });
      return result.records.map((r) => ({
        id: String(r.get('id')),
        pattern: String(r.get('pattern')),
        key: (r.get('key') as string[] | null) ?? [],
      }));
    });
    // Every pattern for each changed entity, keeping every finding it comes across; and a stored finding
    // that may lose the changed entity from its evidence is found again by its own pattern from the first
    // id of its key (which is in it).
    const patterns = this.conflicts.all();
    const runs = new Runs();
    for (const pattern of patterns) for (const anchor of changed) runs.add(pattern, anchor, true);
    // The findings to replace: by what a run that computes it whole made of it, or by nothing when that
    // run dropped it (its facts no longer held at one time).
    const touched = new Set(stored.map((s) => s.id));
    const computed = new Map<string, StoredFinding>();
    const take = ({ pattern, anchor, discover }: Run, records: readonly FindingRecord[]) => {
      for (const record of records) {
        // A run for a stored finding's first entity also finds that entity's other findings: not the change's.
        if (!discover && !touched.has(record.id)) continue;
        // A pattern that does not start at its key shows every entity its findings count (README), so a
        // finding without the changed entity is not the change's: pay-to-play for a contract comes
        // across the payers' other companies' findings, hundreds at 1M.
        if (discover && !pattern.startsAtKey && !recordShows(record, anchor)) continue;
        touched.add(record.id);
        const first = record.key[0];
        if (pattern.startsAtKey || first === anchor || (pattern.wholeForContract && isContractOf(record, anchor))) {
          const kept = storedFinding(generation, pattern, record, record.key);
          if (kept) computed.set(kept.id, kept);
        } else if (first !== undefined) runs.add(pattern, first, false); // the run that computes it whole
      }
    };
    // The runs for the changed entities first, so the findings they come across are known to the others.
    for (const { run, records } of await this.runAll(runs.take())) take(run, records);
    // A stored finding that may lose the changed entity from its evidence is found again by its own
    // pattern from the first id of its key (which is in it), unless a run above computed it whole: at
    // 1M an edit of a contract counted in 65 findings of as many people made 65 runs that found them again.
    let storedRuns = 0;
    for (const finding of stored) {
      const pattern = patterns.find((p) => p.id === finding.pattern);
      const anchor = finding.key[0];
      if (pattern && anchor && !computed.has(finding.id) && runs.add(pattern, anchor, false)) storedRuns += 1;
    }
    // Then the runs that compute whole what the others came across, round by round, never cascading far.
    for (
      let round = runs.take(), followUps = round.length - storedRuns;
      round.length > 0;
      round = runs.take(), followUps = round.length
    ) {
      if (followUps > INCREMENTAL_LIMIT) throw new Error(`a change touches findings made from ${followUps} other entities`);
      for (const { run, records } of await this.runAll(round)) take(run, records);
    }
    // Only what differs is written: a run for a company recomputes every finding of the people on its
    // board, most of them as they were.
    await this.write(async (tx) => {
      const before = await storedRecords(tx, generation, [...touched]);
      const renewed = [...computed.values()].filter((f) => before.get(f.id) !== f.record);
      const gone = [...before.keys()].filter((id) => !computed.has(id));
      await deleteFindings(tx, generation, [...gone, ...renewed.filter((f) => before.has(f.id)).map((f) => f.id)]);
      await createFindings(tx, renewed);
    });
  }

  /**
   * Each run, `PARALLEL` at a time, with every record it comes across: a run starts as soon as one
   * finishes, so a long run does not hold back those after it (in groups of three, vendor-board-seat's
   * run for the largest contract at 1M started only when revolving-door's, 4-6 s, had ended).
   */
  private async runAll(runs: readonly Run[]): Promise<{ run: Run; records: FindingRecord[] }[]> {
    const results: { run: Run; records: FindingRecord[] }[] = [];
    await inLanes(
      runs.map((run, i) => async () => {
        results[i] = { run, records: await this.conflicts.recordsFrom(run.pattern, run.anchor) };
      }),
      PARALLEL,
    );
    return results;
  }

  // -------------------------------------------------------------------------------------------- full

  private startFull(): void {
    if (this.full || this.stopped) return;
    this.full = this.recompute()
      .catch((error: unknown) => this.log('recomputing the stored findings failed; trying again on the next change', error))
      .finally(() => {
        this.full = null;
      });
  }

  private async recompute(): Promise<void> {
    const { held } = await this.lease('full');
    if (!held) return; // another process is recomputing; its progress is in the state
    const stopRenewing = this.keepLease('full');
    try {
      for (;;) {
        await this.recomputeOnce();
        const state = await this.read(readState);
        if (this.stopped || !FindingsMaintainer.fullDue(state, this.conflicts.queriesFingerprint)) break;
      }
    } finally {
      stopRenewing();
      await this.release('full').catch(() => undefined);
    }
    // The entries written while it ran are replayed on the new generation.
    this.request();
  }

  private async recomputeOnce(): Promise<void> {
    const startedAt = new Date().toISOString();
    const patterns = this.conflicts.all();
    const failed: FailedPattern[] = [];
    const progress: FullProgress = { startedAt, patternsDone: 0, patternsTotal: patterns.length, findings: 0, failed };
    // Reported at once: until now the state showed the progress of whichever run came before, and a run
    // that died midway left its findings, which take a while to remove at 1M.
    await this.report(progress);
    const state = (await this.read(readState))!;
    const generation = state.generation + 1;
    await this.removeGenerationsBut(state.generation);
    // Where the graph is now: the new generation reflects at least this much of the audit trail (the
    // newest entry, and those just before it that are read again from the cursor).
    const { parts, entries } = await this.read(async (tx) => {
      const parts = await graphVersionParts(tx);
      const since = parts.lastChangeAt ? new Date(Date.parse(parts.lastChangeAt) - REREAD_MS).toISOString() : '';
      return { parts, ...(await auditSince(tx, since, [], 100_000)) };
    });
    let lastReport = Date.now();
    for (const pattern of patterns) {
      if (this.stopped) return;
      const records = (await this.wholeGraph(pattern, failed)) ?? [];
      // Serialised a batch at a time: a stored finding carries its record as JSON, and a pattern's
      // findings over a 1M-relationship graph serialised at once would not fit in the process's memory.
      // Batches are built and written two at a time (write-lanes.ts), so this process builds one while
      // the database writes another, or two: writing is what the recomputation waits for at 1M.
      const written: string[] = [];
      const batches: (() => Promise<void>)[] = [];
      for (let from = 0; from < records.length; from += WRITE_BATCH)
        batches.push(async () => {
          const built = await inSlices(storedSteps(generation, pattern, records.slice(from, from + WRITE_BATCH))).catch(
            (error: unknown) => {
              throw new UnbuiltFindings(error);
            },
          );
          await this.write((tx) => createFindings(tx, built));
          written.push(...built.map((s) => s.id));
          progress.findings += built.length;
          if (Date.now() - lastReport >= REPORT_EVERY_MS) {
            lastReport = Date.now();
            await this.report(progress);
          }
        });
      try {
        // The first batch alone: it creates the pattern's count node (findings-create), which two
        // batches written at once could each create (MERGE without a constraint).
        await inLanes(batches.slice(0, 1), 1);
        await inLanes(batches.slice(1), FINDINGS_WRITE_LANES);
      } catch (error) {
        if (!(error instanceof UnbuiltFindings)) throw error;
        // None of the pattern's findings are kept, rather than some of them: the pattern is named as
        // not computed, and a partial list would read as all of them.
        await this.removeFindings(generation, written);
        progress.findings -= written.length;
        this.recordFailure(failed, pattern, buildFailure(error.cause), error.cause);
      }
      progress.patternsDone += 1;
      await this.report(progress);
      lastReport = Date.now();
    }
    const flipped = await this.write(async (tx) =>
      (
        await tx.run(cypher('queries/findings-flip'), {
          owner: this.owner,
          generation: int(generation),
          graphVersion: formatGraphVersion(parts),
          cursorAt: parts.lastChangeAt ?? '',
          seenIds: entries.map((e) => e.id),
          fullComputedFrom: startedAt,
          patternsFingerprint: this.conflicts.queriesFingerprint,
          failedPatterns: JSON.stringify(failed),
          now: new Date().toISOString(),
        })
      ).records[0]?.get('flipped'),
    );
    if (Number(flipped) === 0) throw new Error('lost the lease of the full recomputation');
    const lacking = failed.length ? `; not computed: ${failed.map((f) => f.pattern).join(', ')}` : '';
    this.log(`stored findings recomputed: ${progress.findings} findings (generation ${generation})${lacking}`);
    await this.removeGenerationsBut(generation);
  }

  /**
   * One pattern's records over the whole graph, or null when its query failed or its records could not
   * be built from the rows: the failure is added to `failed` and the recomputation goes on, since running
   * it again would fail again (a pattern past the database's memory at 1M relationships would otherwise
   * restart the whole recomputation forever). An outage still stops the recomputation.
   */
  private async wholeGraph(pattern: PatternDefinition, failed: FailedPattern[]): Promise<FindingRecord[] | null> {
    try {
      return await this.conflicts.records(pattern, null, FULL_QUERY_TIMEOUT_MS);
    } catch (error) {
      // An error that is not the database's was raised building the records from the rows read.
      const failure = error instanceof Neo4jError ? patternFailure(error, FULL_QUERY_TIMEOUT_MS) : buildFailure(error);
      if (!failure) throw error;
      this.recordFailure(failed, pattern, failure, error);
      return null;
    }
  }

  private recordFailure(failed: FailedPattern[], pattern: PatternDefinition, failure: PatternFailure, error: unknown): void {
    failed.push({ pattern: pattern.id, ...failure, at: new Date().toISOString() });
    this.log(`pattern ${pattern.id} could not be computed over the whole graph (${failure.reason}); going on without it`, error);
  }

  /** Removes findings of `generation` by id, a batch at a time. */
  private async removeFindings(generation: number, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += WRITE_BATCH)
      await this.write((tx) => deleteFindings(tx, generation, ids.slice(i, i + WRITE_BATCH)));
  }

  private async report(progress: FullProgress): Promise<void> {
    const held = await this.write(async (tx) =>
      (
        await tx.run(cypher('queries/findings-progress'), {
          owner: this.owner,
          until: new Date(Date.now() + LEASE_MS).toISOString(),
          progress: JSON.stringify(progress),
        })
      ).records[0]?.get('held'),
    );
    if (Number(held) === 0) throw new Error('lost the lease of the full recomputation');
  }

  private async removeGenerationsBut(keep: number): Promise<void> {
    for (;;) {
      const removed = await this.write(async (tx) =>
        Number(
          (await tx.run(cypher('queries/findings-delete-generations'), { keep: int(keep), limit: int(10_000) })).records[0]?.get(
            'removed',
          ) ?? 0,
        ),
      );
      if (removed === 0) return;
    }
  }
}

/**
 * A pattern's run for one entity in an incremental update: `discover` for a changed entity (every finding
 * it comes across may be the change's), else for the first entity of findings already known to be.
 */
interface Run {
  pattern: PatternDefinition;
  anchor: string;
  discover: boolean;
}

/**
 * The runs of one incremental update: each (pattern, entity) once, taken a round at a time. A run asked
 * for again keeps what it was first asked for, so the runs for changed entities are asked for first.
 */
class Runs {
  private readonly asked = new Set<string>();
  private pending: Run[] = [];

  /** Queues the run unless it was asked for before; says whether it was queued. */
  add(pattern: PatternDefinition, anchor: string, discover: boolean): boolean {
    const key = `${pattern.id}\n${anchor}`;
    if (this.asked.has(key)) return false;
    this.asked.add(key);
    this.pending.push({ pattern, anchor, discover });
    return true;
  }

  take(): Run[] {
    const round = this.pending;
    this.pending = [];
    return round;
  }
}

/** A batch of a pattern's findings could not be built from its records (the error is its cause). */
class UnbuiltFindings extends Error {
  constructor(cause: unknown) {
    super('the findings could not be built from the records', { cause });
  }
}

/** Whether `entity` is a contract in the record's evidence (a run for it then computes the record whole, `@contract whole`). */
function isContractOf(record: FindingRecord, entity: string): boolean {
  return record.nodes.some((node) => node.id === entity && node.kind === 'Contract');
}

/** Records as stored, pausing after each (sliced.ts): a hub's finding renders and serialises thousands of rows. */
function* storedSteps(
  generation: number,
  pattern: PatternDefinition,
  records: readonly FindingRecord[],
): Sliced<StoredFinding[]> {
  const stored: StoredFinding[] = [];
  for (const record of records) {
    const one = storedFinding(generation, pattern, record, record.key);
    if (one) stored.push(one);
    yield;
  }
  return stored;
}
