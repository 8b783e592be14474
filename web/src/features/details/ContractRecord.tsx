/**
 * Where a contract read from a public source stands: the date of the source record it was last read from
 * (an OCDS release), with the record the latest citation names, linked to its document's address when
 * the document has one, and the amendments the source recorded after the award, newest first.
 */
import { Trans, useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../schemas/index.js';
import { useDocuments } from '../../api/queries.js';
import { amendmentsNewestFirst } from '../../model/index.js';

type ContractNode = Extract<GraphNode, { kind: 'Contract' }>;

export function ContractRecord({ node }: { readonly node: ContractNode }) {
  const { t } = useTranslation();
  const citation = node.citations[0];
  const documents = useDocuments(citation ? [citation.documentId] : []);
  const url = citation && documents.get(citation.documentId)?.url;
  const amendments = amendmentsNewestFirst(node.amendments ?? []);
  if (!node.sourceDate && amendments.length === 0) return null;
  return (
    <div className="contract-record">
      {node.sourceDate && (
        <p className="contract-record__source" data-testid="contract-source">
          {/* The date keeps its own direction inside an Arabic sentence. */}
          <Trans
            i18nKey="facts.sourceRecord"
            values={{ date: node.sourceDate.slice(0, 10) }}
            components={{ date: <time dir="ltr" dateTime={node.sourceDate} /> }}
          />
          {citation && (
            <>
              {' · '}
              {url ? (
                <a href={url} target="_blank" rel="noreferrer noopener" dir="auto">
                  {citation.locator}
                </a>
              ) : (
                <span dir="auto">{citation.locator}</span>
              )}
            </>
          )}
        </p>
      )}
      {amendments.length > 0 && (
        <>
          <h3 className="panel__subhead">
            {t('facts.amendments')} <span className="count">{amendments.length}</span>
          </h3>
          <ol className="contract-record__amendments" data-testid="contract-amendments">
            {amendments.map((a, i) => (
              <li key={`${a.date ?? ''}-${i}`}>
                {a.date ? (
                  <time dir="ltr" dateTime={a.date}>
                    {a.date}
                  </time>
                ) : (
                  <span className="muted">{t('facts.undatedAmendment')}</span>
                )}{' '}
                <span dir="auto">{a.description}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
