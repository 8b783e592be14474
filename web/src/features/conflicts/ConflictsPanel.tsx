/**
 * The Conflicts tab: findings from /api/conflicts, a page at a time ("More" loads the next), narrowed by
 * pattern and, on request, to the selected entity. Both filters are the server's, so the counts are of
 * all the stored findings, not of the pages loaded; while the server updates its stored findings the
 * tab says so, with how far a full recomputation has got, and asks again until they are current. A
 * pattern that could not be run over the whole graph is named, and its count reads "not computed", never 0.
 */
import { useId, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConflictsResponse, FailedPattern, Finding, GraphNode, PatternInfo } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { queries } from '../../api/queries.js';
import { readerLanguage } from '../../i18n/index.js';
import { failedPatterns, findingPatch, groupFindings, joinPages, listIncomplete, notComputedYet } from '../../model/index.js';
import type { GraphPatch } from '../../model/index.js';
import { MorePages } from '../../components/MorePages.js';
import { FindingList } from './FindingList.js';
import './ConflictsPanel.css';

interface ConflictsPanelProps {
  readonly patterns: readonly PatternInfo[];
  /** The node selected on the canvas, which "only the selected entity" narrows the list to. */
  readonly selectedNode: GraphNode | undefined;
  readonly shownId: string | undefined;
  readonly onShow: (finding: Finding, patch: GraphPatch) => void;
  readonly onClear: () => void;
}

const ALL = '';

