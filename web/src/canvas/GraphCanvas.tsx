/**
 * The one component that owns Cytoscape. It is created once on mount and destroyed on unmount; the
 * element list from the model is synced into it, and user gestures come back out as typed events.
 * Styling, layout and element syncing live in their own modules so this file stays about lifecycle.
 */
import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { KeyboardEvent, Ref, RefObject } from 'react';
import cytoscape from 'cytoscape';
import type { Core, EventObject, Layouts, NodeCollection, Position } from 'cytoscape';
import type { CanvasElement, FrameRequest, LayoutRequest } from '../model/index.js';
import type { CanvasHandlers } from './events.js';
import { registerExtensions } from './extensions.js';
import { buildStylesheet } from './style.js';
import { fitNicely, frameIds, runFull, runIncremental, seedPositions } from './layout.js';
import { syncElements } from './sync.js';
import { handleCanvasKey } from './keyboard.js';
import { rendererChoice, rendererOptions, tuningFor } from './renderer.js';
import { webglSupport } from './webgl.js';
import type { RenderTuning } from './renderer.js';

export interface GraphCanvasHandle {
  fit(): void;
  /** Pans to an element without changing the zoom, e.g. after picking a search result already shown. */
  reveal(id: string): void;
  /** Marks the selected node with its neighbours shown on the canvas (the toolbar's button; N does the same). */
  selectNeighbours(): void;
}

interface GraphCanvasProps {
  readonly elements: readonly CanvasElement[];
  /** Whole-graph layouts (toolbar, path results); adding nodes lays out incrementally on its own. */
  readonly layout: LayoutRequest;
  /** Elements to frame (a finding, a money flow) once whatever layout is running has settled. */
  readonly frame: FrameRequest;
  /** Locked in place: layouts (full and incremental) leave these nodes where they are. */
  readonly pinned: ReadonlySet<string>;
  readonly on: CanvasHandlers;
  readonly ref?: Ref<GraphCanvasHandle>;
  readonly label: string;
  /** Id of the element that says how to use the canvas by keyboard. */
  readonly describedBy?: string;
}

/** What survives rebuilding Cytoscape with another renderer: where everything was and the viewport. */
interface Snapshot {
  readonly positions: ReadonlyMap<string, Position>;
  readonly zoom: number;
  readonly pan: Position;
  readonly wasLayingOut: boolean;
}

registerExtensions();

