/**
 * The one component that owns Cytoscape. It is created once on mount and destroyed on unmount; the
 * element list from the model is synced into it, and user gestures come back out as typed events.
 * Styling, layout and element syncing live in their own modules so this file stays about lifecycle.
 */
import { useEffect, useImperativeHandle, useRef } from 'react';
import type { Ref, RefObject } from 'react';
import cytoscape from 'cytoscape';
import type { Core, EventObject, Layouts } from 'cytoscape';
import type { CanvasElement, FrameRequest, LayoutRequest } from '../model/index.js';
import type { CanvasHandlers } from './events.js';
import { registerExtensions } from './extensions.js';
import { buildStylesheet } from './style.js';
import { fitNicely, frameIds, runFull, runIncremental, seedPositions } from './layout.js';
import { syncElements } from './sync.js';

export interface GraphCanvasHandle {
  fit(): void;
  /** Pans to an element without changing the zoom, e.g. after picking a search result already shown. */
  reveal(id: string): void;
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
}

registerExtensions();

export function GraphCanvas({ elements, layout, frame, pinned, on, ref, label }: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
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
      style: buildStylesheet(),
      minZoom: 0.15,
      maxZoom: 3,
      // Selection is owned by the model (the "selected" class), not by Cytoscape's own state.
      autounselectify: true,
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    window.__interlockCy = cy;

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
      // The layout running at unmount is the one to stop, not the one (if any) running at mount.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      layoutRef.current?.stop();
      if (window.__interlockCy === cy) delete window.__interlockCy;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const added = syncElements(cy, elements);
    if (added.empty()) return;
    seedPositions(cy, added);
    startLayout(containerRef.current, layoutRef, cy, runIncremental, pendingFrameRef);
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
    }),
    [],
  );

  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      data-testid="graph-canvas"
      data-layout="idle"
      role="img"
      aria-label={label}
    />
  );
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
