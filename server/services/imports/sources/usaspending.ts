/**
 * USAspending award downloads (CSV, as usaspending.gov's Award Data Archive and custom award downloads
 * write them: prime award summaries, one row per award, or prime transactions, one row per action)
 * onto our model. Agencies are public bodies in their hierarchy (agency > sub-agency > office, each
 * PART_OF the one above); recipients are organisations known by their UEI (and DUNS), each
 * SUBSIDIARY_OF its parent where the parent's UEI differs; each award is one Contract, bought by the
 * lowest level of the hierarchy the row names and awarded to the recipient, with its obligated amount
 * in US dollars and its period of performance. Every fact cites the row's line and the award's
 * permalink on usaspending.gov.
 */
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { EntityKind, ImportProblem } from '../../../../schemas/index.js';
import type { OpenedContent } from '../import-file.js';
import { clip, slugOf } from '../ids.js';
import type { MappedImport } from '../mapped-import.js';
import { amountOf, citation, FactCollector, partialDate, text } from './collector.js';

type Row = Record<string, string>;

export const USASPENDING_DOCUMENT_ID = 'document:usaspending';

/** Columns without which a row cannot be read. */
const REQUIRED = ['recipient_name'];
const AWARD_KEY = ['contract_award_unique_key', 'assistance_award_unique_key'];

/** A row with the line of the file it starts on. */
export interface UsaRow {
  row: Row;
  line: number;
}

/** The whole of a small file in one go (the unit tests; `readImport`). */
export function mapUsaspending(csvText: string, fileName: string): MappedImport {
  let rows: { record: Row; info: { lines: number } }[];
  try {
    rows = parse(csvText.replace(/^\uFEFF/, ''), { ...CSV_OPTIONS, info: true }) as { record: Row; info: { lines: number } }[];
  } catch (error) {
    const out = new FactCollector(fileName);
    out.problem(csvProblem(error));
    return out.result(null);
  }
  const mapper = new UsaspendingMapper(fileName);
  return mapper.map(rows.map((r) => ({ row: r.record, line: startLine(r.record, r.info.lines) })));
}

/** How a USAspending download is read (sync or streamed). */
export const CSV_OPTIONS = { columns: true, skip_empty_lines: true, relax_column_count: true, trim: true, bom: true } as const;

/** A CSV that stops being readable: where, and why. */
export function csvProblem(error: unknown): ImportProblem {
  const line = (error as { lines?: number }).lines;
  return { ...(line ? { line } : {}), field: '(file)', message: `not a readable CSV file: ${(error as Error).message}` };
}

/** The line a record starts on, from the line it ends on (a quoted value may hold line breaks). */
export function startLine(record: Row, endLine: number): number {
  let breaks = 0;
  for (const v of Object.values(record)) for (let i = v.indexOf('\n'); i !== -1; i = v.indexOf('\n', i + 1)) breaks += 1;
  return endLine - breaks;
}

/**
 * Maps award rows one chunk at a time (a download of any size streamed, see `usaspendingChunks`),
 * keeping across chunks only what a later chunk needs: the entities and links already given (an agency
 * or recipient on every row is given once, by the first chunk that meets it), and per award the date of
 * its latest row and the sum of its actions, so rows of one award spread over chunks still give one
 * contract, from its latest row. A whole file is one chunk.
 */
export class UsaspendingMapper {
  private readonly given = new Set<string>();
  /** Award key -> the action date of the row its contract came from, and the actions summed so far. */
  private readonly awards = new Map<string, { date: string; sum: number }>();
  private header: string[] | undefined;

  constructor(private readonly fileName: string) {}

