/** Human wording for kinds, types, amounts, dates and edge labels. */
import type { GraphEdge, GraphNode, RelationshipType } from '../../../schemas/index.js';
import { categoryOf } from './encoding.js';
import { ENGLISH } from './wording.js';
import type { Wording } from './wording.js';

/** `SITS_ON_BOARD` -> `SITS ON BOARD`: the type stays recognisable but reads as words. */
export function typeLabel(type: RelationshipType): string {
  return type.replaceAll('_', ' ');
}

/** Whole currency units with grouping, e.g. 750000 USD -> "$750,000". */
export function formatAmount(amount: number, currency = 'USD', locale = 'en-US'): string {
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

/** The edge's own qualifier: the role held, the seat, what data flows, the share owned. */
export function edgeQualifier(edge: GraphEdge): string | undefined {
  switch (edge.type) {
    case 'HOLDS_POSITION':
    case 'MEMBER_OF':
    case 'QUOTED_IN':
      return edge.role;
    case 'SITS_ON_BOARD':
      return edge.seat;
    case 'SUPPLIES_DATA_TO':
      return edge.data;
    case 'SUBSIDIARY_OF':
      return edge.percentage === undefined ? undefined : `${edge.percentage}%`;
    default:
      return undefined;
  }
}

/**
 * The amount a money edge carries. Money edges run buyer -> contract -> vendor, and the amount lives
 * on the Contract node, so it is read from whichever end is a contract.
 */
export function edgeAmount(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>, locale = 'en-US'): string | undefined {
  if (categoryOf(edge.type) !== 'money') return undefined;
  for (const id of [edge.target, edge.source]) {
    const node = nodes.get(id);
    if (node?.kind === 'Contract' && node.amount !== undefined) return formatAmount(node.amount, node.currency, locale);
  }
  return undefined;
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
 * `amount: false` leaves the amount off money edges, for the canvas: a money edge always ends at its
 * contract, whose caption already shows the amount, and the shorter label fits between the ranks.
 */
export function edgeLabel(
  edge: GraphEdge,
  nodes: ReadonlyMap<string, GraphNode>,
  options: { amount?: boolean; words?: Wording } = {},
): string {
  const words = options.words ?? ENGLISH;
  const qualifier = edgeQualifier(edge);
  const amount = options.amount === false ? undefined : edgeAmount(edge, nodes, words.locale);
  const parts = [words.type(edge.type), qualifier === undefined ? amount : shortQualifier(qualifier)];
  if (edge.current === false) parts.push(words.former);
  if (edge.status === 'inferred' || edge.status === 'alleged') parts.push(words.status(edge.status));
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}

/**
 * Node caption on the canvas; contracts carry their amount because that is what a reader looks for,
 * and say so when the sources do not give it (a blank would read as "no money").
 */
export function nodeLabel(node: GraphNode, name: string = node.name, words: Wording = ENGLISH): string {
  if (node.kind !== 'Contract') return name;
  const amount = node.amount === undefined ? words.amountUndisclosed : formatAmount(node.amount, node.currency, words.locale);
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

/** The largest known contract amount among these nodes (0 when none is known). */
export function largestAmount(nodes: Iterable<GraphNode>): number {
  let largest = 0;
  for (const node of nodes) if (node.kind === 'Contract' && node.amount !== undefined) largest = Math.max(largest, node.amount);
  return largest;
}

/**
 * Line width for an edge: money edges carry the amount of the contract at either end (buyer ->
 * contract -> vendor), other edges are a fixed width. `largest` is passed in by callers that style a
 * whole canvas, so it is computed once rather than per edge.
 */
export function edgeWidth(
  edge: GraphEdge,
  nodes: ReadonlyMap<string, GraphNode>,
  largest = largestAmount(nodes.values()),
): number {
  if (categoryOf(edge.type) !== 'money') return PLAIN_EDGE_WIDTH;
  const contract = [nodes.get(edge.source), nodes.get(edge.target)].find((n) => n?.kind === 'Contract');
  return moneyEdgeWidth(contract?.kind === 'Contract' ? contract.amount : undefined, largest);
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
