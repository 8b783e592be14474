/**
 * The legend's filters on relationships themselves rather than their category: how firmly they
 * stand (status), how many distinct documents back them, and individual types.
 */
import { useTranslation } from 'react-i18next';
import { FactStatus, RELATIONSHIP_TYPES } from '../../../../schemas/index.js';
import type { RelationshipType } from '../../../../schemas/index.js';
import type { Filter } from '../../model/index.js';

export interface FactFiltersProps {
  readonly filter: Filter;
  readonly onFilter: (patch: Partial<Filter>) => void;
}

const MIN_SOURCE_CHOICES = [1, 2, 3];

export function FactFilters({ filter, onFilter }: FactFiltersProps) {
  const { t } = useTranslation();
  const hiddenStatuses = filter.hiddenStatuses ?? new Set();
  const hiddenTypes = filter.hiddenTypes ?? new Set<RelationshipType>();
  return (
    <div className="fact-filters">
      <fieldset className="fact-filters__group">
        <legend className="legend__subhead">{t('filter.status')}</legend>
        {FactStatus.options.map((status) => (
          <label key={status} className="fact-filters__check">
            <input
              type="checkbox"
              checked={!hiddenStatuses.has(status)}
              onChange={() => onFilter({ hiddenStatuses: toggled(hiddenStatuses, status) })}
            />
            {t(`filter.statuses.${status}`)}
          </label>
        ))}
      </fieldset>
      <label className="fact-filters__sources">
        <span className="legend__subhead">{t('filter.minSourcesLabel')}</span>
        <select
          value={filter.minSources ?? 1}
          data-testid="min-sources"
          onChange={(e) => onFilter({ minSources: Number(e.target.value) })}
        >
          {MIN_SOURCE_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t('filter.minSources', { count: n })}
            </option>
          ))}
        </select>
      </label>
      <details className="fact-filters__types">
        <summary className="legend__subhead">{t('filter.types')}</summary>
        {RELATIONSHIP_TYPES.map((type) => (
          <label key={type} className="fact-filters__check">
            <input
              type="checkbox"
              checked={!hiddenTypes.has(type)}
              onChange={() => onFilter({ hiddenTypes: toggled(hiddenTypes, type) })}
            />
            {t(`types.${type}`).toLocaleLowerCase()}
          </label>
        ))}
      </details>
    </div>
  );
}

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}
