/** Side panel content for a selected connection: the sentence it states and the quotes behind it. */
import { useTranslation } from 'react-i18next';
import { localRole } from '../../../../schemas/index.js';
import type { GraphEdge } from '../../../../schemas/index.js';
import {
  CATEGORY_ENCODING,
  categoryOf,
  edgeAmount,
  edgeQualifier,
  formatAmount,
  formatPeriod,
  nodeName,
} from '../../model/index.js';
import { useWording } from '../../i18n/wording.js';
import type { ViewGraph } from '../../model/index.js';
import { Citations } from './Citations.js';
import { Facts } from './Facts.js';
import type { FactRow } from './Facts.js';
import { KindIcon } from '../../components/KindIcon.js';

interface EdgeDetailsProps {
  readonly edge: GraphEdge;
  readonly view: ViewGraph;
  readonly headingId: string;
  readonly onSelectNode: (id: string) => void;
}

/** Which facts key names the edge's own qualifier. */
const QUALIFIER_LABEL: Partial<Record<GraphEdge['type'], string>> = {
  HOLDS_POSITION: 'facts.role',
  MEMBER_OF: 'facts.role',
  QUOTED_IN: 'facts.quotedAs',
  SITS_ON_BOARD: 'facts.seat',
  SUPPLIES_DATA_TO: 'facts.data',
  SUBSIDIARY_OF: 'facts.shareOwned',
  REPRESENTS: 'facts.role',
  OWNS: 'facts.shareOwned',
  FAMILY_OF: 'facts.relation',
  ASSOCIATE_OF: 'facts.relation',
  LINKED_TO: 'facts.relation',
  LOBBIES: 'facts.issue',
  SANCTIONED_BY: 'facts.program',
};

export function EdgeDetails({ edge, view, headingId, onSelectNode }: EdgeDetailsProps) {
  const { t, i18n } = useTranslation();
  const words = useWording();
  const categoryId = categoryOf(edge.type);
  const category = CATEGORY_ENCODING[categoryId];
  const qualifier = edgeQualifier(edge, i18n.language);
  // A translated role is never shown alone: the source's own words stay beside it.
  const role = localRole(edge, i18n.language);
  const original = role?.translated ? role.original : undefined;
  // Fields a type has beyond its qualifier (a payment's purpose, a sanction's reason), where given.
  const field = (name: string): string | undefined => {
    const value = (edge as unknown as Record<string, unknown>)[name];
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const own = edge as unknown as Record<string, unknown>;
  const rows: FactRow[] = [
    [t(QUALIFIER_LABEL[edge.type] ?? 'facts.detail'), qualifier],
    [t('facts.originalWording'), original && <bdi lang="">{original}</bdi>],
    [t('facts.amount'), edgeAmount(edge, view.nodes, words.locale)],
    // The euro and dollar values a source adds are shown as given, beside the amount in its own currency.
    [
      t('facts.amountEur'),
      own.amount !== undefined && typeof own.amountEur === 'number'
        ? formatAmount(own.amountEur, 'EUR', words.locale)
        : undefined,
    ],
    [
      t('facts.amountUsd'),
      own.amount !== undefined && typeof own.amountUsd === 'number'
        ? formatAmount(own.amountUsd, 'USD', words.locale)
        : undefined,
    ],
    [
      t('facts.paymentKind'),
      edge.type === 'PAID' && edge.paymentKind !== 'payment' ? t(`facts.paymentKinds.${edge.paymentKind}`) : undefined,
    ],
    [t('facts.purpose'), field('purpose')],
    [t('facts.programme'), field('programme')],
    [t('facts.sharesCount'), field('sharesCount')],
    [t('facts.ownershipType'), edge.type === 'OWNS' && edge.percentage !== undefined ? edge.ownershipType : undefined],
    [
      t('facts.onBehalfOf'),
      edge.type === 'LOBBIES' && edge.onBehalfOf.length
        ? edge.onBehalfOf.map((id) => nodeName(view, id, i18n.language)).join(', ')
        : undefined,
    ],
    [t('facts.listingDate'), field('listingDate')],
    [t('facts.provisions'), field('provisions')],
    [t('facts.reason'), field('reason')],
    [t('facts.period'), formatPeriod(edge, words)],
    // "Current or former: Current", not "Current: current".
    [t('facts.current'), edge.current === undefined ? undefined : edge.current ? t('facts.isCurrent') : t('facts.isFormer')],
    [t('facts.status'), t(`filter.statuses.${edge.status}`)],
    [t('facts.inferredFrom'), edge.inferredFrom],
    [t('facts.restricts'), edge.type === 'RESTRICTS' ? edge.summary : undefined],
  ];
  return (
    <article className="details">
      <p className="eyebrow">
        <span className="line-swatch" style={{ borderColor: category.color }} aria-hidden="true" />{' '}
        {t(`categories.${categoryId}.label`)}
      </p>
      <h2 id={headingId} className="details__title details__title--edge" tabIndex={-1}>
        {words.type(edge.type)}
        {edge.current === false && <span className="tag tag--former">{words.former}</span>}
      </h2>
      {/* Read top to bottom as the sentence the edge states: source, verb, target. */}
      <div className="sentence" style={{ borderColor: category.color }}>
        <EndpointButton id={edge.source} view={view} onSelect={onSelectNode} />
        <p className="sentence__verb">
          {/* Each run is isolated, so an English role inside an Arabic sentence keeps its place. */}
          <span aria-hidden="true">↓</span> <bdi>{words.type(edge.type).toLocaleLowerCase(i18n.language)}</bdi>
          {qualifier && (
            <>
              {' · '}
              <bdi className="sentence__qualifier">{qualifier}</bdi>
            </>
          )}
        </p>
        <EndpointButton id={edge.target} view={view} onSelect={onSelectNode} />
      </div>
      <Citations citations={edge.citations} />
      <Facts rows={rows} />
    </article>
  );
}

function EndpointButton({
  id,
  view,
  onSelect,
}: {
  readonly id: string;
  readonly view: ViewGraph;
  readonly onSelect: (id: string) => void;
}) {
  const { i18n } = useTranslation();
  const node = view.nodes.get(id);
  return (
    <button type="button" className="endpoint" onClick={() => onSelect(id)}>
      {node && <KindIcon kind={node.kind} size={16} />}
      <bdi>{nodeName(view, id, i18n.language)}</bdi>
    </button>
  );
}
