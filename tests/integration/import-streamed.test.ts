/**
 * A LittleSis file larger than one chunk streams through the import (ADR 0024): read a chunk of records
 * at a time, each written in batch transactions under one undo log. Small chunks make a small generated
 * file "large" here. Counts are checked against the generated records; a dry run writes nothing; a
 * problem in a late chunk undoes what earlier chunks wrote and names its record or line; a re-import
 * changes nothing; the audit entry is one for the whole file.
 */
import { gzipSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportValidationError } from '../../server/services/import-validation.js';
import { runImport } from '../../server/services/imports/import-service.js';
import { LITTLESIS_CATEGORIES } from '../../server/services/imports/sources/littlesis.js';
import { littleSisRecords, littleSisText, type LittleSisShape } from '../../scripts/sources/littlesis.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { removeImported } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const actor = uniquePrefix('streamed');
// LittleSis ids far from the real ones of the fixtures and from other runs.
const idBase = 7_000_000_000 + (process.pid % 100_000) * 1_000;
const shape: LittleSisShape = { entities: 40, relationships: 120, idBase };
const tuning = { chunkRecords: 50, batchSize: 100 };
const base = String(idBase).slice(0, 7);
const MARKERS = [`:littlesis-${base}`];
let driver: Driver;

const fileOf = (layout: 'array' | 'lines', edit?: (records: Record<string, unknown>[]) => void) => {
  if (!edit) return Buffer.from([...littleSisText(shape, layout)].join(''));
  const records = [...littleSisRecords(shape)];
  edit(records);
  const text =
    layout === 'array'
      ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`
      : records.map((r) => JSON.stringify(r)).join('\n');
  return Buffer.from(text);
};

const run = (bytes: Uint8Array, dryRun: boolean, fileName = 'relationships.json.gz') =>
  runImport(driver, database, { bytes, fileName }, { dryRun, actor, route: 'test', tuning });

async function countOurs(): Promise<{ entities: number; relationships: number; undo: number; audit: number }> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n:Entity) WHERE n.id CONTAINS ':littlesis-' + $base RETURN count(n) AS entities }
     CALL () { MATCH ()-[r]->() WHERE r.id STARTS WITH 'rel:littlesis-' + $base RETURN count(r) AS relationships }
     CALL () { MATCH (u:ImportUndo {actor: $actor}) RETURN count(u) AS undo }
     CALL () { MATCH (a:AuditEntry {actor: $actor, action: 'import'}) RETURN count(a) AS audit }
     RETURN entities, relationships, undo, audit`,
    { base, actor },
    { database },
  );
  const r = records[0]!;
  return {
    entities: Number(r.get('entities')),
    relationships: Number(r.get('relationships')),
    undo: Number(r.get('undo')),
    audit: Number(r.get('audit')),
  };
}

beforeAll(async () => {
  driver = testDriver();
  await removeImported(driver, database, { markers: MARKERS, actor });
});
afterAll(async () => {
  await removeImported(driver, database, { markers: MARKERS, actor });
  await driver.close();
});

describe('a LittleSis file larger than a chunk', { timeout: 180_000 }, () => {
  const gz = gzipSync(fileOf('array'));

  it('dry run: counts every record of every chunk and writes nothing', async () => {
    const result = await run(gz, true);
    expect(result).toMatchObject({ format: 'littlesis', dryRun: true, auditId: null, skipped: 0 });
    expect(result.created.entities).toBe(shape.entities + 1); // and the LittleSis Document, once
    expect(result.created.relationships).toBe(shape.relationships);
    expect(await countOurs()).toEqual({ entities: 0, relationships: 0, undo: 0, audit: 0 });
  });

  it('a problem in a late chunk: nothing stays, and the problem names its record', async () => {
    const bad = gzipSync(
      fileOf('array', (records) => {
        const late = records[shape.entities + 110]!;
        (late.attributes as Record<string, unknown>).category_id = 99;
      }),
    );
    const error = await run(bad, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    const problems = (error as ImportValidationError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'category_id' });
    expect(problems[0]!.message).toContain(`record ${shape.entities + 111}`);
    expect(await countOurs()).toMatchObject({ entities: 0, relationships: 0, undo: 0, audit: 0 });
  });

  it('JSON lines: a bad line is named by its line number, nothing written', async () => {
    const lines = fileOf('lines').toString('utf8').split('\n');
    lines[130] = '{"type": "relationships", "id": 1, "attributes": {';
    const error = await run(Buffer.from(lines.join('\n')), false, 'relationships.jsonl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).problems[0]).toMatchObject({ line: 131, field: '(line)' });
    expect(await countOurs()).toMatchObject({ entities: 0, relationships: 0, undo: 0 });
  });

  it('imports every chunk, one audit entry, no undo log left; amounts as in the file; a re-import changes nothing', async () => {
    const progress: string[] = [];
    const result = await runImport(
      driver,
      database,
      { bytes: gz, fileName: 'all.json.gz' },
      { dryRun: false, actor, route: 'test', tuning, onProgress: (p) => progress.push(p.phase) },
    );
    expect(result.created).toEqual({ entities: shape.entities + 1, relationships: shape.relationships });
    expect(result.auditId).toMatch(/^audit:/);
    expect(progress).toContain('relationships');
    expect(progress.at(-1)).toBe('done');
    expect(await countOurs()).toEqual({ entities: shape.entities, relationships: shape.relationships, undo: 0, audit: 1 });

    // Donations are PAID with the generated amount; computed here from the generated records.
    const donations = [...littleSisRecords(shape)]
      .map((r) => r.attributes as Record<string, unknown>)
      .filter((a) => a.category_id === 5);
    const expected = donations.reduce((sum, a) => sum + Number(a.amount), 0);
    const { records } = await driver.executeQuery(
      `MATCH ()-[r:PAID]->() WHERE r.id STARTS WITH 'rel:littlesis-' + $base AND r.paymentKind = 'donation'
       RETURN count(r) AS n, sum(r.amount) AS total`,
      { base },
      { database },
    );
    expect(LITTLESIS_CATEGORIES[5]).toBe('donation');
    expect(Number(records[0]?.get('n'))).toBe(donations.length);
    expect(Number(records[0]?.get('total'))).toBeCloseTo(expected, 2);

    const again = await run(gz, false);
    expect(again.created).toEqual({ entities: 0, relationships: 0 });
    expect(again.updated).toEqual({ entities: 0, relationships: 0 });
    expect(again.unchanged.relationships).toBe(shape.relationships);
    expect(again.auditId).toBeNull();
  });
});
