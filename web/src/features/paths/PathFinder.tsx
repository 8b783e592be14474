/**
 * Left-rail tool: pick two entities, choose how far and along which kinds of connection to look,
 * find the shortest chains between them, and read them one at a time, each hop with its evidence.
 */
import { useTranslation } from 'react-i18next';
import { RELATIONSHIP_TYPES } from '../../../../schemas/index.js';
import type { GraphNode, RelationshipCategory, RelationshipType } from '../../../../schemas/index.js';
import type { PathPreset, PathState, ViewGraph } from '../../model/index.js';
import { edgeLabel, pathHops, pathTypes } from '../../model/index.js';
import { useWording } from '../../i18n/wording.js';
import { EntityPicker } from '../editing/EntityPicker.js';
import { useState } from 'react';
import './PathFinder.css';

interface PathFinderProps {
  readonly path: PathState;
  readonly view: ViewGraph;
  readonly searching: boolean;
  /** Categories the legend hides, which "any shown connection" leaves out. */
  readonly hiddenCategories: ReadonlySet<RelationshipCategory>;
  readonly nameOf: (node: GraphNode) => string;
  readonly onFind: () => void;
  readonly onClear: () => void;
  readonly onSwap: () => void;
  readonly onMaxHops: (n: number) => void;
  readonly onPreset: (only: PathPreset) => void;
  readonly onToggleType: (type: RelationshipType) => void;
  readonly onFocusPath: (index: number | undefined) => void;
  readonly onSelectEdge: (id: string) => void;
  /** An end chosen by typing its name (it need not be on the canvas yet). */
  readonly onChooseEnd: (end: 'from' | 'to', id: string) => void;
}

const PRESETS: readonly PathPreset[] = ['all', 'money', 'data', 'custom'];

