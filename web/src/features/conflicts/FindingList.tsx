/** Findings grouped under their pattern; each one a button that shows its evidence on the canvas. */
import { useId } from 'react';
import { useWording } from '../../i18n/wording.js';
import type { Finding } from '../../../../schemas/index.js';
import type { FindingGroup } from '../../model/index.js';
import { findingPeriod } from '../../model/index.js';
import { QualifierChips } from './Qualifiers.js';
import { SeverityBadge } from './SeverityBadge.js';

interface FindingListProps {
  readonly groups: readonly FindingGroup[];
  /** The finding whose evidence is lit up on the canvas, if any. */
  readonly shownId: string | undefined;
  readonly onShow: (finding: Finding) => void;
}

export function FindingList({ groups, shownId, onShow }: FindingListProps) {
  return (
    <div className="finding-groups" data-testid="finding-list">
      {groups.map((group) => (
        <Group key={group.pattern.id} group={group} shownId={shownId} onShow={onShow} />
      ))}
    </div>
  );
}

function Group({ group, shownId, onShow }: { readonly group: FindingGroup } & Omit<FindingListProps, 'groups'>) {
  const headingId = useId();
  return (
    <section className="finding-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="finding-group__name" title={group.pattern.description}>
        <span>{group.pattern.name}</span> <span className="count">{group.findings.length}</span>
      </h3>
      <ul className="findings">
        {group.findings.map((finding) => (
          <li key={finding.id}>
            <FindingItem finding={finding} shown={finding.id === shownId} onShow={onShow} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function FindingItem({
  finding,
  shown,
  onShow,
}: {
  readonly finding: Finding;
  readonly shown: boolean;
  readonly onShow: (finding: Finding) => void;
}) {
  const words = useWording();
  const period = findingPeriod(finding.period, words, finding.qualifiers);
  return (
    <button
      type="button"
      className={`finding finding--${finding.severity}`}
      aria-current={shown ? 'true' : undefined}
      onClick={() => onShow(finding)}
      data-testid="finding"
    >
      <span className="finding__top">
        <SeverityBadge severity={finding.severity} />
        {/* "undated" is already said by the "dates unknown" chip; only a known period adds anything. */}
        {period !== words.undated && <span className="finding__period">{period}</span>}
      </span>
      <span className="finding__title" dir="auto">
        {finding.title}
      </span>
      <QualifierChips qualifiers={finding.qualifiers} />
    </button>
  );
}
