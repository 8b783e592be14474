/**
 * Choose an entity by typing part of its name: a text box and the matching entities as buttons (a
 * plain list rather than a second combobox, so it works the same inside a dialog, by keyboard too).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind, SearchResult } from '../../../../schemas/index.js';
import { api, isAbort } from '../../api/client.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { KindIcon } from '../../components/KindIcon.js';
import type { Endpoint } from './drafts.js';

interface EntityPickerProps {
  readonly label: string;
  readonly value: Endpoint | undefined;
  readonly onChange: (value: Endpoint | undefined) => void;
  /** Only this kind (documents for a citation). */
  readonly kind?: EntityKind;
  readonly testId?: string;
}

export function EntityPicker({ label, value, onChange, kind, testId }: EntityPickerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<readonly SearchResult[]>([]);
  const query = useDebouncedValue(text.trim(), 200);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    api.search(query, { limit: 6, signal: controller.signal, ...(kind ? { kind } : {}) }).then(
      (answer) => setResults(answer.results),
      (error: unknown) => {
        if (!isAbort(error)) setResults([]);
      },
    );
    return () => controller.abort();
  }, [query, kind]);

  if (value) {
    return (
      <div className="picker picker--chosen" data-testid={testId}>
        <span className="picker__label">{label}</span>
        <span className="picker__value">
          <KindIcon kind={value.kind} size={14} /> <span dir="auto">{value.name}</span>
        </span>
        <button type="button" className="button button--quiet button--small" onClick={() => onChange(undefined)}>
          {t('editing.picker.change')}
        </button>
      </div>
    );
  }
  const shown = query ? results : [];
  return (
    <div className="picker" data-testid={testId}>
      <label className="picker__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="edit-field__input"
        type="search"
        value={text}
        placeholder={t('editing.picker.placeholder')}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      {query && (
        <ul className="picker__results" aria-label={label}>
          {shown.length === 0 && <li className="muted">{t('editing.picker.none')}</li>}
          {shown.map((result) => (
            <li key={result.id}>
              <button
                type="button"
                className="picker__option"
                aria-label={t('editing.picker.pick', { name: result.name })}
                onClick={() => {
                  onChange({ id: result.id, name: result.name, kind: result.kind });
                  setText('');
                }}
              >
                <KindIcon kind={result.kind} size={14} /> <span dir="auto">{result.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