export function PathFinder({
  path,
  view,
  searching,
  hiddenCategories,
  nameOf,
  onFind,
  onClear,
  onSwap,
  onMaxHops,
  onPreset,
  onToggleType,
  onFocusPath,
  onSelectEdge,
  onChooseEnd,
}: PathFinderProps) {
  const { t } = useTranslation();
  const words = useWording();
  const allowed = new Set(pathTypes(path, hiddenCategories));
  const ready = path.from !== undefined && path.to !== undefined && allowed.size > 0;
  const result = path.result;
  const name = (id: string) => {
    const node = view.nodes.get(id);
    return node ? nameOf(node) : id;
  };
  return (
    <section className="rail-section paths" aria-labelledby="paths-heading" data-testid="path-finder">
      <h2 id="paths-heading" className="rail-heading">
        {t('paths.title')}
      </h2>
      <div className="paths__ends">
        <End label={t('paths.from')} id={path.from} view={view} nameOf={nameOf} onChoose={(id) => onChooseEnd('from', id)} />
        <button
          type="button"
          className="icon-button"
          onClick={onSwap}
          disabled={!path.from && !path.to}
          aria-label={t('paths.swap')}
        >
          ⇅
        </button>
        <End label={t('paths.to')} id={path.to} view={view} nameOf={nameOf} onChoose={(id) => onChooseEnd('to', id)} />
      </div>
      <label className="paths__hops">
        {t('paths.upTo')}
        <select value={path.maxHops} onChange={(e) => onMaxHops(Number(e.target.value))} data-testid="max-hops">
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {t('paths.hops')}
      </label>
      <fieldset className="paths__preset">
        <legend className="visually-hidden">{t('paths.allowed')}</legend>
        {PRESETS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="path-preset"
              value={value}
              checked={(path.only ?? 'all') === value}
              onChange={() => onPreset(value)}
            />
            {t(`paths.presets.${value}`)}
          </label>
        ))}
      </fieldset>
      <details className="paths__types" open={path.only === 'custom'}>
        <summary>{t('paths.chooseTypes')}</summary>
        <fieldset data-testid="path-types">
          <legend className="visually-hidden">{t('paths.chooseTypes')}</legend>
          {RELATIONSHIP_TYPES.map((type) => (
            <label key={type} className="fact-filters__check">
              <input type="checkbox" checked={allowed.has(type)} onChange={() => onToggleType(type)} />
              {words.type(type).toLocaleLowerCase()}
            </label>
          ))}
        </fieldset>
      </details>
      {allowed.size === 0 && <p className="rail-hint">{t('paths.noTypes')}</p>}
      <div className="paths__controls">
        <button type="button" className="button button--primary" onClick={onFind} disabled={!ready || searching}>
          {searching ? t('paths.searching') : t('paths.find')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClear} disabled={!path.from && !path.to && !result}>
          {t('paths.clear')}
        </button>
      </div>
      {result && (
        <div className="paths__result" aria-live="polite" data-testid="path-result">
          {result.paths.length === 0 ? (
            <p className="paths__none">{t('paths.none', { count: result.maxHops })}</p>
          ) : (
            <>
              <p className="paths__summary">
                {result.paths.length === 1 ? t('paths.shortest') : t('paths.several', { count: result.paths.length })}
                {path.focus !== undefined && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => onFocusPath(undefined)}>
                      {t('paths.showAll')}
                    </button>
                  </>
                )}
              </p>
              <ol className="paths__list">
                {result.paths.map((p, i) => (
                  <li key={p.edgeIds.join('>')} className={path.focus === i ? 'path path--focused' : 'path'} data-testid="path">
                    <p className="path__title">
                      {/* One path at a time: the chosen one stays lit until another (or all) is chosen. */}
                      <button
                        type="button"
                        className="path__pick"
                        aria-pressed={path.focus === i}
                        onClick={() => onFocusPath(path.focus === i ? undefined : i)}
                      >
                        {t('paths.path', { n: i + 1 })}{' '}
                        <span className="muted">· {t('paths.hopCount', { count: p.edgeIds.length })}</span>
                      </button>
                    </p>
                    <ol className="hops">
                      {pathHops(p, view).map((hop) => (
                        <li key={hop.edgeId} className="hop">
                          <span className="hop__node" dir="auto">
                            {name(hop.from)}
                          </span>
                          <button
                            type="button"
                            className="hop__edge"
                            onClick={() => onSelectEdge(hop.edgeId)}
                            title={t('paths.readStep')}
                          >
                            <span className="hop__arrow" aria-label={hop.forward ? t('paths.forward') : t('paths.against')}>
                              {hop.forward ? '↓' : '↑'}
                            </span>
                            <span className="hop__label">
                              {hop.edge ? edgeLabel(hop.edge, view.nodes, { words }) : hop.edgeId}
                              {hop.edge?.citations[0] && <span className="hop__locator"> · {hop.edge.citations[0].locator}</span>}
                            </span>
                          </button>
                          {/* The evidence of the step, as the README promises: its line and its quote. */}
                          {hop.edge?.citations[0]?.quote && (
                            <blockquote className="hop__quote" dir="auto" data-testid="hop-quote">
                              {hop.edge.citations[0].quote}
                            </blockquote>
                          )}
                        </li>
                      ))}
                      <li className="hop hop--last">
                        <span className="hop__node" dir="auto">
                          {name(p.nodeIds[p.nodeIds.length - 1] ?? '')}
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
      {!result && !ready && <p className="rail-hint">{t('paths.hint')}</p>}
    </section>
  );
}

/** One end of the path: set from the canvas or the side panel, or chosen here by typing a name. */
function End({
  label,
  id,
  view,
  nameOf,
  onChoose,
}: {
  readonly label: string;
  readonly id: string | undefined;
  readonly view: ViewGraph;
  readonly nameOf: (node: GraphNode) => string;
  readonly onChoose: (id: string) => void;
}) {
  const [changing, setChanging] = useState(false);
  const node = id ? view.nodes.get(id) : undefined;
  const value = node && !changing ? { id: node.id, name: nameOf(node), kind: node.kind } : undefined;
  return (
    <div className="paths__end">
      <EntityPicker
        label={label}
        value={value}
        testId={`path-end-${label}`}
        onChange={(chosen) => {
          if (!chosen) return setChanging(true);
          setChanging(false);
          onChoose(chosen.id);
        }}
      />
    </div>
  );
}
