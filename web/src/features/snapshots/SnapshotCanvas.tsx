/**
 * The read-only map of a snapshot: Cytoscape with the page's stylesheet, every node where the snapshot
 * (or the current story step) puts it (no layout runs), state as classes from the model's `toElements`.
 * Created once, destroyed on unmount; a story step changes classes, moves nodes and frames its area.
 * Framing never zooms out so far that names drop under 11 px: on a small screen the reader pans.
 */
import { useEffect, useMemo, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { Core, EventObject } from 'cytoscape';
import type { Position, Viewport } from '../../../../schemas/index.js';
import { localName, toElements } from '../../model/index.js';
import { useWording } from '../../i18n/wording.js';
import type { Highlight, Selection, ViewGraph } from '../../model/index.js';
import { buildStylesheet } from '../../canvas/style.js';
import { exposeToTests } from '../../canvas/test-hook.js';

/** Names are 14 px at zoom 1: below this zoom they would be under 11 px on screen. */
export const READABLE_ZOOM = 11 / 14;

interface SnapshotCanvasProps {
  readonly view: ViewGraph;
  readonly positions: Readonly<Record<string, Position>>;
  readonly highlight: Highlight;
  readonly selection: Selection;
  /** Changes whenever the frame should move (a new step); the area to show, or everything. */
  readonly frame: { readonly key: number; readonly viewport?: Viewport | undefined; readonly ids: readonly string[] };
  readonly label: string;
  readonly onSelect: (selection: Selection) => void;
}

export function SnapshotCanvas({ view, positions, highlight, selection, frame, label, onSelect }: SnapshotCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  // Names and connection labels in the reader's language, as on the explorer's canvas.
  const words = useWording();
  const elements = useMemo(
    () => toElements(view, { highlight, selection, words, nameOf: (node) => localName(node, words.language ?? 'en') }),
    [view, highlight, selection, words],
  );

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: buildStylesheet({ readable: true }),
      layout: { name: 'preset' },
      minZoom: 0.1,
      maxZoom: 3,
      autounselectify: true,
      autoungrabify: true,
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    if (import.meta.env.MODE === 'e2e') exposeToTests(cy, true);
    const onTap = (event: EventObject) => {
      const target = event.target as Core | cytoscape.SingularElementArgument;
      if (target === cy) return onSelectRef.current(null);
      const element = target as cytoscape.SingularElementArgument;
      onSelectRef.current({ kind: element.isNode() ? 'node' : 'edge', id: element.id() });
    };
    // A phone turned, an embed resized: the map keeps filling its box.
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);
    cy.on('tap', onTap);
    return () => {
      resize.disconnect();
      cy.off('tap', onTap);
      if (import.meta.env.MODE === 'e2e') exposeToTests(cy, false);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      for (const element of elements) {
        const existing = cy.getElementById(element.data.id);
        if (existing.nonempty()) {
          existing.data(element.data);
          existing.classes(element.classes);
        } else {
          cy.add({
            group: element.group,
            data: { ...element.data },
            classes: element.classes,
            ...(element.group === 'nodes' ? { position: { ...(positions[element.data.id] ?? { x: 0, y: 0 }) } } : {}),
          });
        }
      }
    });
    // Positions are applied by their own effect; here only for nodes being added.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elements]);

  // A story step may move entities: they glide to where the step put them.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().forEach((node) => {
      const at = positions[node.id()];
      if (at && (node.position('x') !== at.x || node.position('y') !== at.y))
        node.animate({ position: { x: at.x, y: at.y } }, { duration: 400 });
    });
  }, [positions]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.resize();
    // Where nodes are going (a step may be moving them), not where they are this instant.
    const target = frame.viewport ?? boxOf(cy, frame.ids, positions);
    if (!target) return;
    // The whole area when it fits at a readable size; else readable, centred on what the step lights
    // up (on a phone the area of a step taken on a desktop is wider than the screen).
    const zoom = Math.min(cy.width() / target.width, cy.height() / target.height, cy.maxZoom());
    const readable = Math.max(zoom, Math.min(READABLE_ZOOM, cy.maxZoom()));
    const focus = readable > zoom && frame.ids.length > 0 ? (boxOf(cy, frame.ids, positions) ?? target) : target;
    const center = { x: focus.x + focus.width / 2, y: focus.y + focus.height / 2 };
    cy.stop();
    cy.animate(
      { zoom: readable, pan: { x: cy.width() / 2 - center.x * readable, y: cy.height() / 2 - center.y * readable } },
      { duration: 300 },
    );
    // Positions are read for where this frame's nodes will stand; their own changes move nodes above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frame]);

  return <div ref={containerRef} className="snapshot-canvas" data-testid="snapshot-canvas" role="img" aria-label={label} />;
}

/**
 * The area of these nodes (all when none is named) where they are going to stand, with a margin for
 * the shapes and their names.
 */
function boxOf(cy: Core, ids: readonly string[], positions: Readonly<Record<string, Position>>): Viewport | undefined {
  const nodes = ids.length > 0 ? cy.nodes().filter((n) => ids.includes(n.id())) : cy.nodes();
  const points = nodes.map((n) => positions[n.id()] ?? n.position());
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const margin = 90;
  const x = Math.min(...xs) - margin;
  const y = Math.min(...ys) - margin;
  return { x, y, width: Math.max(...xs) + margin - x, height: Math.max(...ys) + margin - y };
}
