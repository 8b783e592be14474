/**
 * Live entity search as an ARIA 1.2 combobox: the input keeps focus, arrow keys move the active
 * option (announced through aria-activedescendant), Enter picks it, Escape closes the list.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { SEARCH_QUERY_MAX } from '../../../../schemas/index.js';
import type { SearchResult } from '../../../../schemas/index.js';
import { api, errorMessage, isAbort } from '../../api/client.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { useFittingText } from '../../hooks/useFittingText.js';
import { KindIcon } from '../../components/KindIcon.js';
import './SearchBox.css';

interface Answer {
  readonly query: string;
  readonly results: readonly SearchResult[];
  readonly error?: string;
}

export function SearchBox({
  onPick,
}: {
  /** `how` says whether Enter or a click picked it (the page moves the keyboard on after Enter). */
  readonly onPick: (result: SearchResult, how: 'keyboard' | 'pointer') => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [answer, setAnswer] = useState<Answer>();
  const settled = useDebouncedValue(query.trim(), 200);
  const input = useRef<HTMLInputElement>(null);
  // The whole hint where it fits, a shorter one on a phone (Spanish and Arabic run longer).
  const placeholder = useFittingText(input, [t('search.placeholder'), t('search.placeholderShort')]);

  useEffect(() => {
    if (!settled || settled.length > SEARCH_QUERY_MAX) return;
    const controller = new AbortController();
    api.search(settled, { limit: 8, signal: controller.signal }).then(
      ({ results }) => setAnswer({ query: settled, results }),
      (error: unknown) => {
        if (!isAbort(error)) setAnswer({ query: settled, results: [], error: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [settled]);

  // Results belong to the query they answered; while a newer query is in flight keep showing the
  // last ones (less flicker) but never results for an empty box.
  const current = query.trim() && answer ? answer : undefined;
  // Longer than the API answers: say so in words instead of asking (and showing its validation message).
  const tooLong = query.trim().length > SEARCH_QUERY_MAX;
  const results = tooLong ? [] : (current?.results ?? []);
  const waiting = !tooLong && query.trim() !== '' && current?.query !== query.trim();
  const expanded = open && query.trim() !== '' && (results.length > 0 || current !== undefined || waiting || tooLong);
  const activeIndex = Math.min(active, results.length - 1);

  const pick = (result: SearchResult | undefined, how: 'keyboard' | 'pointer') => {
    if (!result) return;
    onPick(result, how);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (count > 0)
        setActive((i) => (Math.max(0, Math.min(i, count - 1)) + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      pick(results[Math.max(0, activeIndex)], 'keyboard');
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setQuery('');
    }
  };

  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('searchBox.label')}
      </label>
      <svg className="search__glass" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="m13 13 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={input}
        id={`${id}-input`}
        data-testid="search-input"
        className="search__input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={`${id}-listbox`}
        role="listbox"
        aria-label={t('search.results')}
        // Busy while the shown results still answer an earlier query (they stay up to avoid flicker).
        aria-busy={waiting}
        className="search__results"
        data-testid="search-results"
        hidden={!expanded}
      >
        {results.map((result, i) => (
          <li
            key={result.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            // A short name for screen readers: the entity and its kind; aliases are visual help.
            aria-label={`${result.name} (${t(`kinds.${result.kind}`)})`}
            className="search__option"
            data-testid="search-result"
            // mousedown would blur the input and close the list before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(result, 'pointer')}
          >
            <KindIcon kind={result.kind} />
            <span className="search__name" dir="auto">
              {result.name}
            </span>
            <span className="search__kind">{t(`kinds.${result.kind}`)}</span>
            {result.aliases.length > 0 && (
              <span className="search__aliases" dir="auto">
                {result.aliases.slice(0, 3).join(' · ')}
              </span>
            )}
          </li>
        ))}
        {tooLong ? (
          <li className="search__empty" role="presentation" data-testid="search-message">
            {t('searchBox.tooLong', { length: query.trim().length, max: SEARCH_QUERY_MAX })}
          </li>
        ) : waiting && results.length === 0 ? (
          <li className="search__empty" role="presentation" data-testid="search-message">
            {t('searchBox.searching')}
          </li>
        ) : (
          current &&
          results.length === 0 && (
            <li className="search__empty" role="presentation" data-testid="search-message">
              {current.error ?? t('searchBox.nothing', { query: current.query })}
            </li>
          )
        )}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {tooLong && open
          ? t('searchBox.tooLong', { length: query.trim().length, max: SEARCH_QUERY_MAX })
          : expanded && !waiting
            ? t('searchBox.count', { count: results.length })
            : ''}
      </span>
    </div>
  );
}
