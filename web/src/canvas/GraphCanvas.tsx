/**
 * The one component that owns Cytoscape. It is created once on mount (again when the renderer must
 * change) and destroyed on unmount. The model's elements, pins, positions and viewport flow in as
 * props; gestures and what the canvas settles on (positions after a layout or a drag, the viewport)
 * flow out as typed events. Entities the model has a position for are put there; the others are set
 * down near their neighbours and laid out. Styling, layout, element syncing and the viewport live in
 * their own modules so this file stays about lifecycle.
 */
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import cytoscape from 'cytoscape';
import type { Core, EventObject, NodeCollection, NodeSingular } from 'cytoscape';
import type { CanvasElement, CanvasViewport, FrameRequest, LayoutRequest, Position, Positions } from '../model/index.js';
import type { CanvasHandlers } from './events.js';
import { registerExtensions } from './extensions.js';
import { buildStylesheet } from './style.js';
import { fitNicely, runFull, runIncremental, seedPositions } from './layout.js';
import { LayoutRunner } from './layout-runner.js';
import { syncElements } from './sync.js';
import { handleCanvasKey } from './keyboard.js';
import { rendererChoice, rendererOptions, tuningFor } from './renderer.js';
import type { RenderTuning } from './renderer.js';
import { webglSupport } from './webgl.js';
import { applyViewport, changedPositions, showsViewport, viewportOf } from './viewport.js';
import type { CanvasPort } from './port.js';
import { exposeToTests } from './test-hook.js';
import { LabelPlacer } from './label-placer.js';

interface GraphCanvasProps {
  readonly elements: readonly CanvasElement[];
  /** Whole-graph layouts (toolbar, path results); adding nodes lays out incrementally on its own. */
  readonly layout: LayoutRequest;
  /** Elements to frame (a finding, a money flow) once whatever layout is running has settled. */
  readonly frame: FrameRequest;
  /** Locked in place: layouts (full and incremental) leave these nodes where they are. */
  readonly pinned: ReadonlySet<string>;
  /** Where the model says each entity stands; a change made to it (undo, a link, a story step) moves them. */
  readonly positions: Positions;
  /** The viewport the model holds; a change made to it (a link, a story step) moves the view. */
  readonly viewport: CanvasViewport | undefined;
  readonly on: CanvasHandlers;
  /** Receives the canvas's port when it is ready, and null when it goes. */
  readonly port: (port: CanvasPort | null) => void;
  readonly label: string;
  /** Id of the element that says how to use the canvas by keyboard. */
  readonly describedBy?: string;
}

registerExtensions();

