/**
 * Money flows as a table: one row per payer and payee. The flow cell is a button (the keyboard way to
 * light the row up); the whole row answers a click too, because the total is what a mouse aims at.
 */
import { useTranslation } from 'react-i18next';
import type { MoneyFlowRow } from '../../../../schemas/index.js';
import { useWording } from '../../i18n/wording.js';
import { moneyRowKey, moneyRowText } from '../../model/index.js';

interface MoneyTableProps {
  readonly rows: readonly MoneyFlowRow[];
  readonly rollup: boolean;
  readonly shownKey: string | undefined;
  /** A payer's or payee's name in the reader's language. */
  readonly nameOf: (party: { readonly id: string; readonly name: string }) => string;
  readonly onPick: (row: MoneyFlowRow) => void;
}

export function MoneyTable({ rows, rollup, shownKey, nameOf, onPick }: MoneyTableProps) {
  const { t } = useTranslation();
  const words = useWording();
  return (
    <table className="money-table" data-testid="money-table">
      <caption className="visually-hidden">{t(rollup ? 'money.captionRollup' : 'money.caption', { count: rows.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('money.payerPayee')}</th>
          <th scope="col" className="money-table__num">
            {t('money.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = moneyRowKey(row);
          const text = moneyRowText(row, words);
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
                    {nameOf(row.payer)}
                  </span>
                  <span className="money-row__payee">
                    <span aria-hidden="true">→ </span>
                    <span className="visually-hidden">{t('money.pays')} </span>
                    <span dir="auto">{nameOf(row.payee)}</span>
                  </span>
                  <span className="money-row__meta">
                    {text.contracts} · {text.period}
                  </span>
                </button>
              </td>
              <td className="money-table__num">
                <span
                  className={text.total === words.undisclosed ? 'money-row__total money-row__total--unknown' : 'money-row__total'}
                >
                  {text.total}
                </span>
                {text.undisclosed && <span className="money-row__undisclosed">+ {text.undisclosed}</span>}
                {text.shared && <span className="money-row__undisclosed">{text.shared}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
