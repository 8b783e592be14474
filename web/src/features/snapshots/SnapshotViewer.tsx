/**
 * A snapshot as a reader sees it, in the share view, an embed and the standalone page alike: title and
 * note, the map (pan, zoom, click for details), the story steps with Previous/Next (a step lights what
 * it names, moves entities where it put them and frames its area), the selected element's facts and
 * quotes, and the list of sources. Embedded in another page it keeps only the map, the story and the
 * details on click. Every text is rendered by React as text, never as HTML.
 */
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Citation, Entity, Relationship, Snapshot } from '../../../../schemas/index.js';
import { KIND_ENCODING, edgeLabel, formatPeriod, localName, textDirection } from '../../model/index.js';
import type { Wording } from '../../model/index.js';
import { useWording } from '../../i18n/wording.js';
import type { Selection, ViewGraph } from '../../model/index.js';
import { SnapshotCanvas } from './SnapshotCanvas.js';
import { documentTitle, documentsOf, sourceList, stepHighlight, viewOf } from './viewerModel.js';
import './snapshots.css';

interface SnapshotViewerProps {
  readonly snapshot: Snapshot;
  /** When the file was exported (the standalone page); the share view shows the snapshot's own dates. */
  readonly exportedAt?: string | undefined;
  /** Extra controls for the header (export menu, link back to the explorer). */
  readonly actions?: ReactNode;
  /** In another site's page (`?embed=1`): minimal chrome, details over the map on click. */
  readonly embedded?: boolean;
}

export function SnapshotViewer({ snapshot, exportedAt, actions, embedded = false }: SnapshotViewerProps) {
  const { t } = useTranslation();
  const { content } = snapshot;
  const view = useMemo(() => viewOf(snapshot), [snapshot]);
  const documents = useMemo(() => documentsOf(snapshot), [snapshot]);
  const sources = useMemo(() => sourceList(snapshot), [snapshot]);
  const [stepIndex, setStepIndex] = useState(content.steps.length > 0 ? 0 : -1);
  const [selection, setSelection] = useState<Selection>(null);
  const step = stepIndex >= 0 ? content.steps[stepIndex] : undefined;
  const highlight = useMemo(() => stepHighlight(step, view), [step, view]);
  const positions = useMemo(() => ({ ...content.positions, ...(step?.positions ?? {}) }), [content.positions, step]);
  const frame = useMemo(
    () => ({ key: stepIndex, viewport: step?.viewport, ids: step ? [...highlight.nodeIds] : [] }),
    [stepIndex, step, highlight],
  );
  const date = (exportedAt ?? snapshot.publishedAt ?? snapshot.createdAt).slice(0, 10);

  return (
    <div className={embedded ? 'snapshot-viewer snapshot-viewer--embedded' : 'snapshot-viewer'} data-testid="snapshot-viewer">
      <header className="snapshot-viewer__header">
        <div className="snapshot-viewer__titles">
          <h1 className="snapshot-viewer__title" dir="auto" data-testid="snapshot-title">
            {content.title}
          </h1>
          <p className="snapshot-viewer__meta">
            {t('snapshots.version', { version: snapshot.version })} ·{' '}
            {snapshot.published ? t('snapshots.published') : t('snapshots.draft')} ·{' '}
            {exportedAt ? t('snapshots.exportedAt', { date }) : date}
            {content.asOf ? ` · ${t('snapshots.asOf', { date: content.asOf })}` : ''} · {t('snapshots.readOnly')}
          </p>
          {content.description && (
            <p className="snapshot-viewer__description" dir="auto">
              {content.description}
            </p>
          )}
        </div>
        {actions && <div className="snapshot-viewer__actions">{actions}</div>}
      </header>

      <div className="snapshot-viewer__body">
        <div className="snapshot-viewer__stage">
          <SnapshotCanvas
            view={view}
            positions={positions}
            highlight={highlight}
            selection={selection}
            frame={frame}
            label={t('snapshots.canvasLabel', { nodes: view.nodes.size, edges: view.edges.size })}
            onSelect={setSelection}
          />
          {content.steps.length > 0 && (
            <nav className="story" aria-label={t('snapshots.steps')} data-testid="story">
              <p className="story__count">
                {step ? t('snapshots.step', { n: stepIndex + 1, total: content.steps.length }) : t('snapshots.overview')}
              </p>
              <p className="story__caption" dir="auto" aria-live="polite" data-testid="story-caption">
                {step?.caption ?? content.description}
              </p>
              <div className="story__buttons">
                <button type="button" className="button" disabled={stepIndex <= 0} onClick={() => setStepIndex((i) => i - 1)}>
                  {t('snapshots.previous')}
                </button>
                <button type="button" className="button button--quiet" disabled={stepIndex < 0} onClick={() => setStepIndex(-1)}>
                  {t('snapshots.overview')}
                </button>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={stepIndex >= content.steps.length - 1}
                  onClick={() => setStepIndex((i) => i + 1)}
                >
                  {t('snapshots.next')}
                </button>
              </div>
            </nav>
          )}
        </div>

        <aside
          className="snapshot-viewer__panel"
          aria-label={t('snapshots.details')}
          data-testid="snapshot-details"
          data-open={selection !== null}
        >
          {embedded && selection !== null && (
            <button
              type="button"
              className="snapshot-viewer__close"
              aria-label={t('snapshots.close')}
              onClick={() => setSelection(null)}
            >
              ×
            </button>
          )}
          <Details selection={selection} view={view} documents={documents} />
          {!embedded && <ElementList view={view} onSelect={setSelection} />}
        </aside>
      </div>

      <footer className="snapshot-viewer__sources" hidden={embedded}>
        <h2>{t('snapshots.sources')}</h2>
        <ol>
          {sources.map((s) => (
            <li key={s.id} dir="auto">
              {s.url ? (
                <a href={s.url} rel="noreferrer noopener" target="_blank">
                  {s.title}
                </a>
              ) : (
                s.title
              )}{' '}
              <span className="muted">({s.count})</span>
            </li>
          ))}
        </ol>
        <p className="muted">
          {t('snapshots.madeWith')} · {snapshot.id}
        </p>
      </footer>
    </div>
  );
}

