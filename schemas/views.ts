/**
 * A view of the explorer as a link reopens it: what is on the canvas and where, the viewport, pins,
 * selection, filters and as-of date, the layout, the path search and what is lit. The page writes it
 * into the address bar; a view too long for an address is kept on the server as a short link
 * (`/v/<id>`, `POST /api/views`). Shared by the server (which stores short links) and the page.
 */
import { z } from 'zod';
import { EntityId, PartialDate } from './common.js';
import { RELATIONSHIP_TYPES } from './graph.js';
import { Position, SnapshotFilters } from './snapshots.js';

/**
 * Force-directed; top-down layers (paths); left-to-right layers (money and data: payer -> contract ->
 * payee); rings around one entity.
 */
export const LAYOUT_MODES = ['force', 'hierarchy', 'flow', 'concentric'] as const;
export const LayoutMode = z.enum(LAYOUT_MODES);
export type LayoutMode = z.infer<typeof LayoutMode>;

/** Which connections a path may use: all shown in the legend, money or data flows, or a chosen set. */
export const PATH_PRESETS = ['all', 'money', 'data', 'custom'] as const;
export const PathPreset = z.enum(PATH_PRESETS);
export type PathPreset = z.infer<typeof PathPreset>;

/** The most entities one view (a link, a short link) names. */
export const MAX_VIEW_IDS = 5000;

/** Zoom and the point of the graph at the middle of the canvas: the same view on any screen size. */
export const ViewCenter = z.object({
  zoom: z.number().positive().max(100),
  x: z.number().finite(),
  y: z.number().finite(),
});
export type ViewCenter = z.infer<typeof ViewCenter>;

/** The path search: its ends and options, and whether its answer was lit (it is asked again on opening). */
export const ViewPath = z.object({
  from: EntityId.optional(),
  to: EntityId.optional(),
  maxHops: z.number().int().min(1).max(6).default(4),
  only: PathPreset.optional(),
  types: z.array(z.enum(RELATIONSHIP_TYPES)).optional(),
  found: z.boolean().default(false),
  /** The one path of the answer picked to light up alone. */
  focus: z.number().int().min(0).max(100).optional(),
});
export type ViewPath = z.infer<typeof ViewPath>;

/** What is lit besides a path: a conflict finding (found again through one of its entities) or a money flow. */
export const ViewLit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('finding'), id: z.string().min(1).max(200), entity: EntityId }),
  z.object({ kind: z.literal('money'), payer: EntityId, payee: EntityId, rollup: z.boolean().default(false) }),
]);
export type ViewLit = z.infer<typeof ViewLit>;

/** A node or an edge; `lit` selects the finding or money flow that is lit. */
export const ViewSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('node'), id: EntityId }),
  z.object({ kind: z.literal('edge'), id: EntityId }),
  z.object({ kind: z.literal('lit') }),
]);
export type ViewSelection = z.infer<typeof ViewSelection>;

export const ViewState = z.object({
  /** The entities on the canvas, in the order they arrived; the relationships among them come along. */
  ids: z.array(EntityId).max(MAX_VIEW_IDS).default([]),
  /** Where each entity sits, in graph coordinates. */
  positions: z.record(z.string(), Position).optional(),
  viewport: ViewCenter.optional(),
  pinned: z.array(EntityId).max(MAX_VIEW_IDS).default([]),
  selection: ViewSelection.optional(),
  /** The legend's filters; absent: the explorer's defaults (source links hidden). */
  filters: SnapshotFilters.optional(),
  asOf: PartialDate.optional(),
  layout: LayoutMode.default('force'),
  /** The entity at the middle of a concentric layout. */
  center: EntityId.optional(),
  path: ViewPath.optional(),
  lit: ViewLit.optional(),
});
export type ViewState = z.infer<typeof ViewState>;
export type ViewStateInput = z.input<typeof ViewState>;

/** Short-link ids are derived from the view: the same view always gets the same link. */
export const SavedViewId = z.string().regex(/^[a-z0-9]{12,40}$/, 'must be a short-link id such as 3f2a9c01b7d4e6f8a0c1');
export const SavedViewParams = z.object({ id: SavedViewId });
export const SavedViewResult = z.object({ id: SavedViewId, path: z.string().describe('/v/<id>, the page that reopens it') });
export type SavedViewResult = z.infer<typeof SavedViewResult>;
