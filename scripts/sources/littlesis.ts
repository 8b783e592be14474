/**
 * Generated LittleSis records in the shape of its bulk files and API (`{type, id, attributes, links}`):
 * people and organisations, then relationships of all twelve categories between them, with amounts on
 * donations, transactions and lobbying. The same seed gives the same file. Used by the streamed-import
 * tests, the memory check (scripts/import-memory.ts) and the import-formats benchmark.
 */
import { seededRandom } from '../random.js';

export interface LittleSisShape {
  entities: number;
  relationships: number;
  /** First LittleSis id; ids of different runs do not meet when their bases are far apart. */
  idBase: number;
  seed?: number;
}

export function* littleSisRecords(shape: LittleSisShape): Generator<Record<string, unknown>> {
  const random = seededRandom(shape.seed ?? 14);
  for (let i = 0; i < shape.entities; i++) {
    const id = shape.idBase + i;
    const person = i % 3 === 0;
    yield {
      type: 'entities',
      id,
      attributes: {
        id,
        name: person ? `Generated Person ${id}` : `Generated Company ${id} Inc.`,
        blurb: person ? 'Director and donor' : 'Holding company',
        primary_ext: person ? 'Person' : 'Org',
        types: person
          ? ['Person', 'Business Person']
          : i % 7 === 1
            ? ['Organization', 'Government Body']
            : ['Organization', 'Business'],
        aliases: person ? [] : [`GC ${id}`],
        start_date: person ? '1960-05-00' : '1990-00-00',
      },
      links: { self: `https://littlesis.org/entities/${id}` },
    };
  }
  for (let j = 0; j < shape.relationships; j++) {
    const id = shape.idBase + j;
    const category = (j % 12) + 1;
    const e1 = shape.idBase + Math.floor(random() * shape.entities);
    let e2 = shape.idBase + Math.floor(random() * shape.entities);
    if (e2 === e1) e2 = shape.idBase + ((e1 - shape.idBase + 1) % shape.entities);
    yield {
      type: 'relationships',
      id,
      attributes: {
        id,
        entity1_id: e1,
        entity2_id: e2,
        category_id: category,
        description1: category === 1 ? 'Board Member' : category === 4 ? 'Sibling' : null,
        amount: category === 5 || category === 6 || category === 7 ? Math.round(random() * 1_000_000) / 100 : null,
        currency: 'usd',
        start_date: `${2000 + (j % 20)}-0${(j % 9) + 1}-00`,
        is_current: j % 2 === 0,
      },
      links: { self: `https://littlesis.org/relationships/${id}` },
    };
  }
}

/** The records as the text of a bulk file: one JSON array, or JSON lines. */
export function* littleSisText(shape: LittleSisShape, layout: 'array' | 'lines'): Generator<string> {
  let first = true;
  if (layout === 'array') yield '[\n';
  for (const record of littleSisRecords(shape)) {
    const json = JSON.stringify(record);
    yield layout === 'array' ? `${first ? '' : ',\n'}${json}` : `${json}\n`;
    first = false;
  }
  if (layout === 'array') yield '\n]\n';
}
