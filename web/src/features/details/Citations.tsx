/**
 * Source quotes, the evidence for every fact. Quotes keep their own script and direction: the seed
 * sources are Arabic, so each quote gets dir="auto" and, when the document says so, its language.
 */
import { useTranslation } from 'react-i18next';
import type { Citation } from '../../../../schemas/index.js';
import { useDocuments } from '../../api/queries.js';
import { localName, textDirection } from '../../model/index.js';
import './Citations.css';

export function Citations({ citations, title: given }: { readonly citations: readonly Citation[]; readonly title?: string }) {
  const { t, i18n } = useTranslation();
  const title = given ?? t('evidence.title');
  const documents = useDocuments(citations.map((c) => c.documentId));
  return (
    <section className="citations" aria-label={title}>
      <h3 className="panel__subhead">
        {title} <span className="count">{citations.length}</span>
      </h3>
      {citations.length === 0 && <p className="muted">{t('evidence.none')}</p>}
      {citations.map((citation, i) => {
        const doc = documents.get(citation.documentId);
        // The document's name for the reader, as the canvas and the other panels name it.
        const docName = doc && localName(doc, i18n.language);
        return (
          // The figure follows its quote: an Arabic quote puts its rule and caption on the right.
          <figure
            className="citation"
            key={`${citation.documentId}-${citation.locator}-${i}`}
            data-testid="citation"
            dir={textDirection(citation.quote)}
          >
            <blockquote className="citation__quote" dir="auto" lang={doc?.language}>
              {citation.quote}
            </blockquote>
            <figcaption className="citation__source">
              <span className="citation__locator">{citation.locator}</span>
              <span className="citation__doc">
                {/* The entity name is the reader's language; the original title may be in the source's. */}
                {doc?.url ? (
                  <a href={doc.url} target="_blank" rel="noreferrer noopener" dir="auto" title={doc.title}>
                    {docName}
                  </a>
                ) : (
                  <cite dir="auto" title={doc?.title}>
                    {docName ?? citation.documentId}
                  </cite>
                )}
                {doc?.publisher && <span className="muted"> · {doc.publisher}</span>}
                {doc?.publishedOn && <span className="muted"> · {doc.publishedOn}</span>}
              </span>
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}
