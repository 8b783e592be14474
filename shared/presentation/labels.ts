/** Human wording for kinds, types, amounts, dates and edge labels. */
import { localRole } from '../../schemas/index.js';
import type { GraphEdge, GraphNode, RelationshipType } from '../../schemas/index.js';
import { categoryOf } from './encoding.js';
import { ENGLISH } from './wording.js';
import type { Wording } from './wording.js';

/** `SITS_ON_BOARD` -> `SITS ON BOARD`: the type stays recognisable but reads as words. */
export function typeLabel(type: RelationshipType): string {
  return type.replaceAll('_', ' ');
}

/**
 * Whole currency units with grouping, e.g. 750000 USD -> "$750,000". Without a currency the number
 * alone: an amount whose currency the source does not give is not dressed up as dollars.
 */
export function formatAmount(amount: number, currency: string | undefined, locale = 'en-US'): string {
  if (currency === undefined) return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // An unknown ISO code throws a RangeError; the number is still worth showing.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount)} ${currency}`;
  }
}

/** "2019 – present", "2017 – 2020", "until 2021", "since 2020", or "" when nothing is known. */
export function formatPeriod(
  fact: {
    start?: string | undefined;
    end?: string | undefined;
    current?: boolean | undefined;
  },
  words: Wording = ENGLISH,
): string {
  const { start, end, current } = fact;
  if (start && end) return `${start} – ${end}`;
  if (start) return current ? `${start} – ${words.present}` : words.since(start);
  if (end) return words.until(end);
  return '';
}

/**
 * The edge's own qualifier: the role held, the seat, what data flows, the share owned, the tie. Words
 * from the data come in the reader's `language` where the data has a translation (see `localRole`).
 */
export function edgeQualifier(edge: GraphEdge, language?: string): string | undefined {
  const words = localRole(edge, language);
  if (words) return words.text;
  switch (edge.type) {
    case 'HOLDS_POSITION':
    case 'MEMBER_OF':
    case 'QUOTED_IN':
    case 'REPRESENTS':
      return edge.role;
    case 'SITS_ON_BOARD':
      return edge.seat;
    case 'SUPPLIES_DATA_TO':
      return edge.data;
    case 'SUBSIDIARY_OF':
      return edge.percentage === undefined ? undefined : `${edge.percentage}%`;
    case 'OWNS':
      return edge.percentage === undefined ? edge.ownershipType : `${edge.percentage}%`;
    case 'FAMILY_OF':
    case 'ASSOCIATE_OF':
    case 'LINKED_TO':
      return edge.relation;
    case 'LOBBIES':
      return edge.issue;
    case 'SANCTIONED_BY':
      return edge.program;
    default:
      return undefined;
  }
}

/** Money a source gives as an amount in its currency, or only as a euro or dollar value. */
interface Priced {
  readonly amount?: number | undefined;
  readonly currency?: string | undefined;
  readonly amountEur?: number | undefined;
  readonly amountUsd?: number | undefined;
}

/** The amount and its currency (undefined when the source gives none). */
export function moneyOf(priced: Priced): { amount: number; currency: string | undefined } | undefined {
  if (priced.amount !== undefined) return { amount: priced.amount, currency: priced.currency };
  if (priced.amountEur !== undefined) return { amount: priced.amountEur, currency: 'EUR' };
  if (priced.amountUsd !== undefined) return { amount: priced.amountUsd, currency: 'USD' };
  return undefined;
}

/**
 * The money a money edge carries: its own (a payment, the value of one award), else the contract's at
 * either end (buyer -> contract -> vendor).
 */
export function edgeMoney(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>): ReturnType<typeof moneyOf> {
  if (categoryOf(edge.type) !== 'money' && edge.type !== 'LOBBIES') return undefined;
  const own = moneyOf(edge as Priced);
  if (own) return own;
  for (const id of [edge.target, edge.source]) {
    const node = nodes.get(id);
    if (node?.kind === 'Contract') return moneyOf(node);
  }
  return undefined;
}

export function edgeAmount(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>, locale = 'en-US'): string | undefined {
  const money = edgeMoney(edge, nodes);
  return money && formatAmount(money.amount, money.currency, locale);
}

/** Longest qualifier shown on the canvas; the side panel always has the full text. */
const MAX_QUALIFIER = 36;

/**
 * A qualifier short enough to sit on a line: a trailing aside in parentheses is dropped ("Chief of
 * operations (oversees Denver's jails)" -> "Chief of operations") and anything still long is cut.
 */
export function shortQualifier(text: string): string {
  const trimmed = text.replace(/\s*\([^()]*\)\s*$/, '').trim() || text.trim();
  return trimmed.length > MAX_QUALIFIER ? `${trimmed.slice(0, MAX_QUALIFIER - 1).trimEnd()}…` : trimmed;
}

