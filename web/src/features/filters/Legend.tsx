/** The legend, which doubles as the filter: each kind and connection category can be switched off. */
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS } from '../../../../schemas/index.js';
import type { EntityKind, RelationshipCategory } from '../../../../schemas/index.js';
import { FactFilters } from './FactFilters.js';
import type { FactFiltersProps } from './FactFilters.js';
import { CATEGORY_ENCODING, CATEGORY_ORDER, HIGHLIGHT_COLOR } from '../../model/index.js';
import type { Filter } from '../../model/index.js';
import { KindIcon } from '../../components/KindIcon.js';
import './Legend.css';

interface LegendProps extends Omit<FactFiltersProps, 'filter'> {
  readonly filter: Filter;
  readonly counts: ReadonlyMap<string, number>;
  readonly onToggleKind: (kind: EntityKind) => void;
  readonly onToggleCategory: (category: RelationshipCategory) => void;
}

export function Legend({ filter, counts, onToggleKind, onToggleCategory, onFilter }: LegendProps) {
  const { t } = useTranslation();
  return (
    <section className="rail-section legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="rail-heading">
        {t('legend.title')} <span className="rail-heading__note">{t('legend.note')}</span>
      </h2>
      <ul className="legend__list">
        {ENTITY_KINDS.map((kind) => {
          const shown = !filter.hiddenKinds.has(kind);
          return (
            <li key={kind}>
              <button type="button" className="legend__item" aria-pressed={shown} onClick={() => onToggleKind(kind)}>
                <KindIcon kind={kind} />
                <span className="legend__label">{t(`kindsPlural.${kind}`)}</span>
                <span className="legend__count">{counts.get(kind) ?? 0}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <h3 className="legend__subhead">{t('legend.connections')}</h3>
      <ul className="legend__list">
        {CATEGORY_ORDER.map((category) => {
          const enc = CATEGORY_ENCODING[category];
          const shown = !filter.hiddenCategories.has(category);
          return (
            <li key={category}>
              <button
                type="button"
                className="legend__item"
                aria-pressed={shown}
                onClick={() => onToggleCategory(category)}
                title={t(`categories.${category}.description`)}
              >
                <LineSample
                  color={enc.color}
                  dash={enc.line === 'dotted' ? '2 3' : undefined}
                  width={category === 'money' ? 4 : 2.5}
                />
                <span className="legend__label">{t(`categories.${category}.label`)}</span>
                <span className="legend__count">{counts.get(category) ?? 0}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <FactFilters filter={filter} onFilter={onFilter} />
      <ul className="legend__list legend__list--static" aria-label={t('legend.lineStyles')}>
        <li className="legend__item legend__item--static">
          <LineSample color="#3d3d3d" dash="6 4" width={2.5} />
          <span className="legend__label">{t('legend.former')}</span>
        </li>
        <li className="legend__item legend__item--static">
          <LineSample color="#b8b8b8" width={2.5} />
          <span className="legend__label">{t('legend.undated')}</span>
        </li>
        <li className="legend__item legend__item--static">
          <LineSample color={CATEGORY_ENCODING.money.color} width={6} />
          <span className="legend__label">{t('legend.wider')}</span>
        </li>
        <li className="legend__item legend__item--static">
          <LineSample color={HIGHLIGHT_COLOR} width={4.5} />
          <span className="legend__label">{t('legend.highlighted')}</span>
        </li>
        <li className="legend__item legend__item--static">
          <svg className="line-sample" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
            <circle cx="14" cy="6" r="5" fill="none" stroke="#17191c" strokeWidth="1" />
            <circle cx="14" cy="6" r="3" fill="none" stroke="#17191c" strokeWidth="1" />
          </svg>
          <span className="legend__label">{t('legend.marked')}</span>
        </li>
      </ul>
    </section>
  );
}

function LineSample({
  color,
  dash,
  width,
}: {
  readonly color: string;
  readonly dash?: string | undefined;
  readonly width: number;
}) {
  return (
    <svg className="line-sample" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2="21" y2="6" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      <path d="M20 2 27 6 20 10Z" fill={color} />
    </svg>
  );
}
