/** Side panel content for a selected entity: who or what it is, what it is connected to, and why. */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { RELATIONSHIP_TYPES } from '../../../../schemas/index.js';
import type { EntityDetailResponse, EntityRelationship, GraphNode, RelationshipType } from '../../../../schemas/index.js';
import {
  connectionQualifier,
  formatAmount,
  formatPeriod,
  groupRelationships,
  sourceCount,
  neighborName,
} from '../../model/index.js';
import type { GraphPatch, Wording } from '../../model/index.js';
import { useEntityDetail } from '../../api/queries.js';
import { useWording } from '../../i18n/wording.js';
import { DocumentFacts } from './DocumentFacts.js';
import { Citations } from './Citations.js';
import { ContractRecord } from './ContractRecord.js';
import { Facts } from './Facts.js';
import type { FactRow } from './Facts.js';
import { KindIcon } from '../../components/KindIcon.js';

export interface NodeActions {
  /** Brings in neighbours: of these types only when given; `count` is how many the panel expects. */
  readonly onExpand: (id: string, types?: readonly RelationshipType[], count?: number) => void;
  readonly onPathEnd: (end: 'from' | 'to', id: string) => void;
  readonly onRemove: (id: string) => void;
  /** Takes off the neighbours that hang only on this entity, undoing an expansion. */
  readonly onCollapse: (id: string) => void;
  /** Pinned nodes stay where the reader put them through every layout. */
  readonly onTogglePin: (id: string) => void;
  readonly isPinned: (id: string) => boolean;
  readonly onShowRelationship: (rel: EntityRelationship, detail: EntityDetailResponse) => void;
  /** Puts a set of facts (e.g. everything a document sources) on the canvas. */
  readonly onShowGraph: (patch: GraphPatch) => void;
}

interface NodeDetailsProps extends NodeActions {
  readonly node: GraphNode;
  readonly headingId: string;
  readonly expanding: boolean;
  /** The name in the reader's script (an alias), when there is one. */
  readonly nameOf: (node: GraphNode) => string;
  /** The shown name of an entity on the canvas (an alias in the reader's script), if it is there. */
  readonly shownNameOf: (id: string) => string | undefined;
  readonly onSelectEdge: (id: string) => void;
}

export function NodeDetails({ node, headingId, expanding, nameOf, shownNameOf, onSelectEdge, ...actions }: NodeDetailsProps) {
  const { t } = useTranslation();
  const words = useWording();
  const detail = useEntityDetail(node.id);
  const shownName = nameOf(node);
  // The heading is the name in the reader's script; the canonical name then joins the other names.
  const otherNames = [...(shownName === node.name ? [] : [node.name]), ...node.aliases.filter((a) => a !== shownName)];
  return (
    <article className="details">
      <div className="details__top">
        <p className="eyebrow">
          <KindIcon kind={node.kind} size={16} /> {t(`kinds.${node.kind}`)}
        </p>
        <span className="details__tools">
          <button
            type="button"
            className="button button--quiet button--small"
            aria-pressed={actions.isPinned(node.id)}
            onClick={() => actions.onTogglePin(node.id)}
          >
            {t('node.pin')}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => actions.onCollapse(node.id)}>
            {t('node.collapse')}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => actions.onRemove(node.id)}>
            {t('node.remove')}
          </button>
        </span>
      </div>
      <h2 id={headingId} className="details__title" dir="auto" tabIndex={-1}>
        {shownName}
      </h2>
      {otherNames.length > 0 && (
        <p className="details__aliases">
          <span className="muted">{t('node.alsoKnownAs')}</span>
          {/* Each alias is its own direction island, so Arabic and Latin names do not reorder. */}
          {otherNames.map((alias, i) => (
            <span key={alias}>
              {i > 0 && <span className="muted"> · </span>}
              <span className="alias" dir="auto">
                {alias}
              </span>
            </span>
          ))}
        </p>
      )}
      <div className="details__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() =>
            actions.onExpand(node.id, undefined, detail.status === 'ready' ? detail.value.relationships.length : undefined)
          }
          disabled={expanding}
          title={t('node.expandHint')}
        >
          {expanding ? t('node.expanding') : t('node.expand')}
        </button>
        <button type="button" className="button" onClick={() => actions.onPathEnd('from', node.id)}>
          {t('node.pathFrom')}
        </button>
        <button type="button" className="button" onClick={() => actions.onPathEnd('to', node.id)}>
          {t('node.pathTo')}
        </button>
      </div>
      {node.description && (
        <p className="details__description" dir="auto">
          {node.description}
        </p>
      )}
      <Facts rows={nodeFacts(node, t, words)} />
      {node.kind === 'Contract' && <ContractRecord node={node} />}
      {node.kind === 'Document' && (
        <DocumentFacts documentId={node.id} nameOf={nameOf} onShowGraph={actions.onShowGraph} onSelectEdge={onSelectEdge} />
      )}
      {detail.status === 'loading' && <p className="muted">{t('node.loading')}</p>}
      {detail.status === 'error' && (
        <p className="inline-error" role="alert">
          {detail.message}
        </p>
      )}
      {detail.status === 'ready' && (
        <Connections
          detail={detail.value}
          onShow={actions.onShowRelationship}
          onExpand={actions.onExpand}
          shownNameOf={shownNameOf}
        />
      )}
      <Citations citations={node.citations} title={t('node.sources')} />
    </article>
  );
}

