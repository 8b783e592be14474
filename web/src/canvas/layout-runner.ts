/**
 * One layout at a time on a canvas: starting one stops the one before; a cancelled one stops without
 * reporting (the model is about to put the nodes elsewhere); one that finishes fits the view, frames
 * what was asked to be framed meanwhile, and reports where everything now stands. The container's
 * `data-layout` says whether one is running (the cursor shows it; browser tests wait on it).
 */
import type { Core, Layouts } from 'cytoscape';
import type { Positions } from '../model/index.js';
import { fitNicely, frameIds } from './layout.js';
import { positionsOf } from './viewport.js';

interface Running {
  layout: Layouts | undefined;
  cancelled: boolean;
}

export class LayoutRunner {
  private running: Running | undefined;
  /** Elements to frame once the running layout has settled (positions before it are only seeds). */
  private pendingFrame: readonly string[] | undefined;
  /** Runs before each layout (the canvas puts labels back at their zoom-1 size for it to measure). */
  private beforeRun: (() => void) | undefined;

  get busy(): boolean {
    return this.running !== undefined;
  }

  start(
    cy: Core,
    container: HTMLElement,
    run: (cy: Core, done: () => void) => Layouts | undefined,
    onSettled: (positions: Positions) => void,
  ): void {
    this.cancel(container);
    container.dataset.layout = 'running';
    const running: Running = { layout: undefined, cancelled: false };
    this.running = running;
    this.beforeRun?.();
    const done = () => {
      if (running.cancelled) return;
      this.running = undefined;
      fitNicely(cy);
      this.applyFrame(cy);
      container.dataset.layout = 'idle';
      onSettled(positionsOf(cy));
    };
    running.layout = run(cy, done);
  }

  /** What to do before each layout starts; undefined for nothing. */
  setBeforeRun(prepare: (() => void) | undefined): void {
    this.beforeRun = prepare;
  }

  cancel(container: HTMLElement | null): void {
    const running = this.running;
    if (!running) return;
    running.cancelled = true;
    this.running = undefined;
    running.layout?.stop();
    if (container) container.dataset.layout = 'idle';
  }

  /** Frames these elements now, or when the running layout settles. */
  frame(cy: Core, ids: readonly string[]): void {
    this.pendingFrame = ids;
    if (!this.running) this.applyFrame(cy);
  }

  private applyFrame(cy: Core): void {
    const ids = this.pendingFrame;
    this.pendingFrame = undefined;
    if (ids) frameIds(cy, ids);
  }
}
