/**
 * The Money tab: who pays whom, from /api/money-flows, optionally rolled up to parent companies, with
 * a way to draw the whole table on the canvas and to light up one row of it.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyFlowRow } from '../../../../schemas/index.js';
import { queries, useLoaded } from '../../api/queries.js';
import { useWording } from '../../i18n/wording.js';
import { localName, moneyTotals } from '../../model/index.js';
import { MoneyTable } from './MoneyTable.js';
import './MoneyPanel.css';

interface MoneyPanelProps {
  /** Key of the row lit up on the canvas, if any. */
  readonly shownKey: string | undefined;
  readonly busy: boolean;
  readonly onShowAll: (rows: readonly MoneyFlowRow[]) => void;
  /** Lights one row up; `rollup` says how the table was rolled up when it was picked. */
  readonly onShowRow: (row: MoneyFlowRow, rollup: boolean) => void;
  readonly onClear: () => void;
}

export function MoneyPanel({ shownKey, busy, onShowAll, onShowRow, onClear }: MoneyPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [rollup, setRollup] = useState(false);
  const answer = useLoaded(queries.moneyFlows(rollup));
  // Payers and payees under the name the canvas gives them in the reader's language: their aliases come
  // with the money-flow pattern's evidence.
  const evidence = useLoaded(queries.moneyEvidence());
  const nodes = evidence.status === 'ready' ? evidence.value.nodes : undefined;
  const nameOf = useMemo(() => {
    const byId = new Map((nodes ?? []).map((n) => [n.id, localName(n, i18n.language)]));
    return (party: { readonly id: string; readonly name: string }) => byId.get(party.id) ?? party.name;
  }, [nodes, i18n.language]);
  const rows = answer.status === 'ready' ? answer.value.rows : [];
  const words = useWording();

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
          onClick={() => onShowAll(rows)}
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
      {answer.status === 'loading' && <p className="rail-hint">{t('money.loading')}</p>}
      {answer.status === 'error' && (
        <p className="inline-error" role="alert">
          {answer.message}
        </p>
      )}
      {/* The whole graph's flows come from the stored findings: while they take in a change, say so. */}
      {answer.status === 'ready' && answer.value.status === 'updating' && (
        <p className="rail-hint" role="status" data-testid="money-updating">
          {t('conflicts.updating')}
        </p>
      )}
      {answer.status === 'ready' &&
        answer.value.graphVersion !== null &&
        (rows.length === 0 ? (
          <p className="rail-hint">{t('money.none')}</p>
        ) : (
          <>
            {/* Each payment or contract once, one total per currency: never one sum of different money. */}
            <p className="money__overall" data-testid="money-overall">
              <span className="money__overall-label">{t('money.overall')}</span>{' '}
              <span className="money__overall-total">
                {answer.value.totals.length ? moneyTotals(answer.value.totals, words) : words.undisclosed}
              </span>
              {answer.value.unknownCount > 0 && answer.value.totals.length > 0 && (
                <span className="money-row__undisclosed">
                  {' '}
                  + {t('money.unknownOverall', { count: answer.value.unknownCount })}
                </span>
              )}
              <span className="rail-hint money__overall-note">{t('money.overallNote')}</span>
            </p>
            <MoneyTable
              rows={rows}
              rollup={rollup}
              shownKey={shownKey}
              nameOf={nameOf}
              onPick={(row) => onShowRow(row, rollup)}
            />
          </>
        ))}
      <p className="rail-hint">{t('money.hint')}</p>
    </section>
  );
}