  map(rows: readonly UsaRow[], problems: readonly ImportProblem[] = []): MappedImport {
    const out = new FactCollector(this.fileName);
    for (const p of problems) out.problem(p);
    if (!this.header) {
      const first = rows[0]?.row;
      const header = first ? Object.keys(first) : [];
      const missing = [...REQUIRED, 'award key (contract_award_unique_key)'].filter((c) =>
        c.startsWith('award key') ? !AWARD_KEY.some((k) => header.includes(k)) : !header.includes(c),
      );
      if (out.problems.length > 0 && rows.length === 0) return out.result(null);
      if (rows.length === 0 || missing.length > 0) {
        out.problem({
          line: 1,
          field: '(header)',
          message:
            rows.length === 0
              ? 'the file has no rows'
              : `the header lacks ${missing.join(', ')}: is this a USAspending award download?`,
        });
        return out.result(null);
      }
      this.header = header;
    }

    this.entity(out, {
      id: USASPENDING_DOCUMENT_ID,
      kind: 'Document',
      name: 'USAspending.gov',
      title: 'USAspending.gov: award data of the US federal government',
      publisher: 'U.S. Department of the Treasury, Bureau of the Fiscal Service',
      url: 'https://www.usaspending.gov',
      description: 'Federal award data (public domain); each fact cites the award it came from by its permalink.',
    });

    // Transaction downloads hold several rows per award: the award's total is summed from its actions,
    // unless the row states the award's total (`total_dollars_obligated`), that of the latest row is kept.
    for (const { row } of rows) {
      const key = awardKey(row);
      const action = amountOf(row.federal_action_obligation);
      if (!key || action === undefined) continue;
      const award = this.awards.get(key);
      if (award) award.sum += action;
      else this.awards.set(key, { date: '', sum: action });
    }

    for (const { row, line } of rows) this.mapRow(row, line, out);
    return out.result(USASPENDING_DOCUMENT_ID);
  }

  /** Given once per import: the first chunk that meets an entity (or a structural link) carries it. */
  private entity(out: FactCollector, value: Record<string, unknown>, line?: number): void {
    const id = String(value.id);
    if (this.given.has(id) && !out.hasEntity(id)) return;
    this.given.add(id);
    out.entity(value, line);
  }

  private link(out: FactCollector, value: Record<string, unknown>, line: number): void {
    const id = String(value.id);
    if (this.given.has(id)) return;
    this.given.add(id);
    out.relationship(value, line);
  }

  /** The agency hierarchy a row names for `side` (awarding or funding): the lowest named level, or none. */
  private hierarchy(
    row: Row,
    side: 'awarding' | 'funding',
    line: number,
    cite: (quote: string) => ReturnType<typeof citation>,
    out: FactCollector,
  ): { id: string; name: string; names: string[] } | undefined {
    const levels = [
      { scheme: 'us-agency', code: text(row[`${side}_agency_code`]), name: text(row[`${side}_agency_name`]), prefix: 'agency' },
      {
        scheme: 'us-subagency',
        code: text(row[`${side}_sub_agency_code`]),
        name: text(row[`${side}_sub_agency_name`]),
        prefix: 'subagency',
      },
      { scheme: 'us-office', code: text(row[`${side}_office_code`]), name: text(row[`${side}_office_name`]), prefix: 'office' },
    ].filter((l) => l.name);
    const role = side === 'awarding' ? 'Awarding' : 'Funding';
    let parent: { id: string; name: string } | undefined;
    for (const level of levels) {
      const name = level.name as string;
      // A sub-agency that is its agency (NASA's sub-agency is NASA) is not a level of its own.
      if (parent && parent.name.toLowerCase() === name.toLowerCase()) continue;
      const id = `public-body:usa-${level.prefix}-${slugOf(level.code ?? name)}`;
      this.entity(
        out,
        {
          id,
          kind: 'PublicBody',
          name: clip(name, 300),
          ...(level.code ? { identifiers: [{ scheme: level.scheme, value: level.code }] } : {}),
          jurisdiction: 'us',
          country: ['us'],
          status: 'reported',
          citations: [
            cite(
              `${role} ${level.prefix === 'agency' ? 'agency' : level.prefix === 'subagency' ? 'sub-agency' : 'office'}: ${name}${level.code ? ` (${level.code})` : ''}`,
            ),
          ],
        },
        line,
      );
      if (parent)
        this.link(
          out,
          {
            id: `rel:usa-part-of-${slugOf(`${id}/${parent.id}`)}`,
            type: 'PART_OF',
            source: id,
            target: parent.id,
            status: 'reported',
            citations: [cite(`${name} is part of ${parent.name}`)],
          },
          line,
        );
      parent = { id, name };
    }
    return parent ? { ...parent, names: levels.map((l) => l.name as string) } : undefined;
  }

