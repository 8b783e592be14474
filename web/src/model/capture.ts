/**
 * What "Save snapshot" takes from the explorer: the entities and links shown (not those the filters
 * hide), where the canvas has put them, the filters and as-of date, and for a story step what is lit
 * up or selected and the area in view. Positions and the viewport come from the canvas's Cytoscape
 * instance, which the explorer's canvas exposes on `window`; the rest is pure state.
 */
import type { CreateSnapshot, Position, SnapshotFilters, SnapshotStep, Viewport } from '../../../schemas/index.js';
import { pathHighlight, toElements } from './index.js';
import type { ExplorerState, Filter } from './index.js';

export function visibleElements(state: ExplorerState): { nodeIds: string[]; edgeIds: string[] } {
  const shown = toElements(state.view, { filter: state.filter }).filter((e) => !e.classes.split(' ').includes('hidden'));
  return {
    nodeIds: shown.filter((e) => e.group === 'nodes').map((e) => e.data.id),
    edgeIds: shown.filter((e) => e.group === 'edges').map((e) => e.data.id),
  };
}

export function filtersOf(filter: Filter): SnapshotFilters {
  return {
    hiddenKinds: [...filter.hiddenKinds],
    hiddenCategories: [...filter.hiddenCategories],
    hiddenTypes: [...(filter.hiddenTypes ?? [])],
    hiddenStatuses: [...(filter.hiddenStatuses ?? [])],
    ...(filter.minSources !== undefined ? { minSources: filter.minSources } : {}),
    ...(filter.hideUndated !== undefined ? { hideUndated: filter.hideUndated } : {}),
  };
}

/** The snapshot's filters back as the explorer's. */
export function filterFrom(filters: SnapshotFilters | undefined, asOf: string | undefined): Partial<Filter> {
  return {
    ...(filters
      ? {
          hiddenKinds: new Set(filters.hiddenKinds),
          hiddenCategories: new Set(filters.hiddenCategories),
          hiddenTypes: new Set(filters.hiddenTypes),
          hiddenStatuses: new Set(filters.hiddenStatuses),
          minSources: filters.minSources,
          hideUndated: filters.hideUndated,
        }
      : {}),
    asOf,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function canvasPositions(ids: readonly string[]): Record<string, Position> {
  const cy = window.__interlockCy;
  const positions: Record<string, Position> = {};
  if (!cy) return positions;
  for (const id of ids) {
    const node = cy.getElementById(id);
    if (node.nonempty()) {
      const p = node.position();
      positions[id] = { x: round(p.x), y: round(p.y) };
    }
  }
  return positions;
}

export function canvasViewport(): Viewport | undefined {
  const cy = window.__interlockCy;
  if (!cy) return undefined;
  const e = cy.extent();
  return e.w > 0 && e.h > 0 ? { x: round(e.x1), y: round(e.y1), width: round(e.w), height: round(e.h) } : undefined;
}

/** A step from what is lit up now (a path, a finding, a money flow), else the selection. */
export function captureStep(
  state: ExplorerState,
  caption: string,
  visible: { nodeIds: string[]; edgeIds: string[] },
): SnapshotStep {
  const highlight = state.path.result ? pathHighlight(state.path.result.paths, state.path.focus) : state.spotlight;
  const nodes = new Set(visible.nodeIds);
  const edges = new Set(visible.edgeIds);
  let nodeIds: string[] = [];
  let edgeIds: string[] = [];
  if (highlight && (highlight.nodeIds.size > 0 || highlight.edgeIds.size > 0)) {
    nodeIds = [...highlight.nodeIds];
    edgeIds = [...highlight.edgeIds];
  } else if (state.selection?.kind === 'node') nodeIds = [state.selection.id];
  else if (state.selection?.kind === 'edge') edgeIds = [state.selection.id];
  const viewport = canvasViewport();
  return {
    caption,
    nodeIds: nodeIds.filter((id) => nodes.has(id)),
    edgeIds: edgeIds.filter((id) => edges.has(id)),
    ...(viewport ? { viewport } : {}),
  };
}

export function snapshotInput(
  state: ExplorerState,
  fields: { title: string; description: string; steps: SnapshotStep[]; basedOn?: string | undefined },
): CreateSnapshot {
  const visible = visibleElements(state);
  return {
    title: fields.title,
    description: fields.description,
    nodeIds: visible.nodeIds,
    edgeIds: visible.edgeIds,
    positions: canvasPositions(visible.nodeIds),
    filters: filtersOf(state.filter),
    ...(state.filter.asOf ? { asOf: state.filter.asOf } : {}),
    steps: fields.steps,
    ...(fields.basedOn ? { basedOn: fields.basedOn } : {}),
  };
}

/** Puts nodes where a snapshot had them, once the canvas has finished laying out what arrived. */
export function placeWhenSettled(positions: Readonly<Record<string, Position>>, timeoutMs = 8000): void {
  const started = Date.now();
  const tick = () => {
    const cy = window.__interlockCy;
    const canvas = document.querySelector<HTMLElement>('[data-testid="graph-canvas"]');
    const ready =
      cy && canvas?.dataset.layout !== 'running' && Object.keys(positions).every((id) => cy.getElementById(id).nonempty());
    if (ready) {
      cy.batch(() => {
        for (const [id, p] of Object.entries(positions)) cy.getElementById(id).position({ x: p.x, y: p.y });
      });
      cy.fit(undefined, 40);
      return;
    }
    if (Date.now() - started < timeoutMs) window.setTimeout(tick, 120);
  };
  window.setTimeout(tick, 120);
}
