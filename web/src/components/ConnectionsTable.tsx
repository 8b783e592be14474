/** The table alternative to the canvas: every connection shown, as rows a screen reader can walk. */
import type { ViewGraph } from '../model/index.js';
import { edgeLabel, formatPeriod, nodeName } from '../model/index.js';
import './ConnectionsTable.css';

interface ConnectionsTableProps {
  readonly view: ViewGraph;
  readonly onSelectEdge: (id: string) => void;
}

export function ConnectionsTable({ view, onSelectEdge }: ConnectionsTableProps) {
  const edges = [...view.edges.values()];
  return (
    <div className="table-view">
      <table>
        <caption>
          {view.nodes.size} entities and {edges.length} connections on the canvas
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Connection</th>
            <th scope="col">To</th>
            <th scope="col">Period</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((edge) => (
            <tr key={edge.id}>
              <td dir="auto">{nodeName(view, edge.source)}</td>
              <td>
                <button type="button" className="link-button" onClick={() => onSelectEdge(edge.id)}>
                  {edgeLabel(edge, view.nodes)}
                </button>
              </td>
              <td dir="auto">{nodeName(view, edge.target)}</td>
              <td>{formatPeriod(edge) || '—'}</td>
              <td>{[...new Set(edge.citations.map((c) => c.locator))].join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