  private mapRow(row: Row, line: number, out: FactCollector): void {
    const key = awardKey(row);
    const recipientName = text(row.recipient_name);
    if (!key) {
      out.problem({ line, field: 'contract_award_unique_key', message: 'the award has no unique key' });
      return;
    }
    if (!recipientName) {
      out.problem({ line, field: 'recipient_name', message: 'the award names no recipient' });
      return;
    }
    const permalink = text(row.usaspending_permalink) ?? `https://www.usaspending.gov/award/${encodeURIComponent(key)}/`;
    const piid = text(row.award_id_piid) ?? text(row.award_id_fain) ?? key;
    const cite = (quote: string) => citation(USASPENDING_DOCUMENT_ID, `line ${line} · ${permalink}`, quote);

    // ---- the awarding hierarchy (agency > sub-agency > office): the lowest named level buys;
    // the funding one, where the row names another, funds
    const buyer = this.hierarchy(row, 'awarding', line, cite, out);
    const funder = this.hierarchy(row, 'funding', line, cite, out);

    // ---- the recipient and its parent
    const recipient = this.recipientEntity(row.recipient_uei, row.recipient_duns, recipientName, line, cite, out);
    const parentName = text(row.recipient_parent_name);
    const parentUei = text(row.recipient_parent_uei);
    if (parentName && (parentUei || text(row.recipient_parent_duns))) {
      const parentEntity = this.recipientEntity(parentUei, row.recipient_parent_duns, parentName, line, cite, out);
      if (parentEntity.id !== recipient.id)
        this.link(
          out,
          {
            id: `rel:usa-subsidiary-of-${slugOf(`${recipient.id}/${parentEntity.id}`)}`,
            type: 'SUBSIDIARY_OF',
            source: recipient.id,
            target: parentEntity.id,
            status: 'reported',
            citations: [
              cite(
                `${recipientName} (UEI ${text(row.recipient_uei) ?? 'none'}) has the parent ${parentName} (UEI ${parentUei ?? 'none'})`,
              ),
            ],
          },
          line,
        );
    }

    // ---- the award as one Contract, from its latest row (by action date; file order on the same date)
    const date = text(row.action_date) ?? text(row.last_modified_date) ?? '';
    const award = this.awards.get(key) ?? { date: '', sum: 0 };
    if (!this.awards.has(key)) this.awards.set(key, award);
    if (date && award.date && date < award.date) return;
    award.date = date || award.date;
    const stated = amountOf(row.total_dollars_obligated) ?? amountOf(row.total_obligated_amount);
    const summed = amountOf(row.federal_action_obligation) !== undefined ? award.sum : undefined;
    const obligated = stated ?? summed;
    const start = partialDate(row.period_of_performance_start_date);
    const end = partialDate(row.period_of_performance_current_end_date);
    const description =
      text(row.prime_award_base_transaction_description) ?? text(row.award_description) ?? text(row.transaction_description);
    const money = obligated !== undefined && obligated >= 0 ? { amount: round2(obligated), currency: 'USD' } : {};
    if (obligated !== undefined && obligated < 0)
      out.warn(`award ${piid}: net obligations are negative (${obligated} USD, de-obligated); no amount imported`, line);
    const contractId = `contract:usaspending-${slugOf(key)}`;
    const said = `${buyer?.names.join(' > ') || 'A federal agency'} awarded ${piid} to ${recipientName}${
      obligated !== undefined ? `: obligated ${obligated} USD` : ''
    }${start || end ? `, ${start ?? '?'} to ${end ?? '?'}` : ''}`;
    const contract = {
      id: contractId,
      kind: 'Contract' as EntityKind,
      name: clip(description ? `${piid}: ${description}` : piid, 300),
      identifiers: [
        { scheme: 'usaspending', value: clip(key, 300) },
        { scheme: 'piid', value: clip(piid, 300) },
      ],
      ...money,
      ...(description ? { purpose: clip(description, 2000) } : {}),
      start,
      end,
      signedOn: partialDate(row.award_base_action_date) ?? partialDate(row.action_date),
      status: 'reported',
      citations: [cite(said)],
    };
    // Rows of the same award (a transaction download) describe one contract: the latest row wins.
    out.replaceEntity(contract, line);
    this.given.add(contractId);
    if (buyer)
      out.relationship(
        {
          id: `rel:usa-buyer-${slugOf(key)}`,
          type: 'BUYER_OF',
          source: buyer.id,
          target: contractId,
          status: 'reported',
          citations: [cite(said)],
        },
        line,
      );
    else out.deleteRelationship(`rel:usa-buyer-${slugOf(key)}`);
    const fundedBy = `rel:usa-funder-${slugOf(key)}`;
    if (funder && funder.id !== buyer?.id)
      out.relationship(
        {
          id: fundedBy,
          type: 'LINKED_TO',
          source: funder.id,
          target: contractId,
          relation: 'funder',
          status: 'reported',
          citations: [cite(`${funder.names.join(' > ')} funds ${piid} (awarded to ${recipientName})`)],
        },
        line,
      );
    else out.deleteRelationship(fundedBy);
    out.relationship(
      {
        id: `rel:usa-awarded-${slugOf(key)}`,
        type: 'AWARDED_TO',
        source: contractId,
        target: recipient.id,
        ...money,
        start,
        end,
        status: 'reported',
        citations: [cite(said)],
      },
      line,
    );
  }

