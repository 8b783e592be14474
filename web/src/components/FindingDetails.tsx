/**
 * Side panel content for a finding: what it says and why (the explanation), when it held, what to
 * check before printing it (the caveats), and every quote its evidence rests on.
 */
import type { Finding, PatternInfo } from '../../../schemas/index.js';
import { KIND_ENCODING, findingPeriod, nodeName } from '../model/index.js';
import type { ViewGraph } from '../model/index.js';
import { Citations } from './Citations.js';
import { Facts } from './Facts.js';
import { KindIcon } from './KindIcon.js';
import { QualifierList } from './Qualifiers.js';
import { SeverityBadge } from './SeverityBadge.js';

interface FindingDetailsProps {
  readonly finding: Finding;
  readonly pattern: PatternInfo | undefined;
  readonly view: ViewGraph;
  readonly headingId: string;
  readonly onSelectNode: (id: string) => void;
}

export function FindingDetails({ finding, pattern, view, headingId, onSelectNode }: FindingDetailsProps) {
  return (
    <article className="details" data-testid="finding-details">
      <p className="eyebrow">
        <SeverityBadge severity={finding.severity} /> {pattern?.name ?? finding.pattern}
      </p>
      <h2 id={headingId} className="details__title details__title--finding" dir="auto" tabIndex={-1}>
        {finding.title}
      </h2>
      <p className="details__description" dir="auto" data-testid="finding-explanation">
        {finding.explanation}
      </p>
      <Facts
        rows={[
          ['Period', findingPeriod(finding.period)],
          ['Evidence', `${finding.nodeIds.length} entities · ${finding.edgeIds.length} connections`],
        ]}
      />
      <h3 className="panel__subhead">Before publishing</h3>
      <QualifierList qualifiers={finding.qualifiers} />
      <Citations citations={finding.citations} title="Sources" />
      <h3 className="panel__subhead">Who and what</h3>
      <ul className="involved">
        {finding.nodeIds.map((id) => {
          const node = view.nodes.get(id);
          return (
            <li key={id}>
              <button type="button" className="endpoint" onClick={() => onSelectNode(id)} disabled={!node}>
                {node && <KindIcon kind={node.kind} size={16} />}
                <span dir="auto">{nodeName(view, id)}</span>
                {node && <span className="visually-hidden"> ({KIND_ENCODING[node.kind].label})</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {pattern?.description && (
        <p className="details__note">
          <strong>What this pattern looks for.</strong> {pattern.description}
        </p>
      )}
    </article>
  );
}
