/**
 * Snapshots: a saved map (the elements on the canvas, where they were, the filters and as-of date, and a
 * short story of annotated steps) frozen with a copy of every fact and source it shows, so a published
 * snapshot reads the same whatever happens to the graph later. Shared by the server and the page.
 */
import { z } from 'zod';
import { EntityId, FactStatus, PartialDate } from './common.js';
import { DocumentEntity, ENTITY_KINDS, Entity, RELATIONSHIP_CATEGORIES, RELATIONSHIP_TYPES, Relationship } from './graph.js';

/** Draft ids are random (`draft-…`); a published version's id is derived from its content (`pub-…`). */
export const SnapshotId = z
  .string()
  .min(8)
  .max(80)
  .regex(/^(draft|pub)-[a-z0-9]+$/, 'must be a snapshot id such as pub-3f2a… or draft-…');
export type SnapshotId = z.infer<typeof SnapshotId>;

export const Position = z.object({ x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof Position>;

/** A rectangle in graph coordinates (not screen pixels), so a step frames the same area on any screen. */
export const Viewport = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});
export type Viewport = z.infer<typeof Viewport>;

export const SnapshotStep = z.object({
  caption: z.string().trim().min(1).max(2000),
  /** Elements lit up in this step (everything else dims). */
  nodeIds: z.array(EntityId).max(2000).default([]),
  edgeIds: z.array(EntityId).max(5000).default([]),
  /** Where to zoom; absent: the whole map. */
  viewport: Viewport.optional(),
  /** Where entities stood at this step when it differs from the map's positions (the story moves them). */
  positions: z.record(z.string(), Position).optional(),
});
export type SnapshotStep = z.infer<typeof SnapshotStep>;

/** The legend and time filters that were set when the snapshot was taken (lists, so JSON can hold them). */
export const SnapshotFilters = z.object({
  hiddenKinds: z.array(z.enum(ENTITY_KINDS)).default([]),
  hiddenCategories: z.array(z.enum(RELATIONSHIP_CATEGORIES)).default([]),
  hiddenTypes: z.array(z.enum(RELATIONSHIP_TYPES)).default([]),
  hiddenStatuses: z.array(FactStatus).default([]),
  minSources: z.number().int().min(1).max(100).optional(),
  hideUndated: z.boolean().optional(),
});
export type SnapshotFilters = z.infer<typeof SnapshotFilters>;

export const CreateSnapshot = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(4000).default(''),
  nodeIds: z.array(EntityId).min(1).max(5000),
  edgeIds: z.array(EntityId).max(20000).default([]),
  positions: z.record(z.string(), Position).optional(),
  filters: SnapshotFilters.optional(),
  asOf: PartialDate.optional(),
  steps: z.array(SnapshotStep).max(100).default([]),
  /** Entities pinned in place on the canvas (they come back pinned when the snapshot is put on the canvas). */
  pinned: z.array(EntityId).max(5000).optional(),
  /** Makes the new snapshot the next version of this one (any version of the series). */
  basedOn: SnapshotId.optional(),
});
export type CreateSnapshot = z.input<typeof CreateSnapshot>;

/** What a snapshot shows, frozen at the time it was taken. */
export const SnapshotContent = z.object({
  title: z.string(),
  description: z.string(),
  entities: z.array(Entity),
  relationships: z.array(Relationship),
  /** The Documents cited by what is shown but not themselves on the map. */
  documents: z.array(DocumentEntity),
  positions: z.record(z.string(), Position),
  filters: SnapshotFilters.optional(),
  asOf: PartialDate.optional(),
  steps: z.array(SnapshotStep),
  pinned: z.array(z.string()).optional(),
});
export type SnapshotContent = z.infer<typeof SnapshotContent>;

const SnapshotMeta = {
  id: SnapshotId,
  /** All versions of one map share a series. */
  series: z.string(),
  version: z.number().int().positive(),
  published: z.boolean(),
  createdAt: z.string().describe('ISO timestamp'),
  publishedAt: z.string().optional(),
  createdBy: z.string(),
  basedOn: SnapshotId.optional(),
  /** The draft id a published version had before publishing; links to it keep working. */
  draftId: SnapshotId.optional(),
};

export const Snapshot = z.object({ ...SnapshotMeta, content: SnapshotContent });
export type Snapshot = z.infer<typeof Snapshot>;

