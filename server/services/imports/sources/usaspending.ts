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
import { parse } from 'csv-parse/sync';
import type { EntityKind } from '../../../../schemas/index.js';
import { clip, slugOf } from '../ids.js';
import type { MappedImport } from '../mapped-import.js';
import { amountOf, citation, FactCollector, partialDate, text } from './collector.js';

type Row = Record<string, string>;

export const USASPENDING_DOCUMENT_ID = 'document:usaspending';

/** Columns without which a row cannot be read. */
const REQUIRED = ['recipient_name'];
const AWARD_KEY = ['contract_award_unique_key', 'assistance_award_unique_key'];

export function mapUsaspending(csvText: string, fileName: string): MappedImport {
  const out = new FactCollector(fileName);
  let rows: Row[];
  try {
    rows = parse(csvText.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as Row[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    out.problem({ ...(line ? { line } : {}), field: '(file)', message: `not a readable CSV file: ${(error as Error).message}` });
    return out.result(null);
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = [...REQUIRED, 'award key (contract_award_unique_key)'].filter((c) =>
    c.startsWith('award key') ? !AWARD_KEY.some((k) => header.includes(k)) : !header.includes(c),
  );
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

  out.entity(
    {
      id: USASPENDING_DOCUMENT_ID,
      kind: 'Document',
      name: 'USAspending.gov',
      title: 'USAspending.gov: award data of the US federal government',
      publisher: 'U.S. Department of the Treasury, Bureau of the Fiscal Service',
      url: 'https://www.usaspending.gov',
      description: 'Federal award data (public domain); each fact cites the award it came from by its permalink.',
    },
    undefined,
  );

  // Transaction downloads hold several rows per award: the award's total is summed from its actions,
  // unless the row states the award's total (`total_dollars_obligated`), the latest of which is kept.
  const summed = new Map<string, number>();
  for (const row of rows) {
    const key = awardKey(row);
    const action = amountOf(row.federal_action_obligation);
    if (key && action !== undefined) summed.set(key, (summed.get(key) ?? 0) + action);
  }

  rows.forEach((row, i) => {
    // Line of the row in the file: the header is line 1 (quoted line breaks aside).
    const line = i + 2;
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

    // ---- the awarding hierarchy: agency > sub-agency > office; the lowest named level buys
    const levels = [
      { scheme: 'us-agency', code: text(row.awarding_agency_code), name: text(row.awarding_agency_name), prefix: 'agency' },
      {
        scheme: 'us-subagency',
        code: text(row.awarding_sub_agency_code),
        name: text(row.awarding_sub_agency_name),
        prefix: 'subagency',
      },
      { scheme: 'us-office', code: text(row.awarding_office_code), name: text(row.awarding_office_name), prefix: 'office' },
    ].filter((l) => l.name);
    let parent: { id: string; name: string } | undefined;
    for (const level of levels) {
      const name = level.name as string;
      // A sub-agency that is its agency (NASA's sub-agency is NASA) is not a level of its own.
      if (parent && parent.name.toLowerCase() === name.toLowerCase()) continue;
      const id = `public-body:usa-${level.prefix}-${slugOf(level.code ?? name)}`;
      out.entity(
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
              `Awarding ${level.prefix === 'agency' ? 'agency' : level.prefix === 'subagency' ? 'sub-agency' : 'office'}: ${name}${level.code ? ` (${level.code})` : ''}`,
            ),
          ],
        },
        line,
      );
      if (parent)
        out.relationship(
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

    // ---- the recipient and its parent
    const recipient = recipientEntity(row.recipient_uei, row.recipient_duns, recipientName, line, cite, out);
    const parentName = text(row.recipient_parent_name);
    const parentUei = text(row.recipient_parent_uei);
    if (parentName && (parentUei || text(row.recipient_parent_duns))) {
      const parentEntity = recipientEntity(parentUei, row.recipient_parent_duns, parentName, line, cite, out);
      if (parentEntity.id !== recipient.id)
        out.relationship(
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

    // ---- the award as one Contract
    const stated = amountOf(row.total_dollars_obligated) ?? amountOf(row.total_obligated_amount);
    const obligated = stated ?? summed.get(key);
    const start = partialDate(row.period_of_performance_start_date);
    const end = partialDate(row.period_of_performance_current_end_date);
    const description =
      text(row.prime_award_base_transaction_description) ?? text(row.award_description) ?? text(row.transaction_description);
    const money = obligated !== undefined && obligated >= 0 ? { amount: round2(obligated), currency: 'USD' } : {};
    if (obligated !== undefined && obligated < 0)
      out.warn(`award ${piid}: net obligations are negative (${obligated} USD, de-obligated); no amount imported`, line);
    const contractId = `contract:usaspending-${slugOf(key)}`;
    const said = `${levels.map((l) => l.name).join(' > ') || 'A federal agency'} awarded ${piid} to ${recipientName}${
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
    if (parent)
      out.relationship(
        {
          id: `rel:usa-buyer-${slugOf(key)}`,
          type: 'BUYER_OF',
          source: parent.id,
          target: contractId,
          status: 'reported',
          citations: [cite(said)],
        },
        line,
      );
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
  });
  return out.result(USASPENDING_DOCUMENT_ID);
}

function awardKey(row: Row): string | undefined {
  for (const k of AWARD_KEY) {
    const v = text(row[k]);
    if (v) return v;
  }
  return undefined;
}

function recipientEntity(
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
  out.entity(
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

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