export function GraphCanvas({
  elements,
  layout,
  frame,
  pinned,
  positions,
  viewport,
  on,
  port,
  label,
  describedBy,
}: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  // The renderer is picked by size (or forced by ?renderer=); crossing a threshold rebuilds Cytoscape.
  const [environment] = useState(() => {
    const choice = rendererChoice(window.location.search);
    const support = webglSupport();
    // Asked for by name, any WebGL 2 will do; chosen by size, only a GPU's (software GL is slower).
    return { choice, webgl: choice === 'webgl' ? support !== 'none' : support === 'hardware' };
  });
  const [tuning, setTuning] = useState<RenderTuning>(() => tuningFor(environment.choice, elements.length, environment.webgl));
  // Adjusted while rendering (React's pattern for state derived from props): the rebuild effect
  // below then runs once, in the same commit as the elements that crossed the threshold.
  const wanted = tuningFor(environment.choice, elements.length, environment.webgl, tuning);
  if (wanted.large !== tuning.large || wanted.webgl !== tuning.webgl) setTuning(wanted);

  // The mount effect reads the latest props when it (re)builds, without depending on them.
  const latest = useRef({ elements, pinned, positions, viewport, on, port });
  useEffect(() => {
    latest.current = { elements, pinned, positions, viewport, on, port };
  });
  const cyRef = useRef<Core | null>(null);
  const [layouts] = useState(() => new LayoutRunner());
  const layoutSeqRef = useRef(layout.seq);
  const frameSeqRef = useRef(frame.seq);
  // What the model said last, to tell its own changes from the canvas's reports coming back.
  const seenPositionsRef = useRef(positions);
  const seenViewportRef = useRef(viewport);
  // Reports wait for the next frame, so panning or dragging sends one a frame rather than one a move.
  const pendingReportRef = useRef<{ frame: number; moved: Map<string, Position>; viewport: boolean } | undefined>(undefined);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: buildStylesheet(tuning),
      minZoom: 0.05,
      maxZoom: 3,
      // Selection is owned by the model (the "selected" class), not by Cytoscape's own state.
      autounselectify: true,
      boxSelectionEnabled: false,
      ...(rendererOptions(tuning) as cytoscape.CytoscapeOptions),
    });
    cyRef.current = cy;
    if (import.meta.env.MODE === 'e2e') exposeToTests(cy, true);
    container.dataset.renderer = tuning.webgl ? 'webgl' : 'canvas';
    const labels = new LabelPlacer(cy, container, (scale) => buildStylesheet(tuning, scale), !tuning.large);
    layouts.setBeforeRun(() => labels.unscale());
    const { elements: now, viewport: view } = latest.current;
    seenPositionsRef.current = latest.current.positions;
    seenViewportRef.current = view;
    const fresh = place(cy, syncElements(cy, now), latest.current.positions);
    lockPinned(cy, latest.current.pinned);
    if (view && view.zoom > 0) applyViewport(cy, view);
    const settled = (positions: Positions) => latest.current.on.settled({ positions });
    if (fresh.nonempty()) {
      seedPositions(cy, fresh);
      layouts.start(cy, container, (c, done) => runIncremental(c, fresh, done), settled);
    } else if (!view && cy.nodes().nonempty()) fitNicely(cy);

    const report = () => {
      const pending = pendingReportRef.current;
      if (!pending) return;
      pendingReportRef.current = undefined;
      cancelAnimationFrame(pending.frame);
      if (pending.moved.size > 0) latest.current.on.moved({ positions: pending.moved });
      if (pending.viewport) latest.current.on.viewport(viewportOf(cy));
    };
    const schedule = (change: { moved?: NodeSingular; viewport?: boolean }) => {
      const pending = pendingReportRef.current ?? { frame: requestAnimationFrame(report), moved: new Map(), viewport: false };
      if (change.moved) pending.moved.set(change.moved.id(), { ...change.moved.position() });
      if (change.viewport) pending.viewport = true;
      pendingReportRef.current = pending;
    };

    const onTap = (event: EventObject) => {
      const target = event.target as Core | cytoscape.SingularElementArgument;
      if (target === cy) return latest.current.on.select(null);
      const element = target as cytoscape.SingularElementArgument;
      const shift = event.originalEvent instanceof MouseEvent && event.originalEvent.shiftKey;
      if (shift && element.isNode()) return latest.current.on.pathPick({ id: element.id() });
      latest.current.on.select({ kind: element.isNode() ? 'node' : 'edge', id: element.id() });
    };
    const onDoubleTap = (event: EventObject) => latest.current.on.expand({ id: (event.target as NodeSingular).id() });
    const onOver = () => container.classList.add('is-pointing');
    const onOut = () => container.classList.remove('is-pointing');
    const onDragFree = (event: EventObject) => schedule({ moved: event.target as NodeSingular });
    const onViewport = () => schedule({ viewport: true });

    // The canvas changes size (a window, a phone's sheet opening below it): keep what was in the middle there.
    const resize = new ResizeObserver(() => {
      const before = viewportOf(cy);
      cy.resize();
      if (before.width > 0 && before.height > 0) applyViewport(cy, before);
    });
    resize.observe(container);
    cy.on('tap', onTap);
    cy.on('dbltap', 'node', onDoubleTap);
    cy.on('mouseover', 'node, edge', onOver);
    cy.on('mouseout', 'node, edge', onOut);
    cy.on('dragfree', 'node', onDragFree);
    cy.on('viewport resize', onViewport);
    // The model learns the canvas's size (and so the area in view) from the start.
    schedule({ viewport: true });
    latest.current.port({
      fit: () => fitNicely(cy),
      reveal: (id) => {
        const element = cy.getElementById(id);
        if (element.nonempty()) cy.animate({ center: { eles: element }, duration: 300 });
      },
      flush: report,
    });
    return () => {
      resize.disconnect();
      layouts.setBeforeRun(undefined);
      labels.dispose();
      latest.current.port(null);
      cy.off('tap', onTap);
      cy.off('dbltap', 'node', onDoubleTap);
      cy.off('mouseover', 'node, edge', onOver);
      cy.off('mouseout', 'node, edge', onOut);
      cy.off('dragfree', 'node', onDragFree);
      cy.off('viewport resize', onViewport);
      report();
      layouts.cancel(container);
      if (import.meta.env.MODE === 'e2e') exposeToTests(cy, false);
      cy.destroy();
      cyRef.current = null;
    };
    // Everything else the build reads comes through `latest`; only a new renderer rebuilds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tuning]);

  const settled = (positions: Positions) => latest.current.on.settled({ positions });

  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const fresh = place(cy, syncElements(cy, elements), positions);
    if (fresh.empty()) return;
    seedPositions(cy, fresh);
    layouts.start(cy, container, (c, done) => runIncremental(c, fresh, done), settled);
    // Positions are read for the nodes just added; their own changes are the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elements]);

  // After the sync, so a node pinned in the same commit it arrives in is already there to lock.
  useEffect(() => {
    if (cyRef.current) lockPinned(cyRef.current, pinned);
  }, [pinned, elements]);

  // The model moved entities itself (undo, a link, a story step): put them there.
  useEffect(() => {
    const cy = cyRef.current;
    const changed = changedPositions(seenPositionsRef.current, positions);
    seenPositionsRef.current = positions;
    if (!cy || changed.size === 0) return;
    const moves = [...changed].filter(([id, at]) => {
      const node = cy.getElementById(id);
      return node.nonempty() && (Math.abs(node.position('x') - at.x) > 0.01 || Math.abs(node.position('y') - at.y) > 0.01);
    });
    if (moves.length === 0) return;
    layouts.cancel(containerRef.current);
    cy.batch(() => {
      for (const [id, at] of moves) {
        const node = cy.getElementById(id);
        // A pinned node is moved by the model too (undo of a drag); it stays pinned where it lands.
        const locked = node.locked();
        if (locked) node.unlock();
        node.position({ x: at.x, y: at.y });
        if (locked) node.lock();
      }
    });
  }, [positions, layouts]);

  // The model moved the view itself (a link, a story step): show it.
  useEffect(() => {
    const cy = cyRef.current;
    const before = seenViewportRef.current;
    seenViewportRef.current = viewport;
    if (!cy || !viewport || viewport === before || viewport.zoom <= 0 || showsViewport(cy, viewport)) return;
    if (before && before.zoom === viewport.zoom && before.center.x === viewport.center.x && before.center.y === viewport.center.y)
      return;
    cy.stop();
    applyViewport(cy, viewport);
  }, [viewport]);

  // Declared after the sync effect so, when both fire in one commit, the full layout wins.
  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container || layout.seq === layoutSeqRef.current) return;
    layoutSeqRef.current = layout.seq;
    if (cy.nodes().nonempty()) layouts.start(cy, container, (c, done) => runFull(c, layout, done), settled);
    // Only a new request (seq) runs a layout; the mode alone is what the toolbar shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout]);

  // Declared after both layout effects, so a layout started in the same commit is seen as running.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || frame.seq === frameSeqRef.current) return;
    frameSeqRef.current = frame.seq;
    layouts.frame(cy, frame.ids);
  }, [frame, layouts]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target !== event.currentTarget) return;
    const cy = cyRef.current;
    if (cy && handleCanvasKey(cy, event.key, on)) event.preventDefault();
  };

  // An application region: it takes focus (Tab) and its own keys; the description says which.
  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      id="graph-canvas"
      data-testid="graph-canvas"
      data-layout="idle"
      data-labels="pending"
      role="application"
      aria-roledescription="graph"
      aria-label={label}
      aria-describedby={describedBy}
      tabIndex={0}
      onKeyDown={onKeyDown}
    />
  );
}

/** Puts newly added nodes where the model has them; returns those it has no position for (to lay out). */
function place(cy: Core, added: NodeCollection, positions: Positions): NodeCollection {
  let fresh = cy.collection().nodes();
  cy.batch(() => {
    added.forEach((node) => {
      const at = positions.get(node.id());
      if (at) node.position({ x: at.x, y: at.y });
      else fresh = fresh.union(node);
    });
  });
  return fresh;
}

function lockPinned(cy: Core, pinned: ReadonlySet<string>): void {
  cy.nodes().forEach((node) => void (pinned.has(node.id()) ? node.lock() : node.unlock()));
}
