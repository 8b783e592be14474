/**
 * Money flows as a table: one row per payer and payee. The flow cell is a button (the keyboard way to
 * light the row up); the whole row answers a click too, because the total is what a mouse aims at.
 */
import type { MoneyFlowRow } from '../../../schemas/index.js';
import { moneyRowKey, moneyRowText } from '../model/index.js';

interface MoneyTableProps {
  readonly rows: readonly MoneyFlowRow[];
  readonly rollup: boolean;
  readonly shownKey: string | undefined;
  readonly onPick: (row: MoneyFlowRow) => void;
}

export function MoneyTable({ rows, rollup, shownKey, onPick }: MoneyTableProps) {
  return (
    <table className="money-table" data-testid="money-table">
      <caption className="visually-hidden">
        Money flows{rollup ? ', rolled up to parent companies' : ''}: {rows.length} payer and payee pairs
      </caption>
      <thead>
        <tr>
          <th scope="col">Payer → payee</th>
          <th scope="col" className="money-table__num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = moneyRowKey(row);
          const text = moneyRowText(row);
          const shown = key === shownKey;
          return (
            <tr
              key={key}
              className={shown ? 'money-row money-row--shown' : 'money-row'}
              onClick={() => onPick(row)}
              data-testid="money-row"
            >
              <td>
                <button
                  type="button"
                  className="money-row__flow"
                  aria-current={shown ? 'true' : undefined}
                  onClick={(event) => {
                    // The row's own click handler does the work; do not do it twice.
                    event.stopPropagation();
                    onPick(row);
                  }}
                >
                  <span className="money-row__payer" dir="auto">
                    {row.payer.name}
                  </span>
                  <span className="money-row__payee">
                    <span aria-hidden="true">→ </span>
                    <span className="visually-hidden">pays </span>
                    <span dir="auto">{row.payee.name}</span>
                  </span>
                  <span className="money-row__meta">
                    {text.contracts} · {text.period}
                  </span>
                </button>
              </td>
              <td className="money-table__num">
                <span
                  className={text.total === 'undisclosed' ? 'money-row__total money-row__total--unknown' : 'money-row__total'}
                >
                  {text.total}
                </span>
                {text.undisclosed && <span className="money-row__undisclosed">+ {text.undisclosed}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
