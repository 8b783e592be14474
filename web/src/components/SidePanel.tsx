/** The right-hand region: details and evidence for whatever is selected, or how to get started. */
import { useEffect, useId, useRef } from 'react';
import type { Selection, ViewGraph } from '../model/index.js';
import { EdgeDetails } from './EdgeDetails.js';
import { NodeDetails } from './NodeDetails.js';
import type { NodeActions } from './NodeDetails.js';
import './SidePanel.css';

interface SidePanelProps extends NodeActions {
  readonly selection: Selection;
  readonly view: ViewGraph;
  readonly expandingId: string | undefined;
  readonly onSelectNode: (id: string) => void;
}

export function SidePanel({ selection, view, expandingId, onSelectNode, ...nodeActions }: SidePanelProps) {
  const headingId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new selection starts reading from the top, not wherever the previous one was scrolled to.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [selection]);

  const node = selection?.kind === 'node' ? view.nodes.get(selection.id) : undefined;
  const edge = selection?.kind === 'edge' ? view.edges.get(selection.id) : undefined;
  return (
    <section className="side-panel" aria-labelledby={headingId} data-testid="side-panel" ref={scrollRef}>
      {node && (
        <NodeDetails key={node.id} node={node} headingId={headingId} expanding={expandingId === node.id} {...nodeActions} />
      )}
      {edge && <EdgeDetails key={edge.id} edge={edge} view={view} headingId={headingId} onSelectNode={onSelectNode} />}
      {!node && !edge && <Intro headingId={headingId} />}
    </section>
  );
}

function Intro({ headingId }: { readonly headingId: string }) {
  return (
    <div className="details intro">
      <h2 id={headingId} className="details__title">
        Details &amp; evidence
      </h2>
      <p>Select a person, an organisation or a connection on the canvas to read what it is and the source quotes behind it.</p>
      <ul className="intro__tips">
        <li>
          <kbd>Double-click</kbd> a node to bring in its connections.
        </li>
        <li>
          <kbd>Shift</kbd> + click two nodes, then <strong>Find paths</strong>, to see how they are linked.
        </li>
        <li>Every line on the canvas is sourced: click it to read the quote.</li>
      </ul>
    </div>
  );
}
