/**
 * The Cytoscape stylesheet, generated from the model's encoding so canvas, legend and search results
 * share one palette. State (former, highlighted, dimmed, selected, hidden) arrives as classes.
 */
import type { EdgeSingular, StylesheetJson } from 'cytoscape';
import { CATEGORY_ENCODING, HIGHLIGHT_COLOR, KIND_ENCODING } from '../model/index.js';
import type { EntityKind, RelationshipCategory } from '../../../schemas/index.js';
import type { LabelScale } from './labels.js';

// Canvas text cannot use CSS fallbacks per glyph, so list fonts that cover Latin and Arabic.
const FONT = '"Segoe UI", system-ui, -apple-system, "Noto Sans", "DejaVu Sans", sans-serif';
const INK = '#17191c';
const PAPER = '#fbfaf7';
const SELECT = '#17191c';

export interface StyleOptions {
  /** Thousands of elements: names and labels drop out when zoomed too far out to read them. */
  readonly large?: boolean;
  /**
   * Cytoscape's WebGL renderer draws edges as plain lines: no dashes or dots and no underlay. The
   * line styles that carry meaning (former, sources) are restated with opacity and the selected
   * edge with colour, so nothing a reader relies on disappears.
   */
  readonly webgl?: boolean;
  /** A published map for readers: no name or label drawn smaller than 11 px (zoom in to see them). */
  readonly readable?: boolean;
}

/**
 * `scale` multiplies every label size (font, wrap width, margins) so labels keep a steady size on
 * screen whatever the zoom (see labels.ts); 1 is the size at zoom 1.
 */
export function buildStylesheet(options: StyleOptions = {}, scale: LabelScale = { node: 1, edge: 1 }): StylesheetJson {
  const n = scale.node;
  const e = scale.edge;
  const kinds = Object.entries(KIND_ENCODING) as [EntityKind, (typeof KIND_ENCODING)[EntityKind]][];
  const categories = Object.entries(CATEGORY_ENCODING) as [
    RelationshipCategory,
    (typeof CATEGORY_ENCODING)[RelationshipCategory],
  ][];
  return [
    {
      selector: 'node',
      style: {
        width: 38,
        height: 38,
        'border-width': 2,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 14 * n,
        'font-weight': 600,
        color: INK,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 7 * n,
        'text-wrap': 'wrap',
        'text-max-width': `${150 * n}px`,
        'line-height': 1.25,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.92,
        'text-background-padding': `${3 * n}px`,
        'text-background-shape': 'roundrectangle',
        // Names stay at every zoom: a graph of unnamed shapes tells a reader nothing.
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    ...kinds.map(([kind, enc]) => ({
      selector: `node.kind-${kind}`,
      style: { 'background-color': enc.color, 'border-color': enc.border, shape: enc.shape },
    })),
    // Contract names are long; a wider caption keeps them to two lines plus the amount.
    { selector: 'node.kind-Contract', style: { width: 44, height: 44, 'text-max-width': `${200 * n}px` } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'curve-style': 'bezier',
        'control-point-step-size': 60,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.15,
        'target-distance-from-node': 3,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 11 * e,
        'font-weight': 600,
        color: '#2b2e33',
        // Horizontal labels: rotated text along steep edges is the hardest thing on a graph to read.
        'text-wrap': 'wrap',
        'text-max-width': `${220 * e}px`,
        'text-background-color': PAPER,
        'text-background-opacity': 0.95,
        'text-background-padding': `${2 * e}px`,
        'text-background-shape': 'roundrectangle',
        // Edge labels go first when zoomed out; the reader zooms in or clicks the line.
        'min-zoomed-font-size': 7,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    ...categories.map(([category, enc]) => ({
      selector: `edge.cat-${category}`,
      style: { 'line-color': enc.color, 'target-arrow-color': enc.color, 'line-style': enc.line },
    })),
    { selector: 'edge.cat-money', style: { color: '#00563f' } },
    { selector: 'edge.former', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 5] } },
    { selector: 'edge.tentative', style: { 'font-style': 'italic' } },
    // Undated facts under an as-of date: still drawn (they may well have held) but visibly uncertain.
    { selector: 'edge.undated', style: { 'line-opacity': 0.45, 'text-opacity': 0.7 } },
    { selector: 'node:locked', style: { 'border-style': 'double', 'border-width': 5 } },
    { selector: 'edge.quiet', style: { label: '' } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.dimmed', style: { opacity: 0.16 } },
    // Faded labels of connections outside the highlight only get in the way of the ones inside it;
    // clicking a dimmed line still selects it and shows its label.
    { selector: 'edge.dimmed', style: { label: '' } },
    { selector: 'node.highlighted', style: { 'border-color': HIGHLIGHT_COLOR, 'border-width': 5 } },
    {
      selector: 'edge.highlighted',
      style: {
        'line-color': HIGHLIGHT_COLOR,
        'target-arrow-color': HIGHLIGHT_COLOR,
        width: (edge: EdgeSingular) => Number(edge.data('width')) + 2.5,
        color: '#8a3500',
        'z-index': 10,
      },
    },
    // Outlines follow the node's shape (underlays would draw a box around a circle).
    {
      selector: 'node.path-end',
      style: { 'outline-width': 3, 'outline-style': 'dashed', 'outline-color': HIGHLIGHT_COLOR, 'outline-offset': 4 },
    },
    {
      selector: 'node.selected',
      style: { 'outline-width': 3, 'outline-style': 'solid', 'outline-color': SELECT, 'outline-offset': 4, 'z-index': 20 },
    },
    {
      selector: 'edge.selected',
      style: {
        label: 'data(label)',
        'underlay-color': SELECT,
        'underlay-opacity': 0.14,
        'underlay-padding': 7,
        color: INK,
        'z-index': 20,
      },
    },
    // Picked together with "select neighbours": a double ring, distinct from the one selection.
    {
      selector: 'node.marked',
      style: { 'outline-width': 5, 'outline-style': 'double', 'outline-color': SELECT, 'outline-offset': 3 },
    },
    // Cytoscape's own press feedback, toned down to match.
    { selector: 'node:active, edge:active', style: { 'overlay-opacity': 0.08, 'overlay-color': SELECT, 'overlay-padding': 6 } },
    ...(options.large ? LARGE_RULES : []),
    ...(options.webgl ? WEBGL_RULES : []),
    ...(options.readable ? READABLE_RULES : []),
  ];
}

const READABLE_RULES: StylesheetJson = [{ selector: 'node, edge', style: { 'min-zoomed-font-size': 11 } }];

const LARGE_RULES: StylesheetJson = [
  // Text smaller than this on screen is not read anyway, and drawing thousands of it is what is slow.
  { selector: 'node', style: { 'min-zoomed-font-size': 9 } },
  { selector: 'edge', style: { 'min-zoomed-font-size': 10, 'transition-duration': 0 } },
  { selector: 'node', style: { 'transition-duration': 0 } },
];

const WEBGL_RULES: StylesheetJson = [
  { selector: 'edge.former', style: { 'line-opacity': 0.5 } },
  { selector: 'edge.cat-provenance', style: { 'line-opacity': 0.55 } },
  {
    selector: 'edge.selected',
    style: {
      'line-color': SELECT,
      'target-arrow-color': SELECT,
      width: (edge: EdgeSingular) => Number(edge.data('width')) + 2,
    },
  },
];
