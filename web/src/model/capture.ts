/**
 * Snapshots and the explorer, both ways, as pure functions of the explorer's state: what "Save" sends
 * (the entities and links shown, not those the filters hide; where each stands; pins, filters and the
 * as-of date; the story), what a story step captures (caption, what is lit, positions, the area in
 * view), and the actions that put a snapshot or a step back on the canvas.
 */
import type { CreateSnapshot, Position, SnapshotContent, SnapshotStep, Viewport } from '../../../schemas/index.js';
import type { CanvasRecord, ExplorerAction, ExplorerState } from './explorer.js';
import { INITIAL_STATE } from './explorer.js';
import { toElements } from './elements.js';
import { pathHighlight } from './paths.js';
import type { CanvasViewport, Highlight, Positions, Spotlight, ViewGraph } from './types.js';
import { filterFrom, filtersOf, round1 } from './view-state.js';

export interface Shown {
  readonly nodeIds: string[];
  readonly edgeIds: string[];
}

/** The entities and links on the canvas that the filters let through. */
export function visibleElements(state: Pick<ExplorerState, 'view' | 'filter'>): Shown {
  const shown = toElements(state.view, { filter: state.filter }).filter((e) => !e.classes.split(' ').includes('hidden'));
  return {
    nodeIds: shown.filter((e) => e.group === 'nodes').map((e) => e.data.id),
    edgeIds: shown.filter((e) => e.group === 'edges').map((e) => e.data.id),
  };
}

/** What is lit now: a path (or the one picked of several), else a finding, money flow or previewed step. */
export function currentHighlight(state: Pick<ExplorerState, 'path' | 'spotlight'>): Highlight | undefined {
  return state.path.result ? pathHighlight(state.path.result.paths, state.path.focus) : state.spotlight;
}

/** The area in view, in graph coordinates (what a step frames on any screen). */
export function viewportRect(viewport: CanvasViewport | undefined): Viewport | undefined {
  if (!viewport || viewport.width <= 0 || viewport.height <= 0 || viewport.zoom <= 0) return undefined;
  const width = viewport.width / viewport.zoom;
  const height = viewport.height / viewport.zoom;
  return {
    x: round1(viewport.center.x - width / 2),
    y: round1(viewport.center.y - height / 2),
    width: round1(width) || 0.1,
    height: round1(height) || 0.1,
  };
}

function positionsOf(ids: readonly string[], positions: Positions): Record<string, Position> {
  const out: Record<string, Position> = {};
  for (const id of ids) {
    const at = positions.get(id);
    if (at) out[id] = { x: round1(at.x), y: round1(at.y) };
  }
  return out;
}

/** A story step from the canvas as it is: what is lit (else what is selected), where things stand, the area in view. */
export function captureStep(state: ExplorerState, caption: string): SnapshotStep {
  const visible = visibleElements(state);
  const nodes = new Set(visible.nodeIds);
  const edges = new Set(visible.edgeIds);
  const highlight = currentHighlight(state);
  let nodeIds: string[] = [];
  let edgeIds: string[] = [];
  if (highlight && (highlight.nodeIds.size > 0 || highlight.edgeIds.size > 0)) {
    nodeIds = [...highlight.nodeIds];
    edgeIds = [...highlight.edgeIds];
  } else if (state.selection?.kind === 'node') nodeIds = [state.selection.id];
  else if (state.selection?.kind === 'edge') edgeIds = [state.selection.id];
  const viewport = viewportRect(state.viewport);
  const positions = positionsOf(visible.nodeIds, state.positions);
  return {
    caption,
    nodeIds: nodeIds.filter((id) => nodes.has(id)),
    edgeIds: edgeIds.filter((id) => edges.has(id)),
    ...(viewport ? { viewport } : {}),
    ...(Object.keys(positions).length > 0 ? { positions } : {}),
  };
}

/**
 * The steps as the snapshot keeps them: only what is on its map, and of each step's positions only
 * those that differ from the map's own (a step that moved nothing keeps none).
 */
