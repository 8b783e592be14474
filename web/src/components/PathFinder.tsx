/** Left-rail tool: pick two entities, find the shortest chains between them, read each hop. */
import type { PathPreset, PathState, ViewGraph } from '../model/index.js';
import { edgeLabel, nodeName, pathHops } from '../model/index.js';
import { KindIcon } from './KindIcon.js';
import './PathFinder.css';

interface PathFinderProps {
  readonly path: PathState;
  readonly view: ViewGraph;
  readonly searching: boolean;
  readonly onFind: () => void;
  readonly onClear: () => void;
  readonly onSwap: () => void;
  readonly onMaxHops: (n: number) => void;
  readonly onPreset: (only: PathPreset) => void;
  readonly onFocusPath: (index: number | undefined) => void;
  readonly onSelectEdge: (id: string) => void;
}

const PRESETS: readonly (readonly [PathPreset, string])[] = [
  ['all', 'Any shown connection'],
  ['money', 'Money only'],
  ['data', 'Data only'],
];

export function PathFinder({
  path,
  view,
  searching,
  onFind,
  onClear,
  onSwap,
  onMaxHops,
  onPreset,
  onFocusPath,
  onSelectEdge,
}: PathFinderProps) {
  const ready = path.from !== undefined && path.to !== undefined;
  const result = path.result;
  return (
    <section className="rail-section paths" aria-labelledby="paths-heading" data-testid="path-finder">
      <h2 id="paths-heading" className="rail-heading">
        Paths
      </h2>
      <div className="paths__ends">
        <End label="From" id={path.from} view={view} />
        <button
          type="button"
          className="icon-button"
          onClick={onSwap}
          disabled={!path.from && !path.to}
          aria-label="Swap start and end"
        >
          ⇅
        </button>
        <End label="To" id={path.to} view={view} />
      </div>
      <label className="paths__hops">
        Up to
        <select value={path.maxHops} onChange={(e) => onMaxHops(Number(e.target.value))}>
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        hops
      </label>
      <fieldset className="paths__preset">
        <legend className="visually-hidden">Connections a path may use</legend>
        {PRESETS.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="path-preset"
              value={value}
              checked={(path.only ?? 'all') === value}
              onChange={() => onPreset(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="paths__controls">
        <button type="button" className="button button--primary" onClick={onFind} disabled={!ready || searching}>
          {searching ? 'Searching…' : 'Find paths'}
        </button>
        <button type="button" className="button button--quiet" onClick={onClear} disabled={!path.from && !path.to && !result}>
          Clear path
        </button>
      </div>
      {result && (
        <div className="paths__result" aria-live="polite" data-testid="path-result">
          {result.paths.length === 0 ? (
            <p className="paths__none">No path within {result.maxHops} hops.</p>
          ) : (
            <>
              <p className="paths__summary">
                {result.paths.length === 1 ? 'Shortest path' : `${result.paths.length} shortest paths · hover one to isolate it`}
              </p>
              <ol className="paths__list">
                {result.paths.map((p, i) => (
                  <li
                    key={p.edgeIds.join('>')}
                    className={path.focus === i ? 'path path--focused' : 'path'}
                    onMouseEnter={() => onFocusPath(i)}
                    onMouseLeave={() => onFocusPath(undefined)}
                    onFocus={() => onFocusPath(i)}
                    onBlur={() => onFocusPath(undefined)}
                  >
                    <p className="path__title">
                      Path {i + 1} <span className="muted">· {p.edgeIds.length} hops</span>
                    </p>
                    <ol className="hops">
                      {pathHops(p, view).map((hop) => (
                        <li key={hop.edgeId} className="hop">
                          <span className="hop__node" dir="auto">
                            {nodeName(view, hop.from)}
                          </span>
                          <button
                            type="button"
                            className="hop__edge"
                            onClick={() => onSelectEdge(hop.edgeId)}
                            title="Read this step's evidence"
                          >
                            <span className="hop__arrow" aria-label={hop.forward ? 'forward' : 'against the arrow'}>
                              {hop.forward ? '↓' : '↑'}
                            </span>
                            <span className="hop__label">
                              {hop.edge ? edgeLabel(hop.edge, view.nodes) : hop.edgeId}
                              {hop.edge?.citations[0] && <span className="hop__locator"> · {hop.edge.citations[0].locator}</span>}
                            </span>
                          </button>
                        </li>
                      ))}
                      <li className="hop hop--last">
                        <span className="hop__node" dir="auto">
                          {nodeName(view, p.nodeIds[p.nodeIds.length - 1] ?? '')}
                        </span>
                      </li>
                    </ol>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
      {!result && !ready && (
        <p className="rail-hint">
          Shift-click two nodes, or use “Path from here” and “Path to here” in the details panel. Paths follow the connection
          kinds switched on in the legend.
        </p>
      )}
    </section>
  );
}

function End({ label, id, view }: { readonly label: string; readonly id: string | undefined; readonly view: ViewGraph }) {
  const node = id ? view.nodes.get(id) : undefined;
  return (
    <div className="paths__end">
      <span className="paths__end-label">{label}</span>
      {node ? (
        <span className="paths__end-name" dir="auto">
          <KindIcon kind={node.kind} size={14} /> {node.name}
        </span>
      ) : (
        <span className="paths__end-empty">not set</span>
      )}
    </div>
  );
}
