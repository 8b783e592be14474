/**
 * The canvas by keyboard: arrow keys move the selection to the neighbour lying that way on screen,
 * Enter opens its details, E expands it, N selects it with its neighbours, Escape lets go. The
 * choice of neighbour is the model's (`neighbourInDirection`); this module only reads positions.
 */
import type { Core, EdgeSingular, NodeCollection, NodeSingular } from 'cytoscape';
import { neighbourInDirection } from '../model/index.js';
import type { Direction } from '../model/index.js';
import type { CanvasHandlers } from './events.js';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** Handles a key pressed on the canvas; true when it was one of ours (the caller prevents the default). */
export function handleCanvasKey(cy: Core, key: string, on: CanvasHandlers): boolean {
  const selectedNode = cy.nodes('.selected:visible').first();
  const selectedEdge = cy.edges('.selected:visible').first();
  const direction = ARROWS[key];
  if (direction) {
    const next = nextNode(cy, selectedNode, selectedEdge, direction);
    if (next) {
      on.select({ kind: 'node', id: next.id() });
      keepInView(cy, next);
    }
    return true;
  }
  if (key === 'Enter') {
    if (selectedNode.nonempty() || selectedEdge.nonempty()) on.open({});
    return true;
  }
  if (key === 'Escape') {
    on.clear({});
    return true;
  }
  const lower = key.toLowerCase();
  if ((lower === 'e' || key === '+') && selectedNode.nonempty()) {
    on.expand({ id: selectedNode.id() });
    return true;
  }
  if (lower === 'n' && selectedNode.nonempty()) {
    const neighbours = selectedNode.neighborhood('node:visible').map((n) => n.id());
    on.selectNeighbours({ id: selectedNode.id(), neighbours });
    return true;
  }
  return false;
}

/**
 * From a selected node, the neighbour that way; from a selected edge, the end that way; with nothing
 * selected, the node nearest the middle of the view (where the reader is looking).
 */
function nextNode(cy: Core, node: NodeSingular, edge: EdgeSingular, direction: Direction): NodeSingular | undefined {
  const candidatesOf = (eles: NodeCollection) => eles.map((n) => ({ id: n.id(), position: n.renderedPosition() }));
  if (node.nonempty()) {
    const id = neighbourInDirection(node.renderedPosition(), candidatesOf(node.neighborhood('node:visible')), direction);
    return id === undefined ? undefined : cy.getElementById(id);
  }
  if (edge.nonempty()) {
    const ends = edge.connectedNodes(':visible');
    const id = neighbourInDirection(edge.renderedMidpoint(), candidatesOf(ends), direction);
    return id === undefined ? undefined : cy.getElementById(id);
  }
  const visible = cy.nodes(':visible');
  if (visible.empty()) return undefined;
  const middle = { x: cy.width() / 2, y: cy.height() / 2 };
  const distance = (n: NodeSingular) => Math.hypot(n.renderedPosition().x - middle.x, n.renderedPosition().y - middle.y);
  return visible.min(distance).ele;
}

/** Pans (without zooming) when the newly selected node is off screen or under the edge of the view. */
function keepInView(cy: Core, node: NodeSingular): void {
  const { x, y } = node.renderedPosition();
  const margin = 60;
  if (x < margin || y < margin || x > cy.width() - margin || y > cy.height() - margin) {
    cy.animate({ center: { eles: node }, duration: 200 });
  }
}
