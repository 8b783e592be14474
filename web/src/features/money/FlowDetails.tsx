/**
 * Side panel content for a money flow: payer and payee, the totals (one per currency), the payments and
 * contracts behind them (and, when rolled up, which subsidiary was paid), and the quotes of every link
 * in the flow.
 */
import { useTranslation } from 'react-i18next';
import type { GraphEdge, MoneyFlowRow } from '../../../../schemas/index.js';
import { useWording } from '../../i18n/wording.js';
import {
  CATEGORY_ENCODING,
  citationsOf,
  edgeAmount,
  formatPeriod,
  localName,
  moneyRowText,
  nodeLabel,
  nodeName,
} from '../../model/index.js';
import type { ViewGraph } from '../../model/index.js';
import { Citations } from '../details/Citations.js';
import { Facts } from '../details/Facts.js';
import { KindIcon } from '../../components/KindIcon.js';

interface FlowDetailsProps {
  readonly row: MoneyFlowRow;
  readonly edgeIds: readonly string[];
  readonly view: ViewGraph;
  readonly headingId: string;
  readonly onSelectNode: (id: string) => void;
}

export function FlowDetails({ row, edgeIds, view, headingId, onSelectNode }: FlowDetailsProps) {
  const { t, i18n } = useTranslation();
  // The parties under the name the canvas gives them in the reader's language.
  const partyName = (party: { readonly id: string; readonly name: string }) => {
    const node = view.nodes.get(party.id);
    return node ? localName(node, i18n.language) : party.name;
  };
  const words = useWording();
  const text = moneyRowText(row, words);
  const edges = edgeIds.map((id) => view.edges.get(id)).filter((e): e is GraphEdge => e !== undefined);
  const ownership = edges.filter((e) => e.type === 'SUBSIDIARY_OF');
  const payments = new Set(row.paymentIds);
  const paid = edges.filter((e) => e.type === 'PAID' && payments.has(e.id));
  return (
    <article className="details" data-testid="flow-details">
      <p className="eyebrow">
        <span className="line-swatch" style={{ borderColor: CATEGORY_ENCODING.money.color }} aria-hidden="true" />{' '}
        {t('flow.eyebrow')}
      </p>
      <h2 id={headingId} className="details__title details__title--finding" tabIndex={-1}>
        <bdi>{partyName(row.payer)}</bdi> <span className="muted">{t('flow.pays')}</span> <bdi>{partyName(row.payee)}</bdi>
      </h2>
      <p className="flow__total">{text.total}</p>
      <Facts
        rows={[
          [t('facts.flows'), text.contracts],
          [t('facts.undisclosed'), row.unknownCount > 0 ? t('facts.undisclosedNote', { count: row.unknownCount }) : undefined],
          [t('facts.period'), text.period],
        ]}
      />
      {text.shared && <p className="details__note">{text.shared}</p>}
      {paid.length > 0 && (
        <>
          <h3 className="panel__subhead">{t('flow.payments')}</h3>
          <ul className="involved">
            {paid.map((e) => (
              <li key={e.id}>
                <span className="endpoint endpoint--block" dir="auto">
                  {[
                    edgeAmount(e, view.nodes, words.locale) ?? words.undisclosed,
                    // A payment is made on a day: its date, not "since" that day.
                    e.end ? formatPeriod(e, words) : e.start,
                    e.type === 'PAID' && e.paymentKind !== 'payment' ? t(`facts.paymentKinds.${e.paymentKind}`) : '',
                    e.type === 'PAID' ? e.purpose : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {row.contractIds.length > 0 && <h3 className="panel__subhead">{t('flow.contracts')}</h3>}
      <ul className="involved">
        {row.contractIds.map((id) => {
          const node = view.nodes.get(id);
          return (
            <li key={id}>
              <button type="button" className="endpoint endpoint--block" onClick={() => onSelectNode(id)} disabled={!node}>
                <KindIcon kind="Contract" size={16} />
                <span dir="auto">{node ? nodeLabel(node, localName(node, i18n.language), words).replace('\n', ' · ') : id}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {ownership.length > 0 && (
        <p className="details__note">
          {t('flow.rolledUp')}{' '}
          {ownership.map((e, i) => (
            <span key={e.id}>
              {i > 0 && '; '}
              <span dir="auto">{nodeName(view, e.source, i18n.language)}</span> {t('flow.subsidiaryOf')}{' '}
              <span dir="auto">{nodeName(view, e.target, i18n.language)}</span>
            </span>
          ))}
          .
        </p>
      )}
      <Citations citations={citationsOf(edges)} title={t('evidence.sources')} />
    </article>
  );
}