export function stepsForMap(
  steps: readonly SnapshotStep[],
  map: Shown,
  positions: Readonly<Record<string, Position>>,
): SnapshotStep[] {
  const nodes = new Set(map.nodeIds);
  const edges = new Set(map.edgeIds);
  return steps.map((step) => {
    const moved = Object.entries(step.positions ?? {}).filter(([id, at]) => {
      const base = positions[id];
      return nodes.has(id) && (!base || Math.abs(base.x - at.x) >= 0.5 || Math.abs(base.y - at.y) >= 0.5);
    });
    return {
      caption: step.caption,
      nodeIds: step.nodeIds.filter((id) => nodes.has(id)),
      edgeIds: step.edgeIds.filter((id) => edges.has(id)),
      ...(step.viewport ? { viewport: step.viewport } : {}),
      ...(moved.length > 0 ? { positions: Object.fromEntries(moved) } : {}),
    };
  });
}

/** How much of a step the current canvas no longer shows (the builder warns before saving). */
export function stepLeftovers(step: SnapshotStep, map: Shown): number {
  const nodes = new Set(map.nodeIds);
  const edges = new Set(map.edgeIds);
  return step.nodeIds.filter((id) => !nodes.has(id)).length + step.edgeIds.filter((id) => !edges.has(id)).length;
}

export interface StoryFields {
  readonly title: string;
  readonly description: string;
  readonly steps: readonly SnapshotStep[];
  /** Saves the next version of this snapshot's series. */
  readonly basedOn?: string | undefined;
}

/** What "Save" sends: the map as the canvas shows it, with the story. */
export function snapshotInput(state: ExplorerState, fields: StoryFields): CreateSnapshot {
  const visible = visibleElements(state);
  const positions = positionsOf(visible.nodeIds, state.positions);
  const pinned = visible.nodeIds.filter((id) => state.pinned.has(id));
  return {
    title: fields.title,
    description: fields.description,
    nodeIds: visible.nodeIds,
    edgeIds: visible.edgeIds,
    positions,
    filters: filtersOf(state.filter),
    ...(state.filter.asOf ? { asOf: state.filter.asOf } : {}),
    steps: stepsForMap(fields.steps, visible, positions),
    ...(pinned.length > 0 ? { pinned } : {}),
    ...(fields.basedOn ? { basedOn: fields.basedOn } : {}),
  };
}

/** "Put on canvas": the snapshot's map, entities where it had them, its pins and filters; Undo goes back. */
export function openSnapshotAction(content: SnapshotContent): Extract<ExplorerAction, { type: 'openView' }> {
  const canvas: CanvasRecord = {
    view: {
      nodes: new Map(content.entities.map((e) => [e.id, e])),
      edges: new Map(content.relationships.map((r) => [r.id, r])),
    },
    pinned: new Set(content.pinned ?? []),
    positions: new Map(Object.entries(content.positions)),
  };
  return {
    type: 'openView',
    canvas,
    selection: null,
    filter: filterFrom(content.filters, content.asOf),
    layout: 'force',
    path: { maxHops: INITIAL_STATE.path.maxHops },
    spotlight: undefined,
    history: 'record',
  };
}

/** A story step shown on the canvas: its highlight, its positions, its area (fitted to the canvas's size). */
export function showStepAction(
  step: SnapshotStep,
  index: number,
  view: ViewGraph,
  canvas: CanvasViewport | undefined,
): Extract<ExplorerAction, { type: 'showStep' }> {
  const nodeIds = new Set(step.nodeIds.filter((id) => view.nodes.has(id)));
  const edgeIds = new Set<string>();
  for (const id of step.edgeIds) {
    const edge = view.edges.get(id);
    if (!edge) continue;
    edgeIds.add(id);
    nodeIds.add(edge.source).add(edge.target);
  }
  const spotlight: Spotlight = { source: 'step', id: String(index), nodeIds, edgeIds };
  const positions = new Map(Object.entries(step.positions ?? {}).filter(([id]) => view.nodes.has(id)));
  return { type: 'showStep', spotlight, positions, viewport: fitArea(step.viewport, canvas) };
}

/** The viewport that shows an area whole on a canvas of this size (the smaller zoom of the two sides). */
export function fitArea(area: Viewport | undefined, canvas: CanvasViewport | undefined): CanvasViewport | undefined {
  if (!area || !canvas || canvas.width <= 0 || canvas.height <= 0) return undefined;
  const zoom = Math.min(canvas.width / area.width, canvas.height / area.height);
  return {
    zoom,
    center: { x: area.x + area.width / 2, y: area.y + area.height / 2 },
    width: canvas.width,
    height: canvas.height,
  };
}