/**
 * The entity's relationships grouped by type, with how many rest on a single source document (the
 * ones a reporter should firm up), and a button per type to bring just that type onto the canvas.
 */
function Connections({
  detail,
  onShow,
  onExpand,
  shownNameOf,
}: {
  readonly detail: EntityDetailResponse;
  readonly shownNameOf: (id: string) => string | undefined;
  readonly onShow: NodeActions['onShowRelationship'];
  readonly onExpand: NodeActions['onExpand'];
}) {
  const { t, i18n } = useTranslation();
  const words = useWording();
  const groups = groupRelationships(detail.relationships, RELATIONSHIP_TYPES);
  if (groups.length === 0) return <p className="muted">{t('node.noConnections')}</p>;
  const singleSource = detail.relationships.filter((rel) => sourceCount(rel) === 1).length;
  const typeName = (type: RelationshipType) => words.type(type).toLocaleLowerCase(i18n.language);
  return (
    <section className="connections" aria-label={t('node.connections')}>
      <h3 className="panel__subhead">
        {t('node.connections')} <span className="count">{detail.relationships.length}</span>
      </h3>
      <p className="connections__summary muted" data-testid="connection-counts" dir="auto">
        {groups.map((g) => `${g.items.length} ${typeName(g.type)}`).join(' · ')}
        {singleSource > 0 && ` — ${t('node.singleSource', { count: singleSource })}`}
      </p>
      {groups.map((group) => (
        <div key={group.type} className="connections__group">
          <h4 className="connections__type">
            {words.type(group.type)}{' '}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onExpand(detail.entity.id, [group.type], group.items.length)}
              // The name starts with the visible "+ 3" so speech users can say what they see.
              aria-label={`+ ${group.items.length}: ${t('node.addType', { count: group.items.length, type: typeName(group.type) })}`}
              // Sighted mouse users get the same words as a tooltip: "+ 2" alone says nothing.
              title={t('node.addType', { count: group.items.length, type: typeName(group.type) })}
            >
              + {group.items.length}
            </button>
          </h4>
          <ul className="connections__list">
            {group.items.map((rel) => {
              const outgoing = rel.source === detail.entity.id;
              const other = outgoing ? rel.target : rel.source;
              const qualifier = connectionQualifier(rel.properties, words.locale, words.language);
              return (
                <li key={rel.id}>
                  <button
                    type="button"
                    className="connection"
                    onClick={() => onShow(rel, detail)}
                    title={t('node.showWithEvidence')}
                  >
                    <span className="connection__arrow" aria-label={outgoing ? t('words.to') : t('words.from')}>
                      {outgoing ? '→' : '←'}
                    </span>
                    <span className="connection__body">
                      <span className="connection__name" dir="auto">
                        {shownNameOf(other) ?? neighborName(detail, other, words.language)}
                      </span>
                      {rel.properties.current === false && <span className="tag tag--former">{words.former}</span>}
                      {qualifier && (
                        <span className="connection__qualifier" dir="auto">
                          {qualifier}
                        </span>
                      )}
                    </span>
                    {rel.citations[0] && <span className="connection__locator">{rel.citations[0].locator}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** A country code as the reader's language names it ("de" -> "Germany"); FtM's own codes as they are. */
function countryNames(codes: readonly string[] | undefined, locale: string): string | undefined {
  if (!codes?.length) return undefined;
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return codes
    .map((code) => {
      try {
        return /^[a-z]{2}$/.test(code) ? (names.of(code.toUpperCase()) ?? code) : code;
      } catch {
        return code;
      }
    })
    .join(', ');
}

/** Who or what an entity is apart from its name: codes, dates of life, countries and the lists it is on. */
function identityFacts(node: GraphNode, t: TFunction, words: Wording): FactRow[] {
  const placed = node.kind === 'Person' || node.kind === 'Organization' || node.kind === 'PublicBody' ? node : undefined;
  return [
    [
      t('facts.identifiers'),
      node.identifiers?.length ? node.identifiers.map((i) => `${i.scheme}: ${i.value}`).join(' · ') : undefined,
    ],
    [t('facts.birthDate'), node.kind === 'Person' ? node.birthDate : undefined],
    [t('facts.deathDate'), node.kind === 'Person' ? node.deathDate : undefined],
    [t('facts.nationality'), node.kind === 'Person' ? countryNames(node.nationality, words.locale) : undefined],
    [t('facts.country'), countryNames(placed?.country, words.locale)],
    [
      t('facts.topics'),
      placed?.topics?.length
        ? placed.topics.map((topic) => t(`facts.topicNames.${topic.replaceAll('.', '_')}`, { defaultValue: topic })).join(', ')
        : undefined,
    ],
  ];
}

function nodeFacts(node: GraphNode, t: TFunction, words: Wording): FactRow[] {
  const common: FactRow[] = [
    ...identityFacts(node, t, words),
    [t('facts.period'), formatPeriod(node, words)],
    [t('facts.status'), node.status && t(`filter.statuses.${node.status}`)],
    [t('facts.inferredFrom'), node.inferredFrom],
  ];
  switch (node.kind) {
    case 'Organization':
    case 'PublicBody':
      return [[t('facts.jurisdiction'), node.jurisdiction], ...common];
    case 'Law':
      return [[t('facts.jurisdiction'), node.jurisdiction], [t('facts.enacted'), node.enactedOn], ...common];
    case 'Contract':
      return [
        [t('facts.amount'), node.amount === undefined ? undefined : formatAmount(node.amount, node.currency, words.locale)],
        [t('facts.amountEur'), node.amountEur === undefined ? undefined : formatAmount(node.amountEur, 'EUR', words.locale)],
        [t('facts.amountUsd'), node.amountUsd === undefined ? undefined : formatAmount(node.amountUsd, 'USD', words.locale)],
        [t('facts.signed'), node.signedOn],
        [t('facts.purpose'), node.purpose],
        ...common,
      ];
    case 'Document':
      return [
        [t('facts.title'), node.title],
        [t('facts.publisher'), node.publisher],
        [t('facts.published'), node.publishedOn],
        [t('facts.language'), node.language],
        [
          t('facts.link'),
          node.url && (
            <a href={node.url} target="_blank" rel="noreferrer noopener">
              {new URL(node.url).hostname}
            </a>
          ),
        ],
      ];
    default:
      return common;
  }
}