  private recipientEntity(
    uei: string | undefined,
    duns: string | undefined,
    name: string,
    line: number,
    cite: (quote: string) => ReturnType<typeof citation>,
    out: FactCollector,
  ): { id: string } {
    const u = text(uei)?.toUpperCase();
    const d = text(duns);
    const identifiers = [...(u ? [{ scheme: 'uei', value: u }] : []), ...(d ? [{ scheme: 'duns', value: d }] : [])];
    // Known by UEI (DUNS before 2022), or by name where a row gives neither.
    const id = u ? `org:uei-${slugOf(u)}` : d ? `org:duns-${slugOf(d)}` : `org:usa-recipient-${slugOf(name)}`;
    this.entity(
      out,
      {
        id,
        kind: 'Organization',
        name: clip(name, 300),
        identifiers,
        status: 'reported',
        citations: [cite(`Recipient: ${name}${u ? ` (UEI ${u})` : ''}${d ? ` (DUNS ${d})` : ''}`)],
      },
      line,
    );
    return { id };
  }
}

/** Rows per chunk: a few batches of writes, a few MB of memory. */
export const USASPENDING_CHUNK_RECORDS = 20_000;

/** A download of any size as chunks of mapped rows (csv-parse's streaming parser; gzip unpacked before). */
export async function* usaspendingChunks(
  content: OpenedContent,
  options: { fileName: string; chunkRecords?: number },
): AsyncGenerator<MappedImport> {
  const size = options.chunkRecords ?? USASPENDING_CHUNK_RECORDS;
  const mapper = new UsaspendingMapper(options.fileName);
  const parser = content.stream.pipe(parseStream({ ...CSV_OPTIONS, info: true }));
  content.stream.on('error', (error) => parser.destroy(error));
  let rows: UsaRow[] = [];
  let any = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      rows.push({ row: record, line: startLine(record, info.lines) });
      if (rows.length >= size) {
        any = true;
        yield mapper.map(rows);
        rows = [];
      }
    }
  } catch (error) {
    // The rows read so far are mapped too, so their problems are named as well.
    yield mapper.map(rows, [csvProblem(error)]);
    return;
  }
  if (!any || rows.length > 0) yield mapper.map(rows);
}

function awardKey(row: Row): string | undefined {
  for (const k of AWARD_KEY) {
    const v = text(row[k]);
    if (v) return v;
  }
  return undefined;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
