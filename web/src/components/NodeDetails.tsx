/** Side panel content for a selected entity: who or what it is, what it is connected to, and why. */
import { RELATIONSHIP_TYPES } from '../../../schemas/index.js';
import type { EntityDetailResponse, EntityRelationship, GraphNode, RelationshipType } from '../../../schemas/index.js';
import {
  KIND_ENCODING,
  formatAmount,
  formatPeriod,
  groupRelationships,
  sourceCount,
  neighborName,
  propertyText,
  typeLabel,
} from '../model/index.js';
import { useEntityDetail } from '../hooks/useEntity.js';
import { Citations } from './Citations.js';
import { Facts } from './Facts.js';
import type { FactRow } from './Facts.js';
import { KindIcon } from './KindIcon.js';

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
}

interface NodeDetailsProps extends NodeActions {
  readonly node: GraphNode;
  readonly headingId: string;
  readonly expanding: boolean;
}

export function NodeDetails({ node, headingId, expanding, ...actions }: NodeDetailsProps) {
  const detail = useEntityDetail(node.id);
  const kind = KIND_ENCODING[node.kind];
  return (
    <article className="details">
      <div className="details__top">
        <p className="eyebrow">
          <KindIcon kind={node.kind} size={16} /> {kind.label}
        </p>
        <span className="details__tools">
          <button
            type="button"
            className="button button--quiet button--small"
            aria-pressed={actions.isPinned(node.id)}
            onClick={() => actions.onTogglePin(node.id)}
          >
            Pin
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => actions.onCollapse(node.id)}>
            Collapse
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => actions.onRemove(node.id)}>
            Remove
          </button>
        </span>
      </div>
      <h2 id={headingId} className="details__title" dir="auto" tabIndex={-1}>
        {node.name}
      </h2>
      {node.aliases.length > 0 && (
        <p className="details__aliases">
          <span className="muted">Also known as </span>
          {/* Each alias is its own direction island, so Arabic and Latin names do not reorder. */}
          {node.aliases.map((alias, i) => (
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
          title="Bring this entity's direct connections onto the canvas (same as double-clicking it)"
        >
          {expanding ? 'Expanding…' : 'Expand'}
        </button>
        <button type="button" className="button" onClick={() => actions.onPathEnd('from', node.id)}>
          Path from here
        </button>
        <button type="button" className="button" onClick={() => actions.onPathEnd('to', node.id)}>
          Path to here
        </button>
      </div>
      {node.description && (
        <p className="details__description" dir="auto">
          {node.description}
        </p>
      )}
      <Facts rows={nodeFacts(node)} />
      {detail.status === 'loading' && <p className="muted">Loading connections…</p>}
      {detail.status === 'error' && (
        <p className="inline-error" role="alert">
          {detail.message}
        </p>
      )}
      {detail.status === 'ready' && (
        <Connections detail={detail.value} onShow={actions.onShowRelationship} onExpand={actions.onExpand} />
      )}
      <Citations citations={node.citations} title="Sources for this entity" />
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
}: {
  readonly detail: EntityDetailResponse;
  readonly onShow: NodeActions['onShowRelationship'];
  readonly onExpand: NodeActions['onExpand'];
}) {
  const groups = groupRelationships(detail.relationships, RELATIONSHIP_TYPES);
  if (groups.length === 0) return <p className="muted">No recorded connections.</p>;
  const singleSource = detail.relationships.filter((rel) => sourceCount(rel) === 1).length;
  return (
    <section className="connections" aria-label="Connections">
      <h3 className="panel__subhead">
        Connections <span className="count">{detail.relationships.length}</span>
      </h3>
      <p className="connections__summary muted" data-testid="connection-counts" dir="auto">
        {groups.map((g) => `${g.items.length} ${typeLabel(g.type).toLowerCase()}`).join(' · ')}
        {singleSource > 0 && ` — ${singleSource} resting on a single source`}
      </p>
      {groups.map((group) => (
        <div key={group.type} className="connections__group">
          <h4 className="connections__type">
            {typeLabel(group.type)}{' '}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onExpand(detail.entity.id, [group.type], group.items.length)}
              aria-label={`Add the ${group.items.length} ${typeLabel(group.type).toLowerCase()} connections to the canvas`}
            >
              + {group.items.length}
            </button>
          </h4>
          <ul className="connections__list">
            {group.items.map((rel) => {
              const outgoing = rel.source === detail.entity.id;
              const other = outgoing ? rel.target : rel.source;
              const qualifier = propertyText(rel.properties.role ?? rel.properties.seat ?? rel.properties.data);
              return (
                <li key={rel.id}>
                  <button
                    type="button"
                    className="connection"
                    onClick={() => onShow(rel, detail)}
                    title="Show on the canvas with its evidence"
                  >
                    <span className="connection__arrow" aria-label={outgoing ? 'to' : 'from'}>
                      {outgoing ? '→' : '←'}
                    </span>
                    <span className="connection__body">
                      <span className="connection__name" dir="auto">
                        {neighborName(detail, other)}
                      </span>
                      {rel.properties.current === false && <span className="tag tag--former">former</span>}
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

function nodeFacts(node: GraphNode): FactRow[] {
  const common: FactRow[] = [
    ['Period', formatPeriod(node)],
    ['Status', node.status],
    ['Inferred from', node.inferredFrom],
  ];
  switch (node.kind) {
    case 'Organization':
    case 'PublicBody':
      return [['Jurisdiction', node.jurisdiction], ...common];
    case 'Law':
      return [['Jurisdiction', node.jurisdiction], ['Enacted', node.enactedOn], ...common];
    case 'Contract':
      return [
        ['Amount', node.amount === undefined ? undefined : formatAmount(node.amount, node.currency)],
        ['Signed', node.signedOn],
        ['Purpose', node.purpose],
        ...common,
      ];
    case 'Document':
      return [
        ['Title', node.title],
        ['Publisher', node.publisher],
        ['Published', node.publishedOn],
        ['Language', node.language],
        [
          'Link',
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
