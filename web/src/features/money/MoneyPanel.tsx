/**
 * The Money tab: who pays whom, from /api/money-flows, optionally rolled up to parent companies, the
 * largest flows first a hundred at a time ("More flows" for the next), with a way to draw the rows shown
 * on the canvas and to light up one row of them.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Graph, MoneyFlowRow } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { queries } from '../../api/queries.js';
import { useWording } from '../../i18n/wording.js';
import { joinMoneyPages, localName, moneyTotals, notComputedYet } from '../../model/index.js';
import { MorePages } from '../../components/MorePages.js';
import { MoneyTable } from './MoneyTable.js';
import './MoneyPanel.css';

interface MoneyPanelProps {
  /** Key of the row lit up on the canvas, if any. */
  readonly shownKey: string | undefined;
  readonly busy: boolean;
  /** Draws the rows shown, from their evidence. */
  readonly onShowAll: (rows: readonly MoneyFlowRow[], evidence: Graph) => void;
  /** Lights one row up; `rollup` says how the table was rolled up when it was picked. */
  readonly onShowRow: (row: MoneyFlowRow, rollup: boolean, evidence: Graph) => void;
  readonly onClear: () => void;
}

export function MoneyPanel({ shownKey, busy, onShowAll, onShowRow, onClear }: MoneyPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [rollup, setRollup] = useState(false);
  // The largest flows first, a page at a time: a graph of a million relationships has ~300k pairs.
  const pages = useInfiniteQuery(queries.moneyPages(rollup));
  const table = useMemo(() => joinMoneyPages(pages.data?.pages ?? []), [pages.data]);
  // Payers and payees under the name the canvas gives them in the reader's language: their aliases come
  // with the evidence of the rows.
  const nameOf = useMemo(() => {
    const byId = new Map((table?.evidence.nodes ?? []).map((n) => [n.id, localName(n, i18n.language)]));
    return (party: { readonly id: string; readonly name: string }) => byId.get(party.id) ?? party.name;
  }, [table, i18n.language]);
  const rows = table?.rows ?? [];
  const evidence = table?.evidence;
  const words = useWording();
  const answer = table?.answer;

  return (
    <section className="rail-section money" aria-label={t('money.region')} data-testid="money-panel">
      <p className="money__intro">{t('money.intro')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={rollup}
          onChange={(e) => setRollup(e.target.checked)}
          aria-describedby={`${id}-rollup-note`}
        />
        {t('money.rollup')}
      </label>
      <p id={`${id}-rollup-note`} className="rail-hint money__note">
        {t('money.rollupNote')}
      </p>
      <div className="money__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => evidence && onShowAll(rows, evidence)}
          disabled={rows.length === 0 || busy}
        >
          {busy ? t('money.drawing') : t('money.show')}
        </button>
        {shownKey && (
          <button type="button" className="button button--quiet" onClick={onClear}>
            {t('conflicts.clearHighlight')}
          </button>
        )}
      </div>
      {pages.isPending && <p className="rail-hint">{t('money.loading')}</p>}
      {pages.isError && (
        <p className="inline-error" role="alert">
          {errorMessage(pages.error)}
        </p>
      )}
      {/* The whole graph's flows come from the stored findings: while they take in a change, the table is
          the one made before it (ADR 0039), and the reader is told so. Before the first computation there is
          no table yet. */}
      {answer?.status === 'updating' && (
        <p className="money__updating" role="status" data-testid="money-updating">
          {notComputedYet(answer) ? t('money.first') : t('money.updating')}
        </p>
      )}
      {answer &&
        evidence &&
        answer.graphVersion !== null &&
        (rows.length === 0 ? (
          <p className="rail-hint">{t('money.none')}</p>
        ) : (
          <>
            {/* Each payment or contract once, one total per currency: never one sum of different money. */}
            <p className="money__overall" data-testid="money-overall">
              <span className="money__overall-label">{t('money.overall')}</span>{' '}
              <span className="money__overall-total">
                {answer.totals.length ? moneyTotals(answer.totals, words) : words.undisclosed}
              </span>
              {answer.unknownCount > 0 && answer.totals.length > 0 && (
                <span className="money-row__undisclosed"> + {t('money.unknownOverall', { count: answer.unknownCount })}</span>
              )}
              <span className="rail-hint money__overall-note">{t('money.overallNote')}</span>
            </p>
            <MoneyTable
              rows={rows}
              rollup={rollup}
              shownKey={shownKey}
              nameOf={nameOf}
              onPick={(row) => onShowRow(row, rollup, evidence)}
            />
            <MorePages
              pages={pages}
              label={t('money.more', { shown: rows.length, total: answer.total })}
              loadingLabel={t('money.loadingMore')}
              className="money__more"
              testId="money-more"
            />
          </>
        ))}
      <p className="rail-hint">{t('money.hint')}</p>
    </section>
  );
}
