/**
 * Runs the label pass (labels.ts) when the canvas has settled: after a layout, a zoom or pan, nodes
 * added or removed, a selection or highlight changing. Events are coalesced into one pass shortly
 * after the last of them; while a layout animates the pass waits for it. Large canvases (the
 * performance mode) keep Cytoscape's own `min-zoomed-font-size` instead: measuring thousands of
 * labels on every pan is what that mode exists to avoid.
 */
import type { Core, StylesheetJson } from 'cytoscape';
import { labelScale, placeLabels } from './labels.js';
import type { LabelScale } from './labels.js';
import { overlayBoxes } from './viewport.js';

const EVENTS = 'viewport resize add remove class data position';
/** Quiet time after the last change before labels are placed (one pass per gesture, not per frame). */
const SETTLE_MS = 60;
/** The scratch key `placeLabels` marks the elements it gave a style bypass with. */
const PLACED = '_labelBypass';

export class LabelPlacer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scale: LabelScale = { node: 1, edge: 1 };

  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement,
    private readonly stylesheet: (scale: LabelScale) => StylesheetJson,
    private readonly enabled: boolean,
  ) {
    if (!enabled) {
      container.dataset.labels = 'placed';
      return;
    }
    cy.on(EVENTS, this.schedule);
    this.schedule();
  }

  readonly schedule = (): void => {
    this.container.dataset.labels = 'pending';
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(this.run, SETTLE_MS);
  };

  private readonly run = (): void => {
    this.timer = undefined;
    if (this.cy.destroyed()) return;
    if (this.container.dataset.layout === 'running') return this.schedule();
    const scale = labelScale(this.cy.zoom());
    if (scale.node !== this.scale.node || scale.edge !== this.scale.edge) {
      this.scale = scale;
      this.cy.style(this.stylesheet(scale));
    }
    placeLabels(this.cy);
    this.hideUnderOverlays();
    this.container.dataset.labels = 'placed';
  };

  /**
   * A label the toolbar, the counter or a panel's fold tab would cover is hidden like one with no room
   * (the selection's name stays: Fit keeps it clear of them). Zooming or panning brings it back.
   */
  private hideUnderOverlays(): void {
    const overlays = overlayBoxes(this.container);
    if (overlays.length === 0) return;
    this.cy.batch(() => {
      this.cy.elements(':visible').forEach((ele) => {
        if (ele.hasClass('selected') || Number(ele.style('text-opacity')) === 0) return;
        const text = ele.style('label') as string | undefined;
        if (typeof text !== 'string' || text.trim() === '') return;
        const box = ele.renderedBoundingBox({
          includeNodes: false,
          includeEdges: false,
          includeLabels: true,
          includeOverlays: false,
        } as Parameters<typeof ele.renderedBoundingBox>[0]);
        if (!(box.w > 0)) return;
        const covered = overlays.some((o) => box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2);
        if (!covered) return;
        ele.style({ 'text-opacity': 0, 'text-background-opacity': 0 });
        ele.scratch(PLACED, true);
      });
    });
  }

  /**
   * Labels back at their zoom-1 size, for a layout about to measure them. Layouts make room for each
   * label as drawn; zoomed out, labels are drawn larger in graph units to stay readable on screen, so
   * a layout measuring those would spread the graph, the fit would zoom out further, labels grow
   * again: the top-down layout of 30 entities came out 14,000 units wide.
   */
  unscale(): void {
    if (!this.enabled) return;
    // The last pass's shifts (and hiding) go too: a shifted label widens its node's box as a layout sees it.
    this.cy.batch(() => {
      this.cy.elements().forEach((ele) => {
        if (!ele.scratch(PLACED)) return;
        ele.removeStyle('text-opacity text-background-opacity text-margin-x text-margin-y');
        ele.removeScratch(PLACED);
      });
    });
    if (this.scale.node === 1 && this.scale.edge === 1) return;
    this.scale = { node: 1, edge: 1 };
    this.cy.style(this.stylesheet(this.scale));
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.enabled) this.cy.off(EVENTS, this.schedule);
  }
}
