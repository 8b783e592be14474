/** Side panel content for a selected connection: the sentence it states and the quotes behind it. */
import type { GraphEdge } from '../../../schemas/index.js';
import { CATEGORY_ENCODING, categoryOf, edgeAmount, edgeQualifier, formatPeriod, nodeName, typeLabel } from '../model/index.js';
import type { ViewGraph } from '../model/index.js';
import { Citations } from './Citations.js';
import { Facts } from './Facts.js';
import type { FactRow } from './Facts.js';
import { KindIcon } from './KindIcon.js';

interface EdgeDetailsProps {
  readonly edge: GraphEdge;
  readonly view: ViewGraph;
  readonly headingId: string;
  readonly onSelectNode: (id: string) => void;
}

const QUALIFIER_LABEL: Partial<Record<GraphEdge['type'], string>> = {
  HOLDS_POSITION: 'Role',
  MEMBER_OF: 'Role',
  QUOTED_IN: 'Quoted as',
  SITS_ON_BOARD: 'Seat',
  SUPPLIES_DATA_TO: 'Data',
  SUBSIDIARY_OF: 'Share owned',
};

export function EdgeDetails({ edge, view, headingId, onSelectNode }: EdgeDetailsProps) {
  const category = CATEGORY_ENCODING[categoryOf(edge.type)];
  const qualifier = edgeQualifier(edge);
  const rows: FactRow[] = [
    [QUALIFIER_LABEL[edge.type] ?? 'Detail', qualifier],
    ['Amount', edgeAmount(edge, view.nodes)],
    ['Period', formatPeriod(edge)],
    ['Current', edge.current === undefined ? undefined : edge.current ? 'current' : 'former'],
    ['Status', edge.status],
    ['Inferred from', edge.inferredFrom],
    ['What it restricts', edge.type === 'RESTRICTS' ? edge.summary : undefined],
  ];
  return (
    <article className="details">
      <p className="eyebrow">
        <span className="line-swatch" style={{ borderColor: category.color }} aria-hidden="true" /> {category.label}
      </p>
      <h2 id={headingId} className="details__title details__title--edge" tabIndex={-1}>
        {typeLabel(edge.type)}
        {edge.current === false && <span className="tag tag--former">former</span>}
      </h2>
      {/* Read top to bottom as the sentence the edge states: source, verb, target. */}
      <div className="sentence" style={{ borderColor: category.color }}>
        <EndpointButton id={edge.source} view={view} onSelect={onSelectNode} />
        <p className="sentence__verb">
          <span aria-hidden="true">↓ </span>
          {typeLabel(edge.type).toLowerCase()}
          {qualifier && <span dir="auto"> · {qualifier}</span>}
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
  const node = view.nodes.get(id);
  return (
    <button type="button" className="endpoint" onClick={() => onSelect(id)}>
      {node && <KindIcon kind={node.kind} size={16} />}
      <span dir="auto">{nodeName(view, id)}</span>
    </button>
  );
}
