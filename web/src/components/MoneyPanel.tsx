/**
 * The Money tab: who pays whom, from /api/money-flows, optionally rolled up to parent companies, with
 * a way to draw the whole table on the canvas and to light up one row of it.
 */
import { useId, useState } from 'react';
import type { MoneyFlowRow } from '../../../schemas/index.js';
import { api } from '../api/client.js';
import { useQuery } from '../hooks/useQuery.js';
import { MoneyTable } from './MoneyTable.js';
import './MoneyPanel.css';

interface MoneyPanelProps {
  /** Key of the row lit up on the canvas, if any. */
  readonly shownKey: string | undefined;
  readonly busy: boolean;
  readonly onShowAll: (rows: readonly MoneyFlowRow[]) => void;
  readonly onShowRow: (row: MoneyFlowRow) => void;
  readonly onClear: () => void;
}

export function MoneyPanel({ shownKey, busy, onShowAll, onShowRow, onClear }: MoneyPanelProps) {
  const id = useId();
  const [rollup, setRollup] = useState(false);
  const answer = useQuery(`money-flows?rollup=${rollup}`, (signal) => api.moneyFlows({ rollup, signal }));
  const rows = answer.status === 'ready' ? answer.value.rows : [];

  return (
    <section className="rail-section money" aria-label="Money flows" data-testid="money-panel">
      <p className="money__intro">Who pays whom, summed over the contracts in the sources.</p>
      <label className="check">
        <input
          type="checkbox"
          checked={rollup}
          onChange={(e) => setRollup(e.target.checked)}
          aria-describedby={`${id}-rollup-note`}
        />
        Roll up to parent companies
      </label>
      <p id={`${id}-rollup-note`} className="rail-hint money__note">
        Counts a subsidiary’s contracts as its parent company’s.
      </p>
      <div className="money__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => onShowAll(rows)}
          disabled={rows.length === 0 || busy}
        >
          {busy ? 'Drawing…' : 'Show on canvas'}
        </button>
        {shownKey && (
          <button type="button" className="button button--quiet" onClick={onClear}>
            Clear highlight
          </button>
        )}
      </div>
      {answer.status === 'loading' && <p className="rail-hint">Loading money flows…</p>}
      {answer.status === 'error' && (
        <p className="inline-error" role="alert">
          {answer.message}
        </p>
      )}
      {answer.status === 'ready' &&
        (rows.length === 0 ? (
          <p className="rail-hint">No contracts with a known buyer and vendor in the data.</p>
        ) : (
          <MoneyTable rows={rows} rollup={rollup} shownKey={shownKey} onPick={onShowRow} />
        ))}
      <p className="rail-hint">Click a row to light up that flow. On the canvas, a wider line is a larger contract.</p>
    </section>
  );
}