export function GraphCanvas({ elements, layout, frame, pinned, on, ref, label, describedBy }: GraphCanvasProps) {
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
  const snapshotRef = useRef<Snapshot | undefined>(undefined);
  // The mount effect reads the latest elements and pins when it rebuilds, without depending on them.
  const elementsRef = useRef(elements);
  const pinnedRef = useRef(pinned);
  useEffect(() => {
    elementsRef.current = elements;
    pinnedRef.current = pinned;
  });
  const cyRef = useRef<Core | null>(null);
  const layoutRef = useRef<Layouts | undefined>(undefined);
  const layoutSeqRef = useRef(layout.seq);
  const frameSeqRef = useRef(frame.seq);
  // Framing waits for the layout: positions before it has run are only seeds.
  const pendingFrameRef = useRef<readonly string[] | undefined>(undefined);
  // Handlers change identity on every render; reading them through a ref keeps the cy listeners
  // bound once, which is what lets every cy.on below be paired with one cy.off.
  const onRef = useRef(on);
  useEffect(() => {
    onRef.current = on;
  });

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
    window.__interlockCy = cy;
    container.dataset.renderer = tuning.webgl ? 'webgl' : 'canvas';
    const snapshot = snapshotRef.current;
    snapshotRef.current = undefined;
    if (snapshot) {
      // Nodes that arrived in the very commit that crossed the threshold have no old position yet.
      const fresh = restore(cy, snapshot, elementsRef.current, pinnedRef.current);
      if (fresh.nonempty()) seedPositions(cy, fresh);
      if (fresh.nonempty() || snapshot.wasLayingOut)
        startLayout(container, layoutRef, cy, (c, done) => runIncremental(c, fresh, done), pendingFrameRef);
    }

    const onTap = (event: EventObject) => {
      const target = event.target as Core | cytoscape.SingularElementArgument;
      if (target === cy) return onRef.current.select(null);
      const element = target as cytoscape.SingularElementArgument;
      const shift = event.originalEvent instanceof MouseEvent && event.originalEvent.shiftKey;
      if (shift && element.isNode()) return onRef.current.pathPick({ id: element.id() });
      onRef.current.select({ kind: element.isNode() ? 'node' : 'edge', id: element.id() });
    };
    const onDoubleTap = (event: EventObject) => onRef.current.expand({ id: (event.target as cytoscape.NodeSingular).id() });
    const onOver = () => container.classList.add('is-pointing');
    const onOut = () => container.classList.remove('is-pointing');

    cy.on('tap', onTap);
    cy.on('dbltap', 'node', onDoubleTap);
    cy.on('mouseover', 'node, edge', onOver);
    cy.on('mouseout', 'node, edge', onOut);
    return () => {
      cy.off('tap', onTap);
      cy.off('dbltap', 'node', onDoubleTap);
      cy.off('mouseover', 'node, edge', onOver);
      cy.off('mouseout', 'node, edge', onOut);
      snapshotRef.current = {
        positions: new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const)),
        zoom: cy.zoom(),
        pan: { ...cy.pan() },
        wasLayingOut: container.dataset.layout === 'running',
      };
      // The layout running at unmount is the one to stop, not the one (if any) running at mount.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      layoutRef.current?.stop();
      if (window.__interlockCy === cy) delete window.__interlockCy;
      cy.destroy();
      cyRef.current = null;
    };
  }, [tuning]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const added = syncElements(cy, elements);
    if (added.empty()) return;
    seedPositions(cy, added);
    startLayout(containerRef.current, layoutRef, cy, (c, done) => runIncremental(c, added, done), pendingFrameRef);
  }, [elements]);

  // After the sync, so a node pinned in the same commit it arrives in is already there to lock.
  useEffect(() => {
    cyRef.current?.nodes().forEach((node) => void (pinned.has(node.id()) ? node.lock() : node.unlock()));
  }, [pinned, elements]);

  // Declared after the sync effect so, when both fire in one commit, the full layout wins.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || layout.seq === layoutSeqRef.current) return;
    layoutSeqRef.current = layout.seq;
    if (cy.nodes().nonempty())
      startLayout(containerRef.current, layoutRef, cy, (c, done) => runFull(c, layout, done), pendingFrameRef);
  }, [layout]);

  // Declared after both layout effects, so a layout started in the same commit is seen as running.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || frame.seq === frameSeqRef.current) return;
    frameSeqRef.current = frame.seq;
    pendingFrameRef.current = frame.ids;
    if (containerRef.current?.dataset.layout !== 'running') applyPendingFrame(cy, pendingFrameRef);
  }, [frame]);

  useImperativeHandle(
    ref,
    () => ({
      fit() {
        if (cyRef.current) fitNicely(cyRef.current);
      },
      reveal(id) {
        const element = cyRef.current?.getElementById(id);
        if (element?.nonempty()) cyRef.current?.animate({ center: { eles: element }, duration: 300 });
      },
      selectNeighbours() {
        if (cyRef.current) handleCanvasKey(cyRef.current, 'n', onRef.current);
      },
    }),
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target !== event.currentTarget) return;
    const cy = cyRef.current;
    if (cy && handleCanvasKey(cy, event.key, onRef.current)) event.preventDefault();
  };

  // An application region: it takes focus (Tab) and its own keys; the description says which.
  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      data-testid="graph-canvas"
      data-layout="idle"
      role="application"
      aria-roledescription="graph"
      aria-label={label}
      aria-describedby={describedBy}
      tabIndex={0}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * Puts a rebuilt Cytoscape where the previous one was: every element, each node at its old position,
 * the same zoom and pan, the same pins. Returns the nodes that had no position before.
 */
function restore(cy: Core, snapshot: Snapshot, elements: readonly CanvasElement[], pinned: ReadonlySet<string>): NodeCollection {
  const added: NodeCollection = syncElements(cy, elements);
  let fresh = cy.collection().nodes();
  cy.batch(() => {
    added.forEach((node) => {
      const at = snapshot.positions.get(node.id());
      if (at) node.position(at);
      else fresh = fresh.union(node);
      if (pinned.has(node.id())) node.lock();
    });
  });
  cy.viewport({ zoom: snapshot.zoom, pan: snapshot.pan });
  return fresh;
}

/**
 * Runs a layout and marks the container busy meanwhile: tests and the cursor wait on the DOM flag.
 * When it settles, a frame request that arrived during it is carried out.
 */
function startLayout(
  container: HTMLElement | null,
  layoutRef: RefObject<Layouts | undefined>,
  cy: Core,
  run: (cy: Core, done: () => void) => Layouts | undefined,
  pendingFrameRef: RefObject<readonly string[] | undefined>,
): void {
  if (!container) return;
  layoutRef.current?.stop();
  container.dataset.layout = 'running';
  layoutRef.current = run(cy, () => {
    applyPendingFrame(cy, pendingFrameRef);
    container.dataset.layout = 'idle';
  });
}

function applyPendingFrame(cy: Core, pendingFrameRef: RefObject<readonly string[] | undefined>): void {
  const ids = pendingFrameRef.current;
  pendingFrameRef.current = undefined;
  if (ids) frameIds(cy, ids);
}
