/**
 * Side panel content for a finding: what it says and why (the explanation), when it held, what to
 * check before printing it (the caveats), and every quote its evidence rests on.
 */
import { useTranslation } from 'react-i18next';
import type { Finding, PatternInfo } from '../../../../schemas/index.js';
import { findingPeriod, localName } from '../../model/index.js';
import { useWording } from '../../i18n/wording.js';
import { countWords } from '../../i18n/counts.js';
import type { ViewGraph } from '../../model/index.js';
import { Citations } from '../details/Citations.js';
import { Facts } from '../details/Facts.js';
import { KindIcon } from '../../components/KindIcon.js';
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
  const { t, i18n } = useTranslation();
  const words = useWording();
  return (
    <article className="details" data-testid="finding-details">
      <p className="eyebrow">
        <SeverityBadge severity={finding.severity} /> <bdi>{pattern?.name ?? finding.pattern}</bdi>
      </p>
      <h2 id={headingId} className="details__title details__title--finding" dir="auto" tabIndex={-1}>
        {finding.title}
      </h2>
      <p className="details__description" dir="auto" data-testid="finding-explanation">
        {finding.explanation}
      </p>
      <Facts
        rows={[
          [t('facts.period'), findingPeriod(finding.period, words, finding.qualifiers)],
          [
            t('facts.evidence'),
            t('facts.evidenceCount', countWords(t, { entities: finding.nodeIds.length, connections: finding.edgeIds.length })),
          ],
        ]}
      />
      <h3 className="panel__subhead">{t('finding.before')}</h3>
      <QualifierList qualifiers={finding.qualifiers} />
      <Citations citations={finding.citations} title={t('evidence.sources')} />
      <h3 className="panel__subhead">{t('finding.who')}</h3>
      <ul className="involved">
        {finding.nodeIds.map((id) => {
          const node = view.nodes.get(id);
          return (
            <li key={id}>
              <button type="button" className="endpoint" onClick={() => onSelectNode(id)} disabled={!node}>
                {node && <KindIcon kind={node.kind} size={16} />}
                <bdi>{node ? localName(node, i18n.language) : id}</bdi>
                {node && <span className="visually-hidden"> ({t(`kinds.${node.kind}`)})</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {pattern?.description && (
        <p className="details__note">
          <strong>{t('finding.looksFor')}</strong> {pattern.description}
        </p>
      )}
    </article>
  );
}
