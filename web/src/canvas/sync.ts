/**
 * Brings a live Cytoscape instance in line with the model's element list: removes what is gone, adds
 * what is new, and updates labels and classes in place so positions (the reader's mental map) survive.
 */
import type { Core, ElementDefinition, NodeCollection } from 'cytoscape';
import type { CanvasElement } from '../model/index.js';

export function syncElements(cy: Core, elements: readonly CanvasElement[]): NodeCollection {
  const wanted = new Map(elements.map((e) => [e.data.id, e]));
  let added = cy.collection();
  cy.batch(() => {
    cy.elements()
      .filter((ele) => !wanted.has(ele.id()))
      .remove();
    const fresh: ElementDefinition[] = [];
    for (const element of elements) {
      const existing = cy.getElementById(element.data.id);
      if (existing.empty()) {
        fresh.push({ group: element.group, data: { ...element.data }, classes: element.classes });
        continue;
      }
      if (dataChanged(existing.data() as Record<string, unknown>, element.data)) existing.data({ ...element.data });
      if (existing.classes().join(' ') !== element.classes) existing.classes(element.classes);
    }
    // Nodes before edges: the element list is ordered that way, and Cytoscape needs ends to exist.
    added = cy.add(fresh);
  });
  return added.nodes();
}

function dataChanged(current: Record<string, unknown>, next: CanvasElement['data']): boolean {
  return Object.entries(next).some(([key, value]) => current[key] !== value);
}
