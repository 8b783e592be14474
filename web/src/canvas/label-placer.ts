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

const EVENTS = 'viewport resize add remove class data position';
/** Quiet time after the last change before labels are placed (one pass per gesture, not per frame). */
const SETTLE_MS = 60;

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
    this.container.dataset.labels = 'placed';
  };

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.enabled) this.cy.off(EVENTS, this.schedule);
  }
}
