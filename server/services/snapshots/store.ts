/**
 * Snapshots in Neo4j: one `:Snapshot` node per version (never `:Entity`), holding its frozen content as
 * JSON. A draft has a random id and may be deleted; publishing gives it an id derived from its content
 * and makes it permanent. Editing never rewrites a version: it saves the next version of the series.
 *
 * Every read goes through `get`/`list` here, with `published` on each answer, so access rules (who may
 * see drafts) can be added in one place.
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  Snapshot,
  SnapshotContent,
  SnapshotSummary,
  type CreateSnapshot,
  type CreateSnapshotResult,
  type PublishResult,
} from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { NotFoundError } from '../graph-repository.js';
import { recordAudit } from '../audit-log.js';
import { contentHash, newDraftId, newSeriesId, publishedId } from './canonical.js';
import { SnapshotRequestError } from './errors.js';
import { freezeContent } from './freeze.js';
import { readTransaction, writeTransaction } from '../../db/transactions.js';

type Row = Record<string, unknown>;

export interface WriteContext {
  actor: string;
  route: string;
}

export class SnapshotStore {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return readTransaction(this.driver, this.database, work);
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return writeTransaction(this.driver, this.database, work);
  }

  /** Freezes what the request names and saves it as a draft: a new series, or the next version of `basedOn`'s. */
  async create(request: CreateSnapshot, context: WriteContext, now = new Date()): Promise<CreateSnapshotResult> {
    return this.write(async (tx) => {
      const content = await freezeContent(tx, request);
      let series = newSeriesId();
      let version = 1;
      if (request.basedOn) {
        const base = await findRow(tx, request.basedOn);
        if (!base)
          throw new SnapshotRequestError(400, 'unknown_snapshot', `basedOn: no snapshot "${request.basedOn}"`, 'basedOn');
        series = String(base.series);
        const next = await tx.run(cypher('queries/snapshot-next-version'), { series });
        version = Number(next.records[0]?.get('next') ?? 1);
      }
      const id = newDraftId();
      const snapshot = {
        id,
        series,
        version: int(version),
        published: false,
        createdAt: now.toISOString(),
        createdBy: context.actor,
        ...(request.basedOn ? { basedOn: request.basedOn } : {}),
        title: content.title,
        description: content.description,
        nodeCount: int(content.entities.length),
        edgeCount: int(content.relationships.length),
        nodeIds: content.entities.map((e) => e.id),
        edgeIds: content.relationships.map((r) => r.id),
        content: JSON.stringify(content),
      };
      await tx.run(cypher('queries/snapshot-create'), { snapshot });
      await recordAudit(
        tx,
        { ...context, action: 'snapshot.create', summary: { snapshot: id, series, version, title: content.title }, changes: [] },
        now,
      );
      return { id, version, series };
    });
  }

  /** A view frozen but not saved, to export the current canvas as it is. */
  async preview(request: CreateSnapshot, actor: string, now = new Date()): Promise<Snapshot> {
    const content = await this.read((tx) => freezeContent(tx, request));
    return {
      id: 'draft-unsaved',
      series: 'unsaved',
      version: 1,
      published: false,
      createdAt: now.toISOString(),
      createdBy: actor,
      content,
    };
  }

  async get(id: string): Promise<Snapshot> {
    const row = await this.read((tx) => findRow(tx, id));
    if (!row) throw new NotFoundError('snapshot', id);
    return toSnapshot(row);
  }

  async getVersion(series: string, version: number): Promise<Snapshot | undefined> {
    const row = await this.read(async (tx) => {
      const result = await tx.run(cypher('queries/snapshot-version'), { series, version: int(version) });
      return result.records[0]?.get('snapshot') as Row | undefined;
    });
    return row ? toSnapshot(row) : undefined;
  }

  async list(
    options: { published?: boolean | undefined; series?: string | undefined; limit?: number } = {},
  ): Promise<SnapshotSummary[]> {
    return this.read(async (tx) => {
      const result = await tx.run(cypher('queries/snapshot-list'), {
        published: options.published ?? null,
        series: options.series ?? null,
        limit: int(options.limit ?? 500),
      });
      return result.records.map((r) => SnapshotSummary.parse(withoutNulls(r.get('snapshot') as Row)));
    });
  }

  /**
   * Publishes a draft under an id derived from its content (series, version and what it shows), so the
   * same draft always publishes to the same id. Publishing a published version answers it unchanged.
   */
  async publish(id: string, context: WriteContext, now = new Date()): Promise<PublishResult> {
    return this.write(async (tx) => {
      const row = await findRow(tx, id);
      if (!row) throw new NotFoundError('snapshot', id);
      const snapshot = toSnapshot(row);
      if (snapshot.published) {
        return {
          id: snapshot.id,
          version: snapshot.version,
          series: snapshot.series,
          published: true,
          publishedAt: snapshot.publishedAt ?? snapshot.createdAt,
        };
      }
      const hash = contentHash({ series: snapshot.series, version: snapshot.version, content: snapshot.content });
      const newId = publishedId(hash);
      const at = now.toISOString();
      await tx.run(cypher('queries/snapshot-publish'), { draftId: snapshot.id, id: newId, at, hash });
      await recordAudit(
        tx,
        {
          ...context,
          action: 'snapshot.publish',
          summary: { snapshot: newId, draft: snapshot.id, series: snapshot.series },
          changes: [],
        },
        now,
      );
      return { id: newId, version: snapshot.version, series: snapshot.series, published: true, publishedAt: at };
    });
  }

  async remove(id: string, context: WriteContext, now = new Date()): Promise<void> {
    await this.write(async (tx) => {
      const row = await findRow(tx, id);
      if (!row) throw new NotFoundError('snapshot', id);
      if (row.published === true)
        throw new SnapshotRequestError(
          409,
          'snapshot_published',
          `Snapshot ${String(row.id)} is published; published snapshots are permanent.`,
        );
      await tx.run(cypher('queries/snapshot-delete'), { id: row.id });
      await recordAudit(
        tx,
        { ...context, action: 'snapshot.delete', summary: { snapshot: row.id, series: row.series }, changes: [] },
        now,
      );
    });
  }
}

async function findRow(tx: ManagedTransaction, id: string): Promise<Row | undefined> {
  const result = await tx.run(cypher('queries/snapshot-by-id'), { id });
  return result.records[0]?.get('snapshot') as Row | undefined;
}

function toSnapshot(row: Row): Snapshot {
  const content = SnapshotContent.parse(JSON.parse(String(row.content)));
  return Snapshot.parse({
    ...withoutNulls({
      id: row.id,
      series: row.series,
      version: row.version,
      published: row.published,
      createdAt: row.createdAt,
      publishedAt: row.publishedAt,
      createdBy: row.createdBy,
      basedOn: row.basedOn,
      draftId: row.draftId,
    }),
    content,
  });
}

function withoutNulls(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
}
