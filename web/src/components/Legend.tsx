/** The legend, which doubles as the filter: each kind and connection category can be switched off. */
import { ENTITY_KINDS } from '../../../schemas/index.js';
import type { EntityKind, RelationshipCategory } from '../../../schemas/index.js';
import { FactFilters } from './FactFilters.js';
import type { FactFiltersProps } from './FactFilters.js';
import { CATEGORY_ENCODING, CATEGORY_ORDER, HIGHLIGHT_COLOR, KIND_ENCODING } from '../model/index.js';
import type { Filter } from '../model/index.js';
import { KindIcon } from './KindIcon.js';
import './Legend.css';

interface LegendProps extends Omit<FactFiltersProps, 'filter'> {
  readonly filter: Filter;
  readonly counts: ReadonlyMap<string, number>;
  readonly onToggleKind: (kind: EntityKind) => void;
  readonly onToggleCategory: (category: RelationshipCategory) => void;
}

export function Legend({ filter, counts, onToggleKind, onToggleCategory, onFilter }: LegendProps) {
  return (
    <section className="rail-section legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="rail-heading">
        Legend <span className="rail-heading__note">click to show or hide</span>
      </h2>
      <ul className="legend__list">
        {ENTITY_KINDS.map((kind) => {
          const shown = !filter.hiddenKinds.has(kind);
          return (
            <li key={kind}>
              <button type="button" className="legend__item" aria-pressed={shown} onClick={() => onToggleKind(kind)}>
                <KindIcon kind={kind} />
                <span className="legend__label">{KIND_ENCODING[kind].plural}</span>
                <span className="legend__count">{counts.get(kind) ?? 0}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <h3 className="legend__subhead">Connections</h3>
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
                title={enc.description}
              >
                <LineSample
                  color={enc.color}
                  dash={enc.line === 'dotted' ? '2 3' : undefined}
                  width={category === 'money' ? 4 : 2.5}
                />
                <span className="legend__label">{enc.label}</span>
                <span className="legend__count">{counts.get(category) ?? 0}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <FactFilters filter={filter} onFilter={onFilter} />
      <ul className="legend__list legend__list--static" aria-label="Line styles">
        <li className="legend__item legend__item--static">
          <LineSample color="#3d3d3d" dash="6 4" width={2.5} />
          <span className="legend__label">Former role or tie</span>
        </li>
        <li className="legend__item legend__item--static">
          <LineSample color="#b8b8b8" width={2.5} />
          <span className="legend__label">No dates (when an as-of date is set)</span>
        </li>
        <li className="legend__item legend__item--static">
          <LineSample color={CATEGORY_ENCODING.money.color} width={6} />
          <span className="legend__label">Wider = larger contract</span>
        </li>
        <li className="legend__item legend__item--static">
          <LineSample color={HIGHLIGHT_COLOR} width={4.5} />
          <span className="legend__label">Highlighted path or finding</span>
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
