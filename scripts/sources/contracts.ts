/**
 * Generated contract files in the shapes the OCDS and USAspending readers take, sized by relationships:
 * each OCDS award release gives two (buyer -> contract -> supplier), each USAspending award row two as
 * well (agency chain -> contract -> recipient, plus the hierarchy and parent links, shared across rows).
 * The same seed gives the same file. For the import-formats benchmark (docs/benchmarks/import-formats.md).
 */
import { seededRandom } from '../random.js';

/** OCDS release lines (one release package per line is also read; plain releases are the common form). */
export function* ocdsReleaseLines(awards: number, seed = 14): Generator<string> {
  const random = seededRandom(seed);
  const buyers = Math.max(10, Math.round(awards / 200));
  const suppliers = Math.max(10, Math.round(awards / 20));
  for (let i = 0; i < awards; i++) {
    const buyer = Math.floor(random() * buyers);
    const supplier = Math.floor(random() * suppliers);
    const ocid = `ocds-gen000-${i}`;
    const amount = Math.round(random() * 10_000_000) / 100;
    yield `${JSON.stringify({
      ocid,
      id: `${ocid}-award`,
      date: `20${10 + (i % 14)}-0${(i % 9) + 1}-15T10:00:00Z`,
      tag: ['award'],
      initiationType: 'tender',
      parties: [
        {
          id: `GB-GOR-B${buyer}`,
          name: `Generated Buyer ${buyer}`,
          identifier: { scheme: 'GB-GOR', id: `B${buyer}`, legalName: `Generated Buyer ${buyer}` },
          roles: ['buyer'],
        },
        {
          id: `GB-COH-S${supplier}`,
          name: `GENERATED SUPPLIER ${supplier} LIMITED`,
          identifier: { scheme: 'GB-COH', id: `S${supplier}`, legalName: `GENERATED SUPPLIER ${supplier} LIMITED` },
          roles: ['supplier'],
        },
      ],
      buyer: { id: `GB-GOR-B${buyer}`, name: `Generated Buyer ${buyer}` },
      tender: { id: `T-${i}`, title: `Generated tender ${i}` },
      awards: [
        {
          id: `A-${i}`,
          title: `Generated award ${i}`,
          status: 'active',
          date: `20${10 + (i % 14)}-0${(i % 9) + 1}-15`,
          value: { amount, currency: 'GBP' },
          suppliers: [{ id: `GB-COH-S${supplier}`, name: `GENERATED SUPPLIER ${supplier} LIMITED` }],
          contractPeriod: { startDate: '2024-01-01T00:00:00Z', endDate: '2025-12-31T00:00:00Z' },
        },
      ],
    })}\n`;
  }
}

const USASPENDING_COLUMNS = [
  'contract_award_unique_key',
  'award_id_piid',
  'total_dollars_obligated',
  'period_of_performance_start_date',
  'period_of_performance_current_end_date',
  'awarding_agency_code',
  'awarding_agency_name',
  'awarding_sub_agency_code',
  'awarding_sub_agency_name',
  'awarding_office_name',
  'recipient_uei',
  'recipient_name',
  'recipient_parent_uei',
  'recipient_parent_name',
  'prime_award_base_transaction_description',
  'usaspending_permalink',
];

/** A USAspending award download (the columns of tests/fixtures/sources/nasa-contracts.usaspending.csv). */
export function* usaspendingCsv(awards: number, seed = 14): Generator<string> {
  const random = seededRandom(seed);
  const recipients = Math.max(10, Math.round(awards / 20));
  yield `${USASPENDING_COLUMNS.join(',')}\n`;
  for (let i = 0; i < awards; i++) {
    const agency = i % 12;
    const recipient = Math.floor(random() * recipients);
    const parent = recipient % 50;
    const key = `CONT_AWD_GEN${i}_${agency}_-NONE-_-NONE-`;
    const uei = `GEN${String(recipient).padStart(9, '0')}`;
    const parentUei = `GENP${String(parent).padStart(8, '0')}`;
    yield `${[
      key,
      `GEN${i}`,
      (Math.round(random() * 100_000_000) / 100).toFixed(2),
      '2020-01-01',
      '2024-12-31',
      String(100 + agency),
      `Generated Department ${agency}`,
      String(1000 + agency),
      `Generated Agency ${agency}`,
      `GENERATED OFFICE ${agency}-${i % 5}`,
      uei,
      `GENERATED RECIPIENT ${recipient} INC`,
      parentUei,
      `GENERATED PARENT ${parent} CORP`,
      `GENERATED SERVICES ${i}`,
      `https://www.usaspending.gov/award/${key}/`,
    ].join(',')}\n`;
  }
}