/**
 * "HOLDS POSITION · Chief of operations", "HOLDS POSITION · Sheriff · former", "BUYER OF · $750,000".
 * `amount: false` leaves a contract's amount off its money edges, for the canvas: such an edge ends at
 * the contract, whose caption already shows it, and the shorter label fits between the ranks. A
 * payment's own amount stays: nothing else on the canvas shows it.
 */
export function edgeLabel(
  edge: GraphEdge,
  nodes: ReadonlyMap<string, GraphNode>,
  options: { amount?: boolean; words?: Wording } = {},
): string {
  const words = options.words ?? ENGLISH;
  const qualifier = edgeQualifier(edge, words.language);
  // On the canvas a contract's amount is in its node's caption; a payment has no node, so its line says it.
  const own = moneyOf(edge as Priced) !== undefined;
  const amount = options.amount === false && !own ? undefined : edgeAmount(edge, nodes, words.locale);
  const parts = [words.type(edge.type), qualifier === undefined ? amount : shortQualifier(qualifier)];
  if (edge.current === false) parts.push(words.former);
  if (edge.status === 'inferred' || edge.status === 'alleged') parts.push(words.status(edge.status));
  return isolateMixed(parts.filter((p): p is string => Boolean(p))).join(' · ');
}

/** U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * Parts of a label as they are when all read in one direction; each in its own isolate when they mix
 * (an English role inside an Arabic label), so every run keeps its place and its own order.
 */
export function isolateMixed(parts: readonly string[]): string[] {
  const directions = new Set(parts.map(textDirection));
  return directions.size > 1 ? parts.map(isolate) : [...parts];
}

/**
 * Node caption on the canvas; contracts carry their amount because that is what a reader looks for,
 * and say so when the sources do not give it (a blank would read as "no money").
 */
export function nodeLabel(node: GraphNode, name: string = node.name, words: Wording = ENGLISH): string {
  if (node.kind !== 'Contract') return name;
  const money = moneyOf(node);
  const amount = money === undefined ? words.amountUndisclosed : formatAmount(money.amount, money.currency, words.locale);
  return `${name}\n${amount}`;
}

/** Width of every edge that is not money. */
export const PLAIN_EDGE_WIDTH = 2;
/** Money edges run from this width (a contract of unknown amount) ... */
export const MONEY_MIN_WIDTH = 2.5;
/** ... to this one (the largest contract on the canvas). */
export const MONEY_MAX_WIDTH = 11;

/**
 * Line width of a money edge, scaled against the largest contract on the canvas so the biggest flow
 * is always the heaviest line. The square root keeps the order exact while a contract thirty times
 * smaller still reads as money rather than a hairline (linear would squash it to the minimum).
 * Unknown or zero amounts get the minimum: undisclosed is not the same as small, so the label says so.
 */
export function moneyEdgeWidth(amount: number | undefined, largest: number): number {
  if (amount === undefined || amount <= 0 || largest <= 0) return MONEY_MIN_WIDTH;
  const share = Math.min(1, amount / largest);
  return MONEY_MIN_WIDTH + (MONEY_MAX_WIDTH - MONEY_MIN_WIDTH) * Math.sqrt(share);
}

/**
 * The largest known amount among these contracts and payments (0 when none is known), whatever the
 * currency: it only scales line widths.
 */
export function largestAmount(nodes: Iterable<GraphNode>, edges: Iterable<GraphEdge> = []): number {
  let largest = 0;
  for (const node of nodes) if (node.kind === 'Contract') largest = Math.max(largest, moneyOf(node)?.amount ?? 0);
  for (const edge of edges) if (edge.type === 'PAID') largest = Math.max(largest, moneyOf(edge)?.amount ?? 0);
  return largest;
}

/**
 * Line width for an edge: money edges carry their own amount (a payment) or that of the contract at
 * either end (buyer -> contract -> vendor), other edges are a fixed width. `largest` is passed in by
 * callers that style a whole canvas, so it is computed once rather than per edge.
 */
export function edgeWidth(
  edge: GraphEdge,
  nodes: ReadonlyMap<string, GraphNode>,
  largest = largestAmount(nodes.values(), [edge]),
): number {
  if (categoryOf(edge.type) !== 'money') return PLAIN_EDGE_WIDTH;
  return moneyEdgeWidth(edgeMoney(edge, nodes)?.amount, largest);
}

// Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/**
 * The direction of a text from its first strong character, as `dir="auto"` decides it. Needed where a
 * container must follow a quote nested inside it: `dir="auto"` skips descendants that set their own dir.
 */
export function textDirection(text: string): 'rtl' | 'ltr' {
  for (const char of text) {
    if (RTL.test(char)) return 'rtl';
    if (LTR.test(char)) return 'ltr';
  }
  return 'ltr';
}
