/** The right-hand region: details and evidence for whatever is selected, or how to get started. */
import { Trans, useTranslation } from 'react-i18next';
import { useEffect, useId, useRef } from 'react';
import type { GraphNode, PatternInfo } from '../../../../schemas/index.js';
import type { Selection, ViewGraph } from '../../model/index.js';
import { EdgeDetails } from './EdgeDetails.js';
import { FindingDetails } from '../conflicts/FindingDetails.js';
import { FlowDetails } from '../money/FlowDetails.js';
import { NodeDetails } from './NodeDetails.js';
import { EdgeTools, EntityPanel } from '../editing/index.js';
import { WhenAllowed } from '../access/WhenAllowed.js';
import type { NodeActions } from './NodeDetails.js';
import './SidePanel.css';

interface SidePanelProps extends NodeActions {
  readonly selection: Selection;
  readonly view: ViewGraph;
  readonly expandingId: string | undefined;
  /** For naming a finding's pattern and saying what it looks for. */
  readonly patterns: readonly PatternInfo[];
  readonly onSelectNode: (id: string) => void;
  readonly onSelectEdge: (id: string) => void;
  /** The name to show for an entity in the reader's language. */
  readonly nameOf: (node: GraphNode) => string;
}

export function SidePanel({
  selection,
  view,
  expandingId,
  patterns,
  onSelectNode,
  onSelectEdge,
  nameOf,
  ...nodeActions
}: SidePanelProps) {
  const headingId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new selection starts reading from the top, not wherever the previous one was scrolled to.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [selection]);

  const node = selection?.kind === 'node' ? view.nodes.get(selection.id) : undefined;
  const edge = selection?.kind === 'edge' ? view.edges.get(selection.id) : undefined;
  const finding = selection?.kind === 'finding' ? selection.finding : undefined;
  const flow = selection?.kind === 'flow' ? selection : undefined;
  return (
    <section className="side-panel" id="side-panel" aria-labelledby={headingId} data-testid="side-panel" ref={scrollRef}>
      {node && (
        <EntityPanel key={node.id} node={node}>
          <NodeDetails
            key={node.id}
            node={node}
            headingId={headingId}
            expanding={expandingId === node.id}
            nameOf={nameOf}
            shownNameOf={(id) => {
              const shown = view.nodes.get(id);
              return shown && nameOf(shown);
            }}
            onSelectEdge={onSelectEdge}
            {...nodeActions}
          />
        </EntityPanel>
      )}
      {edge && <EdgeDetails key={edge.id} edge={edge} view={view} headingId={headingId} onSelectNode={onSelectNode} />}
      {edge && (
        <WhenAllowed>
          <EdgeTools edge={edge} view={view} />
        </WhenAllowed>
      )}
      {finding && (
        <FindingDetails
          key={finding.id}
          finding={finding}
          pattern={patterns.find((p) => p.id === finding.pattern)}
          view={view}
          headingId={headingId}
          onSelectNode={onSelectNode}
        />
      )}
      {flow && (
        <FlowDetails
          key={`${flow.row.payer.id}>${flow.row.payee.id}`}
          row={flow.row}
          edgeIds={flow.edgeIds}
          view={view}
          headingId={headingId}
          onSelectNode={onSelectNode}
        />
      )}
      {!node && !edge && !finding && !flow && <Intro headingId={headingId} />}
    </section>
  );
}

function Intro({ headingId }: { readonly headingId: string }) {
  const { t } = useTranslation();
  const marks = { k: <kbd />, b: <strong /> };
  return (
    <div className="details intro">
      <h2 id={headingId} className="details__title">
        {t('panel.introTitle')}
      </h2>
      <p>{t('panel.introBody')}</p>
      <ul className="intro__tips">
        <li>
          <Trans i18nKey="panel.tipExpand" components={marks} />
        </li>
        <li>
          <Trans i18nKey="panel.tipPaths" components={marks} />
        </li>
        <li>{t('panel.tipSources')}</li>
        <li>
          <Trans i18nKey="panel.tipConflicts" components={marks} />
        </li>
      </ul>
    </div>
  );
}
