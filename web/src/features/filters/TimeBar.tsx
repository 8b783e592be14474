/**
 * The time control along the bottom of the canvas: a slider over the years the canvas names (plus
 * "all dates" at the start), a date field for a precise day, and a switch for undated facts. On a narrow
 * canvas the end labels, the label and the day field give way (TimeBar.css), so nothing is cut.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './TimeBar.css';

interface TimeBarProps {
  readonly years: readonly number[];
  readonly asOf: string | undefined;
  readonly hideUndated: boolean;
  readonly onAsOf: (asOf: string | undefined) => void;
  readonly onHideUndated: (hide: boolean) => void;
}

export function TimeBar({ years, asOf, hideUndated, onAsOf, onHideUndated }: TimeBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const year = asOf === undefined ? undefined : Number(asOf.slice(0, 4));
  // Stop 0 is "all dates"; stop i is years[i - 1]. A year outside the range snaps to the nearest end.
  const index = year === undefined ? 0 : Math.max(1, years.findIndex((y) => y >= year) + 1 || years.length);
  const shown = asOf ?? t('time.all');
  return (
    <div className="timebar" role="group" aria-label={t('time.label')} data-testid="time-bar" data-canvas-overlay>
      <label className="timebar__label" htmlFor={`${id}-slider`}>
        {t('time.label')}
      </label>
      <span className="timebar__edge timebar__edge--start" aria-hidden="true">
        {t('time.all')}
      </span>
      <input
        id={`${id}-slider`}
        className="timebar__slider"
        type="range"
        min={0}
        max={years.length}
        step={1}
        value={index}
        aria-label={t('time.slider')}
        aria-valuetext={shown}
        data-testid="as-of-slider"
        onChange={(e) => {
          const stop = Number(e.target.value);
          onAsOf(stop === 0 ? undefined : String(years[stop - 1]));
        }}
      />
      <span className="timebar__edge" aria-hidden="true">
        {years[years.length - 1]}
      </span>
      <output className="timebar__value" htmlFor={`${id}-slider`} data-testid="as-of-value">
        {shown}
      </output>
      <input
        className="timebar__date"
        type="date"
        aria-label={t('time.date')}
        data-testid="as-of-date"
        value={asOf !== undefined && asOf.length === 10 ? asOf : ''}
        onChange={(e) => onAsOf(e.target.value === '' ? undefined : e.target.value)}
      />
      <label className="timebar__toggle" title={t('time.undatedHint')}>
        <input
          type="checkbox"
          checked={hideUndated}
          data-testid="hide-undated"
          onChange={(e) => onHideUndated(e.target.checked)}
        />
        {t('time.hideUndated')}
      </label>
    </div>
  );
}
