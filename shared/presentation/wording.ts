/**
 * The words the model puts into labels (edge labels, captions, periods, money totals), so the canvas
 * speaks the reader's language. The model stays free of i18n libraries: the page builds a `Wording`
 * from its translations and passes it in; English is the default, which keeps every pure function
 * usable (and tested) without one.
 */
import type { FactStatus, RelationshipType } from '../../schemas/index.js';

export interface Wording {
  /** BCP 47 tag for numbers and amounts. */
  readonly locale: string;
  /** The reader's language ("es"): words from the data come in it where the data has a translation. */
  readonly language?: string;
  /** The relationship type as a label on a line ("SITS ON BOARD"). */
  readonly type: (type: RelationshipType) => string;
  /** A fact's status as a word on a label ("alleged"). */
  readonly status: (status: FactStatus) => string;
  readonly former: string;
  /** "2019 – present". */
  readonly present: string;
  readonly since: (date: string) => string;
  readonly until: (date: string) => string;
  readonly undated: string;
  /** Under a contract with no amount in the sources. */
  readonly amountUndisclosed: string;
  readonly contracts: (count: number) => string;
  readonly payments: (count: number) => string;
  /** "1 shared": flows whose amount is that of one payment or contract with several payees. */
  readonly sharedCount: (count: number) => string;
  /** After an amount whose currency the source does not give. */
  readonly noCurrency: string;
  /** "1 undisclosed": contracts without an amount among those counted. */
  readonly undisclosedCount: (count: number) => string;
  /** A money total when no contract gives an amount. */
  readonly undisclosed: string;
}

export const ENGLISH: Wording = {
  locale: 'en-US',
  language: 'en',
  type: (type) => type.replaceAll('_', ' '),
  status: (status) => status,
  former: 'former',
  present: 'present',
  since: (date) => `since ${date}`,
  until: (date) => `until ${date}`,
  undated: 'undated',
  amountUndisclosed: 'amount undisclosed',
  contracts: (count) => `${count} contract${count === 1 ? '' : 's'}`,
  payments: (count) => `${count} payment${count === 1 ? '' : 's'}`,
  sharedCount: (count) => `${count} shared with other payees`,
  noCurrency: 'currency not given',
  undisclosedCount: (count) => `${count} undisclosed`,
  undisclosed: 'undisclosed',
};
