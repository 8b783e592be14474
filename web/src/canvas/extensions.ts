/**
 * Registers the layout extensions exactly once per page. Cytoscape warns (and older versions throw)
 * when an extension is registered twice, which hot module reload would otherwise do.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';

let registered = false;

export function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}