function Details({
  selection,
  view,
  documents,
}: {
  readonly selection: Selection;
  readonly view: ViewGraph;
  readonly documents: ReadonlyMap<string, Entity>;
}) {
  const { t } = useTranslation();
  const words = useWording();
  const name = (id: string) => nameIn(view, id, words);
  const node = selection?.kind === 'node' ? view.nodes.get(selection.id) : undefined;
  const edge = selection?.kind === 'edge' ? view.edges.get(selection.id) : undefined;
  if (!node && !edge) return <p className="muted snapshot-details__hint">{t('snapshots.pickSomething')}</p>;
  const fact: Entity | Relationship = (node ?? edge) as Entity | Relationship;
  const period = formatPeriod(fact);
  return (
    <section className="snapshot-details" data-testid="snapshot-detail">
      {node && (
        <>
          <h2 dir="auto">{name(node.id)}</h2>
          <p className="muted">{t(`kinds.${node.kind}`, { defaultValue: KIND_ENCODING[node.kind].label })}</p>
          {node.aliases.length > 0 && <p dir="auto">{node.aliases.join(' · ')}</p>}
          {node.description && <p dir="auto">{node.description}</p>}
        </>
      )}
      {edge && (
        <>
          <h2>{edgeLabel(edge, view.nodes, { words })}</h2>
          <p dir="auto">
            {name(edge.source)} → {name(edge.target)}
          </p>
          <p className="muted">{words.type(edge.type)}</p>
        </>
      )}
      <dl className="snapshot-details__facts">
        {period && (
          <>
            <dt>{t('snapshots.period')}</dt>
            <dd>{period}</dd>
          </>
        )}
        <dt>{t('snapshots.status')}</dt>
        <dd>{t(`filter.statuses.${fact.status}`, { defaultValue: fact.status })}</dd>
      </dl>
      <Quotes citations={fact.citations} documents={documents} />
    </section>
  );
}

function Quotes({
  citations,
  documents,
}: {
  readonly citations: readonly Citation[];
  readonly documents: ReadonlyMap<string, Entity>;
}) {
  const { t } = useTranslation();
  return (
    <div className="snapshot-quotes">
      <h3>{t('snapshots.sources')}</h3>
      {citations.map((c, i) => {
        const doc = documents.get(c.documentId);
        return (
          <figure
            key={`${c.documentId}-${i}`}
            className="snapshot-quote"
            data-testid="snapshot-quote"
            dir={textDirection(c.quote)}
          >
            <blockquote dir="auto" lang={doc?.kind === 'Document' ? doc.language : undefined}>
              {c.quote}
            </blockquote>
            <figcaption dir="auto">
              {c.locator} · {documentTitle(documents, c.documentId)}
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}

/** The table alternative to the map: every entity and link as a button, for keyboards and screen readers. */
function ElementList({ view, onSelect }: { readonly view: ViewGraph; readonly onSelect: (s: Selection) => void }) {
  const { t } = useTranslation();
  const words = useWording();
  const name = (id: string) => nameIn(view, id, words);
  return (
    <details className="snapshot-elements">
      <summary>
        {t('snapshots.entities')} ({view.nodes.size}) · {t('snapshots.relationships')} ({view.edges.size})
      </summary>
      <ul>
        {[...view.nodes.values()].map((n) => (
          <li key={n.id}>
            <button type="button" className="link-button" dir="auto" onClick={() => onSelect({ kind: 'node', id: n.id })}>
              {name(n.id)}
            </button>
          </li>
        ))}
      </ul>
      <ul>
        {[...view.edges.values()].map((e) => (
          <li key={e.id}>
            <button type="button" className="link-button" dir="auto" onClick={() => onSelect({ kind: 'edge', id: e.id })}>
              {name(e.source)} — {edgeLabel(e, view.nodes, { words })} → {name(e.target)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** An entity's name as the reader's script writes it where the data has an alias in it, else its id. */
function nameIn(view: ViewGraph, id: string, words: Wording): string {
  const node = view.nodes.get(id);
  return node ? localName(node, words.language ?? 'en') : id;
}
