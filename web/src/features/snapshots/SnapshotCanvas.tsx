/**
 * The read-only map of a snapshot: Cytoscape with the page's stylesheet, every node where the snapshot
 * put it (no layout runs), state as classes from the model's `toElements`. Created once, destroyed on
 * unmount; a story step changes classes and frames its viewport.
 */
import { useEffect, useMemo, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { Core, EventObject } from 'cytoscape';
import type { Position, Viewport } from '../../../../schemas/index.js';
import { toElements } from '../../model/index.js';
import type { Highlight, Selection, ViewGraph } from '../../model/index.js';
import { buildStylesheet } from '../../canvas/style.js';

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
  const elements = useMemo(() => toElements(view, { highlight, selection }), [view, highlight, selection]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: buildStylesheet(),
      layout: { name: 'preset' },
      minZoom: 0.1,
      maxZoom: 3,
      autounselectify: true,
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    // The same handle the explorer's canvas exposes, so browser tests read positions the same way.
    window.__interlockCy = cy;
    const onTap = (event: EventObject) => {
      const target = event.target as Core | cytoscape.SingularElementArgument;
      if (target === cy) return onSelectRef.current(null);
      const element = target as cytoscape.SingularElementArgument;
      onSelectRef.current({ kind: element.isNode() ? 'node' : 'edge', id: element.id() });
    };
    cy.on('tap', onTap);
    return () => {
      cy.off('tap', onTap);
      if (window.__interlockCy === cy) delete window.__interlockCy;
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
  }, [elements, positions]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.resize();
    if (frame.viewport) {
      const { x, y, width, height } = frame.viewport;
      const zoom = Math.min(cy.width() / width, cy.height() / height, cy.maxZoom());
      cy.animate(
        { zoom, pan: { x: cy.width() / 2 - (x + width / 2) * zoom, y: cy.height() / 2 - (y + height / 2) * zoom } },
        { duration: 300 },
      );
      return;
    }
    const focus = frame.ids.reduce((all, id) => all.union(cy.getElementById(id)), cy.collection());
    cy.animate({ fit: { eles: focus.nonempty() ? focus : cy.elements(), padding: 50 } }, { duration: 300 });
  }, [frame]);

  return <div ref={containerRef} className="snapshot-canvas" data-testid="snapshot-canvas" role="img" aria-label={label} />;
}
