/**
 * Readonly shapes of what the explorer shows. Everything here is plain data so the model can be unit
 * tested without React or Cytoscape; the API shapes themselves come from the shared schemas.
 */
import type {
  EntityKind,
  FactStatus,
  Finding,
  GraphEdge,
  GraphNode,
  MoneyFlowRow,
  Position,
  RelationshipCategory,
  RelationshipType,
} from '../../../schemas/index.js';

export type { Position } from '../../../schemas/index.js';

/** The part of the graph currently on the canvas, keyed by id, in the order things arrived. */
export interface ViewGraph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly edges: ReadonlyMap<string, GraphEdge>;
}

/** A batch of nodes and edges as the API returns them (neighbourhood, paths, a single entity). */
export interface GraphPatch {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface MergeResult {
  readonly view: ViewGraph;
  /** Ids that were not on the canvas before: the layout places only these. */
  readonly addedNodeIds: readonly string[];
  readonly addedEdgeIds: readonly string[];
}

/**
 * What the side panel shows. A finding or a money flow is not one element of the canvas but it is
 * read the same way (what it is, why, the quotes), so it is selected like one; it travels whole
 * because the canvas keeps only nodes and edges. A flow names the edges it stands for, whose
 * citations the panel lists.
 */
export type Selection =
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'edge'; readonly id: string }
  | { readonly kind: 'finding'; readonly finding: Finding }
  | { readonly kind: 'flow'; readonly row: MoneyFlowRow; readonly edgeIds: readonly string[] }
  | null;

/** Elements to emphasise (a path, a finding, a money flow); when empty nothing is dimmed. */
export interface Highlight {
  readonly nodeIds: ReadonlySet<string>;
  readonly edgeIds: ReadonlySet<string>;
}

/**
 * A highlight that is not a path: a finding or a money flow picked in the left rail, or a story step
 * being previewed. `id` names what it stands for (finding id, payer and payee of a flow, step number)
 * so the rail can mark the item as shown.
 */
export interface Spotlight extends Highlight {
  readonly source: 'finding' | 'money' | 'step';
  readonly id: string;
  /** The money flow's rollup setting, so a link can light the same row again. */
  readonly rollup?: boolean | undefined;
}

/** Where each entity sits on the canvas, in graph coordinates. */
export type Positions = ReadonlyMap<string, Position>;

/**
 * The canvas's viewport: the zoom and the graph point at its middle (what a link reopens on any screen),
 * and the canvas size in pixels (with them, the area in view).
 */
export interface CanvasViewport {
  readonly zoom: number;
  readonly center: Position;
  readonly width: number;
  readonly height: number;
}

/**
 * A request to frame some elements once any running layout has settled. `seq` changes on every
 * request so framing the same finding twice still moves the view.
 */
export interface FrameRequest {
  readonly seq: number;
  readonly ids: readonly string[];
}

/**
 * What the legend and the time control have switched off. The later fields are optional so a filter
 * written as just kinds and categories still means "everything else shown".
 */
export interface Filter {
  readonly hiddenKinds: ReadonlySet<EntityKind>;
  readonly hiddenCategories: ReadonlySet<RelationshipCategory>;
  readonly hiddenTypes?: ReadonlySet<RelationshipType> | undefined;
  readonly hiddenStatuses?: ReadonlySet<FactStatus> | undefined;
  /** Relationships with fewer distinct source documents than this are hidden (1 = all). */
  readonly minSources?: number | undefined;
  /** Partial ISO date; only what may have held then is shown. Undefined = all time. */
  readonly asOf?: string | undefined;
  readonly hideUndated?: boolean | undefined;
}

/**
 * A Cytoscape element definition reduced to what we use, so the model does not import Cytoscape.
 * It is structurally compatible with `cytoscape.ElementDefinition`.
 */
export interface CanvasNodeElement {
  readonly group: 'nodes';
  readonly data: { readonly id: string; readonly label: string; readonly kind: EntityKind };
  readonly classes: string;
}

export interface CanvasEdgeElement {
  readonly group: 'edges';
  readonly data: {
    readonly id: string;
    readonly source: string;
    readonly target: string;
    readonly label: string;
    readonly type: GraphEdge['type'];
    readonly category: RelationshipCategory;
    /** Line width in px; money edges grow with the contract amount. */
    readonly width: number;
  };
  readonly classes: string;
}

export type CanvasElement = CanvasNodeElement | CanvasEdgeElement;
