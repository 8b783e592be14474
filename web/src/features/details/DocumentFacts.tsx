/**
 * A document's side of the evidence: every connection that cites it, with the place in it and the
 * quote, and a button to put those facts on the canvas. Shown in the panel of a selected Document.
 */
import { useTranslation } from 'react-i18next';
import type { DocumentFactsResponse, GraphNode } from '../../../../schemas/index.js';
import { queries, useLoaded } from '../../api/queries.js';
import { edgeLabel } from '../../model/index.js';
import type { GraphPatch } from '../../model/index.js';
import { useWording } from '../../i18n/wording.js';
import './DocumentFacts.css';

interface DocumentFactsProps {
  readonly documentId: string;
  readonly nameOf: (node: GraphNode) => string;
  readonly onShowGraph: (patch: GraphPatch) => void;
  readonly onSelectEdge: (id: string) => void;
}

export function DocumentFacts({ documentId, nameOf, onShowGraph, onSelectEdge }: DocumentFactsProps) {
  const { t } = useTranslation();
  const words = useWording();
  const answer = useLoaded(queries.documentFacts(documentId));
  return (
    <section className="document-facts" aria-labelledby="document-facts-heading" data-testid="document-facts">
      <h3 id="document-facts-heading" className="panel__subhead">
        {t('document.facts')}
      </h3>
      {answer.status === 'loading' && <p className="muted">{t('document.loading')}</p>}
      {answer.status === 'error' && (
        <p className="inline-error" role="alert">
          {answer.message}
        </p>
      )}
      {answer.status === 'ready' && (
        <FactList answer={answer.value} nameOf={nameOf} onShowGraph={onShowGraph} onSelectEdge={onSelectEdge} words={words} />
      )}
    </section>
  );
}

function FactList({
  answer,
  nameOf,
  onShowGraph,
  onSelectEdge,
  words,
}: Omit<DocumentFactsProps, 'documentId'> & {
  readonly answer: DocumentFactsResponse;
  readonly words: ReturnType<typeof useWording>;
}) {
  const { t } = useTranslation();
  if (answer.facts.length === 0) return <p className="muted">{t('document.none')}</p>;
  const nodes = new Map(answer.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const node = nodes.get(id);
    return node ? nameOf(node) : id;
  };
  const patch: GraphPatch = { nodes: answer.nodes, edges: answer.facts.map((f) => f.edge) };
  const show = (edgeId: string) => {
    onShowGraph(patch);
    onSelectEdge(edgeId);
  };
  return (
    <>
      <p className="document-facts__summary">
        <span data-testid="document-facts-count">{t('document.count', { count: answer.facts.length })}</span>
        {answer.truncated && <span className="muted"> {t('document.truncated', { count: answer.facts.length })}</span>}
      </p>
      <button type="button" className="button button--primary" onClick={() => onShowGraph(patch)}>
        {t('document.show')}
      </button>
      <ol className="document-facts__list">
        {answer.facts.map(({ edge, citations }) => (
          <li key={edge.id} className="document-fact" data-testid="document-fact">
            <button type="button" className="document-fact__claim" onClick={() => show(edge.id)}>
              <span dir="auto">{name(edge.source)}</span>{' '}
              <span className="document-fact__verb">{edgeLabel(edge, nodes, { words })}</span>{' '}
              <span dir="auto">{name(edge.target)}</span>
            </button>
            {citations.map((c, i) => (
              <figure key={`${c.locator}-${i}`} className="document-fact__quote">
                <blockquote dir="auto">{c.quote}</blockquote>
                <figcaption>
                  <span className="citation__locator">{c.locator}</span>
                </figcaption>
              </figure>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}
