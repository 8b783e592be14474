/** Human wording for kinds, types, amounts, dates and edge labels. */
import type { GraphEdge, GraphNode, RelationshipType } from '../../../schemas/index.js';
import { categoryOf } from './encoding.js';

/** `SITS_ON_BOARD` -> `SITS ON BOARD`: the type stays recognisable but reads as words. */
export function typeLabel(type: RelationshipType): string {
  return type.replaceAll('_', ' ');
}

/** Whole currency units with grouping, e.g. 750000 USD -> "$750,000". */
export function formatAmount(amount: number, currency = 'USD'): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // An unknown ISO code throws a RangeError; the number is still worth showing.
    return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(amount)} ${currency}`;
  }
}

/** "2019 – present", "2017 – 2020", "until 2021", "since 2020", or "" when nothing is known. */
export function formatPeriod(fact: {
  start?: string | undefined;
  end?: string | undefined;
  current?: boolean | undefined;
}): string {
  const { start, end, current } = fact;
  if (start && end) return `${start} – ${end}`;
  if (start) return current ? `${start} – present` : `since ${start}`;
  if (end) return `until ${end}`;
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
export function edgeAmount(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>): string | undefined {
  if (categoryOf(edge.type) !== 'money') return undefined;
  for (const id of [edge.target, edge.source]) {
    const node = nodes.get(id);
    if (node?.kind === 'Contract' && node.amount !== undefined) return formatAmount(node.amount, node.currency);
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

/** "HOLDS POSITION · Chief of operations", "HOLDS POSITION · Sheriff · former", "BUYER OF · $750,000". */
export function edgeLabel(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>): string {
  const qualifier = edgeQualifier(edge);
  const parts = [typeLabel(edge.type), qualifier === undefined ? edgeAmount(edge, nodes) : shortQualifier(qualifier)];
  if (edge.current === false) parts.push('former');
  if (edge.status === 'inferred' || edge.status === 'alleged') parts.push(edge.status);
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}

/** Node caption on the canvas; contracts carry their amount because that is what a reader looks for. */
export function nodeLabel(node: GraphNode): string {
  if (node.kind === 'Contract' && node.amount !== undefined) return `${node.name}\n${formatAmount(node.amount, node.currency)}`;
  return node.name;
}

/**
 * Line width for an edge: money edges grow with the logarithm of the amount (a $22M contract should
 * look heavier than a $750k one without drowning everything else), other edges are a fixed width.
 */
export function edgeWidth(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>): number {
  if (categoryOf(edge.type) !== 'money') return 2;
  const contract = [nodes.get(edge.source), nodes.get(edge.target)].find((n) => n?.kind === 'Contract');
  const amount = contract?.kind === 'Contract' ? contract.amount : undefined;
  if (amount === undefined || amount <= 0) return 3;
  // $10k -> 3px, $1M -> 5px, $100M -> 7px, capped at 8px.
  return Math.min(8, Math.max(3, Math.log10(amount) - 1));
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
