/** Adapters for the entity-detail answer, whose relationships come in a different shape from edges. */
import { GraphEdge as GraphEdgeSchema } from '../../../schemas/index.js';
import { formatAmount, moneyOf } from '../../../shared/presentation/labels.js';
import { localName } from '../../../schemas/language.js';
import type { Citation, EntityDetailResponse, EntityRelationship, GraphEdge, RelationshipType } from '../../../schemas/index.js';

/**
 * The detail endpoint nests a relationship's fields under `properties`; the canvas needs the flat
 * edge shape. Parsing through the shared schema keeps the two in step; a relationship that does not
 * parse is left off the canvas rather than drawn half-known.
 */
export function edgeFromDetail(rel: EntityRelationship): GraphEdge | undefined {
  const parsed = GraphEdgeSchema.safeParse({
    ...rel.properties,
    id: rel.id,
    type: rel.type,
    source: rel.source,
    target: rel.target,
    citations: rel.citations,
    version: rel.version,
  });
  return parsed.success ? parsed.data : undefined;
}

export interface RelationshipGroup {
  readonly type: RelationshipType;
  readonly items: readonly EntityRelationship[];
}

/** Relationships grouped by type, groups in the order the schema lists types (roles first, sources last). */
export function groupRelationships(rels: readonly EntityRelationship[], order: readonly RelationshipType[]): RelationshipGroup[] {
  return order.map((type) => ({ type, items: rels.filter((r) => r.type === type) })).filter((g) => g.items.length > 0);
}

/** The name of the entity or a neighbour in the reader's language (`localName`), else its id. */
export function neighborName(detail: EntityDetailResponse, id: string, language = 'en'): string {
  if (detail.entity.id === id) return localName(detail.entity, language);
  const neighbor = detail.neighbors.find((n) => n.id === id);
  return neighbor ? localName(neighbor, language) : id;
}

/** A readable value for a free-form property from the detail answer. */
export function propertyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return undefined;
}

/**
 * The few words a connection shows in an entity's list: the role, seat, data, tie, issue or programme;
 * for money, its amount. `properties` are those of the detail endpoint's relationships.
 */
export function connectionQualifier(
  properties: Readonly<Record<string, unknown>>,
  locale = 'en-US',
  language?: string,
): string | undefined {
  const p = properties;
  // The role in the reader's language where the data translates it (the connection's panel shows the original).
  const translations = p.roleTranslations as Readonly<Record<string, unknown>> | undefined;
  const translated = language === undefined ? undefined : translations?.[language];
  if (typeof translated === 'string' && translated !== '') return translated;
  const words = propertyText(p.role ?? p.seat ?? p.data ?? p.relation ?? p.issue ?? p.program);
  if (words !== undefined) return words;
  if (typeof p.percentage === 'number') return `${p.percentage}%`;
  const money = moneyOf(p as Parameters<typeof moneyOf>[0]);
  return money && formatAmount(money.amount, money.currency, locale);
}

/** The citations of several facts, each quote once, in the order the facts were given. */
export function citationsOf(facts: readonly { readonly citations: readonly Citation[] }[]): Citation[] {
  const seen = new Set<string>();
  return facts
    .flatMap((f) => f.citations)
    .filter((c) => {
      const key = `${c.documentId}\u0000${c.locator}\u0000${c.quote}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A contract's amendments as the panel lists them: newest first, undated ones last (in their source order). */
export function amendmentsNewestFirst<T extends { readonly date?: string | undefined }>(amendments: readonly T[]): T[] {
  const dated = amendments.filter((a) => a.date);
  const undated = amendments.filter((a) => !a.date);
  // Partial dates (2024, 2024-03) sort before the full dates they start, as older.
  return [...dated.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')), ...undated];
}
