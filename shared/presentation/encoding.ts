/**
 * The visual vocabulary: one colour and one shape per kind, one colour and line per relationship
 * category. Colours are the Okabe–Ito palette, which stays distinguishable under the common forms of
 * colour blindness; shapes differ too so nothing relies on colour alone. The legend, the canvas style
 * and the search results all read from here so they cannot drift apart.
 */
import { RELATIONSHIP_RULES } from '../../schemas/index.js';
import type { EntityKind, RelationshipCategory, RelationshipType } from '../../schemas/index.js';

/** Shape names as Cytoscape spells them; the legend draws the same shapes in SVG. */
export type NodeShape = 'ellipse' | 'round-rectangle' | 'hexagon' | 'barrel' | 'diamond' | 'tag' | 'rectangle';

export interface KindEncoding {
  readonly label: string;
  readonly plural: string;
  readonly color: string;
  /** Darker edge of the same hue, so light fills (yellow, sky blue) still have a visible outline. */
  readonly border: string;
  readonly shape: NodeShape;
}

export const KIND_ENCODING: Readonly<Record<EntityKind, KindEncoding>> = {
  Person: { label: 'Person', plural: 'People', color: '#E69F00', border: '#8a5f00', shape: 'ellipse' },
  Organization: { label: 'Organisation', plural: 'Organisations', color: '#0072B2', border: '#004a75', shape: 'round-rectangle' },
  PublicBody: { label: 'Public body', plural: 'Public bodies', color: '#56B4E9', border: '#2a6f96', shape: 'hexagon' },
  DataSystem: { label: 'Data system', plural: 'Data systems', color: '#CC79A7', border: '#8a4370', shape: 'barrel' },
  Contract: { label: 'Contract', plural: 'Contracts', color: '#009E73', border: '#006049', shape: 'diamond' },
  Law: { label: 'Law or policy', plural: 'Laws & policies', color: '#F0E442', border: '#8f8500', shape: 'tag' },
  Document: { label: 'Document', plural: 'Documents', color: '#9a9a9a', border: '#555555', shape: 'rectangle' },
};

export interface CategoryEncoding {
  readonly label: string;
  readonly description: string;
  readonly color: string;
  readonly line: 'solid' | 'dotted';
}

export const CATEGORY_ENCODING: Readonly<Record<RelationshipCategory, CategoryEncoding>> = {
  role: { label: 'Roles & seats', description: 'positions, board seats, memberships', color: '#3d3d3d', line: 'solid' },
  structure: { label: 'Structure', description: 'owns, subsidiary of, part of, succeeded by', color: '#8a8a8a', line: 'solid' },
  data: { label: 'Data flows', description: 'operates, supplies data to', color: '#AA4F86', line: 'solid' },
  money: {
    label: 'Money',
    description: 'paid, buyer of, awarded to; the line is wider for larger amounts',
    color: '#009E73',
    line: 'solid',
  },
  // Okabe–Ito orange and blue, darkened so a thin line still reads on white.
  personal: { label: 'Family & associates', description: 'family of, associate of', color: '#b87d00', line: 'solid' },
  influence: { label: 'Representation & lobbying', description: 'represents, lobbies', color: '#005a8c', line: 'solid' },
  law: {
    label: 'Law & sanctions',
    description: 'what a law restricts, who is sanctioned by whom',
    color: '#9c8f00',
    line: 'solid',
  },
  other: { label: 'Other links', description: 'other ties a source states', color: '#6b6b6b', line: 'dotted' },
  provenance: { label: 'Sources', description: 'published, quoted in, mentions', color: '#a8a8a8', line: 'dotted' },
};

/** Path highlight: vermillion, the one Okabe–Ito colour no kind or category uses. */
export const HIGHLIGHT_COLOR = '#D55E00';

export const CATEGORY_ORDER: readonly RelationshipCategory[] = [
  'role',
  'money',
  'personal',
  'influence',
  'data',
  'structure',
  'law',
  'other',
  'provenance',
];

export function categoryOf(type: RelationshipType): RelationshipCategory {
  return RELATIONSHIP_RULES[type].category;
}

/** Relationship types whose category the legend has not switched off: what "Expand" asks for. */
export function visibleTypes(hidden: ReadonlySet<RelationshipCategory>): RelationshipType[] {
  return (Object.keys(RELATIONSHIP_RULES) as RelationshipType[]).filter((t) => !hidden.has(categoryOf(t)));
}