export const SnapshotSummary = z.object({
  ...SnapshotMeta,
  title: z.string(),
  description: z.string(),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

export const SnapshotList = z.object({ snapshots: z.array(SnapshotSummary) });
export type SnapshotList = z.infer<typeof SnapshotList>;

export const SnapshotParams = z.object({ id: SnapshotId });

export const CreateSnapshotResult = z.object({ id: SnapshotId, version: z.number().int().positive(), series: z.string() });
export type CreateSnapshotResult = z.infer<typeof CreateSnapshotResult>;

export const PublishResult = CreateSnapshotResult.extend({ published: z.literal(true), publishedAt: z.string() });
export type PublishResult = z.infer<typeof PublishResult>;

export const SnapshotListQuery = z.object({
  published: z
    .enum(['0', '1', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
  series: z.string().max(80).optional(),
});

export const DiffQuery = z.object({
  from: z.coerce.number().int().positive().optional().describe('version number; default: the one before `to`'),
  to: z.coerce.number().int().positive().optional().describe('version number; default: the version of :id'),
});

export const PropertyChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type PropertyChange = z.infer<typeof PropertyChange>;

export const ChangedElement = z.object({ id: z.string(), name: z.string(), changes: z.array(PropertyChange) });
export type ChangedElement = z.infer<typeof ChangedElement>;

const ElementRef = z.object({ id: z.string(), name: z.string() });

export const ElementDiff = z.object({
  added: z.array(ElementRef),
  removed: z.array(ElementRef),
  changed: z.array(ChangedElement),
});
export type ElementDiff = z.infer<typeof ElementDiff>;

export const SnapshotDiff = z.object({
  series: z.string(),
  from: z.object({ id: SnapshotId, version: z.number().int() }),
  to: z.object({ id: SnapshotId, version: z.number().int() }),
  entities: ElementDiff,
  relationships: ElementDiff,
  /** Title, description, steps, filters, as-of date. */
  map: z.array(PropertyChange),
});
export type SnapshotDiff = z.infer<typeof SnapshotDiff>;

export const EXPORT_FORMATS = ['png', 'svg', 'html', 'graphml', 'gexf', 'cyjs', 'json', 'csv', 'ftm', 'cypher'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;
/** Picture sizes: `map` takes the map's own aspect ratio; the others are fixed canvases the map is fitted into. */
export const PICTURE_SIZES = ['map', 'social', 'square', 'a4', 'screen'] as const;
export const PictureSize = z.enum(PICTURE_SIZES);
export type PictureSize = z.infer<typeof PictureSize>;
/** The fixed presets in picture units (CSS pixels): a social card, a square post, A4 landscape at 96 dpi. */
export const PICTURE_PRESETS: Readonly<Record<'social' | 'square' | 'a4', { width: number; height: number }>> = {
  social: { width: 1200, height: 630 },
  square: { width: 1080, height: 1080 },
  a4: { width: 1123, height: 794 },
};
/** Languages a picture's words and source titles can be in (the page's languages). */
export const PICTURE_LANGUAGES = ['en', 'es', 'ar'] as const;
export type PictureLanguage = (typeof PICTURE_LANGUAGES)[number];

const ScreenSide = z.coerce.number().int().min(320).max(4000);

export const ExportQuery = z
  .object({
    format: ExportFormat,
    size: PictureSize.default('map').describe(
      "pictures (png, svg) only: map (the map's own aspect ratio), social (1200x630), square (1080x1080), a4 (landscape), screen (width x height, as on screen)",
    ),
    width: ScreenSide.optional().describe('with size=screen: the width of the screen area, in pixels'),
    height: ScreenSide.optional().describe('with size=screen: the height of the screen area, in pixels'),
    lang: z
      .enum(PICTURE_LANGUAGES)
      .default('en')
      .describe(
        "pictures only: the reader's language for the legend, headings and source titles (a document's title in that language where the data has one)",
      ),
  })
  .superRefine((query, ctx) => {
    if (query.size !== 'screen') return;
    for (const side of ['width', 'height'] as const)
      if (query[side] === undefined) ctx.addIssue({ code: 'custom', path: [side], message: `size=screen needs ${side}` });
  });
export type ExportQuery = z.infer<typeof ExportQuery>;