export function ConflictsPanel({ patterns, selectedNode, shownId, onShow, onClear }: ConflictsPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [pattern, setPattern] = useState(ALL);
  const [onlyEntity, setOnlyEntity] = useState(false);
  const [entity, setEntity] = useState<{ readonly id: string; readonly name: string }>();
  // The filter follows the reader to each entity they select, but not to findings or connections
  // (picking a finding from the narrowed list must not widen the list under the pointer).
  if (onlyEntity && selectedNode && selectedNode.id !== entity?.id) setEntity({ id: selectedNode.id, name: selectedNode.name });
  const entityId = onlyEntity ? entity?.id : undefined;

  const pages = useInfiniteQuery(
    queries.conflictPages(entityId, pattern === ALL ? undefined : pattern, readerLanguage(i18n.language)),
  );
  const response: ConflictsResponse | undefined = joinPages(pages.data?.pages ?? []);
  const shown = response?.findings ?? [];
  const counts = response?.patternCounts ?? {};
  const total = response?.total ?? shown.length;
  const allCount = Object.values(counts).reduce((a, b) => a + b, 0);
  const groups = groupFindings(shown, patterns);
  const failed = failedPatterns(response);
  const incomplete = listIncomplete(failed, pattern === ALL ? undefined : pattern);
  const notYet = notComputedYet(response);

  return (
    <section className="rail-section conflicts" aria-label={t('conflicts.region')} data-testid="conflicts-panel">
      <label className="field" htmlFor={`${id}-pattern`}>
        {t('conflicts.pattern')}
      </label>
      <select id={`${id}-pattern`} className="select" value={pattern} onChange={(e) => setPattern(e.target.value)}>
        <option value={ALL}>
          {notYet
            ? t('conflicts.allPatternsNotYet')
            : t(failed.size ? 'conflicts.allPatternsIncomplete' : 'conflicts.allPatterns', { count: allCount })}
        </option>
        {patterns.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({notYet || failed.has(p.id) ? t('conflicts.notComputed') : (counts[p.id] ?? 0)})
          </option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={onlyEntity}
          // Nothing to narrow to until an entity has been selected at least once.
          disabled={!onlyEntity && !selectedNode}
          onChange={(e) => {
            setOnlyEntity(e.target.checked);
            if (e.target.checked && selectedNode) setEntity({ id: selectedNode.id, name: selectedNode.name });
          }}
          aria-describedby={`${id}-entity-note`}
        />
        {t('conflicts.onlySelected')}
      </label>
      <p id={`${id}-entity-note`} className="rail-hint conflicts__entity">
        {onlyEntity && entity ? (
          <>
            {t('conflicts.involving')}{' '}
            <strong dir="auto" data-testid="conflicts-entity">
              {entity.name}
            </strong>
          </>
        ) : selectedNode ? (
          <>
            {t('conflicts.narrowTo')} <span dir="auto">{selectedNode.name}</span>
          </>
        ) : (
          t('conflicts.selectToNarrow')
        )}
      </p>

      <div className="conflicts__summary">
        <p aria-live="polite" data-testid="conflicts-count">
          {pages.status === 'pending'
            ? t('conflicts.loading')
            : notYet
              ? t('conflicts.notYet')
              : pattern !== ALL && failed.has(pattern)
                ? t('conflicts.patternNotComputed')
                : t('conflicts.count', { count: total })}
        </p>
        {response?.status === 'updating' && <UpdatingNote response={response} patterns={patterns} narrowed={onlyEntity} />}
        {shownId && (
          <button type="button" className="button button--quiet button--small" onClick={onClear}>
            {t('conflicts.clearHighlight')}
          </button>
        )}
      </div>

      {failed.size > 0 && (
        <FailedNotes failed={[...failed.values()]} patterns={patterns} forEntity={response?.computedNow === true} />
      )}

      {pages.status === 'error' && (
        <p className="inline-error" role="alert">
          {errorMessage(pages.error)}
        </p>
      )}
      {/* Before the first computation there is no list yet, only the note that it is being made; and
          "no findings" is never said of a list a failed pattern may be missing from. */}
      {response && response.graphVersion !== null && shown.length === 0 && !incomplete && (
        <EmptyState entity={onlyEntity ? entity?.name : undefined} filtered={pattern !== ALL} />
      )}
      {response && (
        <FindingList groups={groups} shownId={shownId} onShow={(finding) => onShow(finding, findingPatch(response, finding))} />
      )}
      <MorePages
        pages={pages}
        label={t('conflicts.more', { shown: shown.length, total })}
        loadingLabel={t('conflicts.loadingMore')}
        className="conflicts__more"
        testId="conflicts-more"
      />
    </section>
  );
}

/**
 * The stored findings are taking in a change: the list shown is the one before it. A running
 * recomputation says how far it is and names the patterns that failed in it so far, which the new list
 * will lack. Before the first one has finished there is no list yet: the note says so, and that one
 * entity's findings can be had meanwhile (the server computes them when asked: `computedNow`).
 */
function UpdatingNote({
  response,
  patterns,
  narrowed,
}: {
  readonly response: ConflictsResponse;
  readonly patterns: readonly PatternInfo[];
  /** "Only the selected entity" is ticked. */
  readonly narrowed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const progress = response.progress;
  const failedSoFar = (progress?.failed ?? []).map((f) => patternName(patterns, f.pattern));
  const first = notComputedYet(response) || response.computedNow === true;
  const found = progress ? new Intl.NumberFormat(i18n.language).format(progress.findings) : '';
  return (
    <p className="conflicts__updating" role="status" data-testid="conflicts-updating">
      {response.computedNow && (
        <span className="conflicts__updating-line" data-testid="conflicts-computed-now">
          {t('conflicts.computedNow')}
        </span>
      )}
      <span className="conflicts__updating-line">
        {progress && first
          ? t('conflicts.firstProgress', { done: progress.done, total: progress.total, found })
          : progress
            ? t('conflicts.updatingProgress', { done: progress.done, total: progress.total })
            : t('conflicts.updating')}
      </span>
      {progress && <progress max={progress.total} value={progress.done} aria-hidden="true" />}
      {first && !narrowed && (
        <span className="conflicts__updating-line conflicts__updating-hint" data-testid="conflicts-first-hint">
          {t('conflicts.firstEntityHint')}
        </span>
      )}
      {failedSoFar.length > 0 && (
        <span className="conflicts__updating-failed" data-testid="conflicts-updating-failed">
          {t('conflicts.updatingFailed', { names: failedSoFar.join(', ') })}
        </span>
      )}
    </p>
  );
}

/** A pattern's name in the reader's language, or its id when the server no longer lists it. */
function patternName(patterns: readonly PatternInfo[], id: string): string {
  return patterns.find((p) => p.id === id)?.name ?? id;
}

/**
 * The patterns the stored findings lack (or, computed now for one entity, that did not finish in time for
 * it): each by its name, with why, in the reader's language (the database's own message for an error
 * other than memory or time).
 */
function FailedNotes({
  failed,
  patterns,
  forEntity,
}: {
  readonly failed: readonly FailedPattern[];
  readonly patterns: readonly PatternInfo[];
  readonly forEntity: boolean;
}) {
  const { t } = useTranslation();
  const reason = (f: FailedPattern) =>
    f.cause === 'memory'
      ? t('conflicts.failedMemory')
      : f.cause === 'timeout'
        ? t('conflicts.failedTimeout')
        : t('conflicts.failedError', { detail: f.reason });
  return (
    <ul className="conflicts__failed" data-testid="conflicts-failed">
      {failed.map((f) => (
        <li key={f.pattern} role="note">
          {t(forEntity ? 'conflicts.failedForEntity' : 'conflicts.failedPattern', {
            name: patternName(patterns, f.pattern),
            reason: reason(f),
          })}
        </li>
      ))}
    </ul>
  );
}

function EmptyState({ entity, filtered }: { readonly entity: string | undefined; readonly filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="conflicts__empty" data-testid="conflicts-empty">
      <p className="conflicts__empty-title">{t('conflicts.noneTitle')}</p>
      <p>
        {entity ? (
          <>
            {t(filtered ? 'conflicts.noneForEntityOfKind' : 'conflicts.noneForEntity')} <span dir="auto">{entity}</span>.
          </>
        ) : filtered ? (
          t('conflicts.noneOfPattern')
        ) : (
          t('conflicts.noneAtAll')
        )}
      </p>
    </div>
  );
}
