/**
 * The sources of a fact: for each, the document (one already in the graph, found by name, or a new one
 * described here: title, publisher, date, link), where in it, and the exact quote.
 */
import { useTranslation } from 'react-i18next';
import { EMPTY_CITATION } from './drafts.js';
import type { CitationDraft } from './drafts.js';
import { EntityPicker } from './EntityPicker.js';
import { Field } from './Field.js';

interface CitationFieldsProps {
  readonly citations: readonly CitationDraft[];
  readonly onChange: (citations: readonly CitationDraft[]) => void;
  readonly required: boolean;
}

export function CitationFields({ citations, onChange, required }: CitationFieldsProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<CitationDraft>) =>
    onChange(citations.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset className="citation-fields" data-testid="citation-fields">
      <legend className="citation-fields__legend">
        {t('editing.citations.legend')}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      {required && <p className="edit-field__hint muted">{t('editing.citations.hint')}</p>}
      {citations.map((citation, index) => (
        <div key={index} className="citation-fields__item" data-testid="citation-item">
          <div className="citation-fields__head">
            <span className="citation-fields__title">{t('editing.citations.item', { n: index + 1 })}</span>
            <span className="segmented" role="radiogroup" aria-label={t('editing.citations.document')}>
              {(['existing', 'new'] as const).map((source) => (
                <label key={source} className="segmented__option">
                  <input
                    type="radio"
                    name={`citation-source-${index}`}
                    checked={citation.source === source}
                    onChange={() => set(index, { source })}
                  />
                  {t(`editing.citations.${source}`)}
                </label>
              ))}
            </span>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onChange(citations.filter((_, i) => i !== index))}
              aria-label={t('editing.citations.remove')}
              title={t('editing.citations.remove')}
            >
              ×
            </button>
          </div>
          {citation.source === 'existing' ? (
            <EntityPicker
              label={t('editing.citations.document')}
              kind="Document"
              value={citation.documentId ? { id: citation.documentId, name: citation.documentName, kind: 'Document' } : undefined}
              onChange={(doc) => set(index, { documentId: doc?.id ?? '', documentName: doc?.name ?? '' })}
            />
          ) : (
            <div className="citation-fields__new" data-testid="new-document">
              <Field
                label={t('editing.form.title')}
                value={citation.title}
                onChange={(title) => set(index, { title })}
                required
                dir="auto"
              />
              <div className="edit-field-row">
                <Field
                  label={t('editing.form.publisher')}
                  value={citation.publisher}
                  onChange={(publisher) => set(index, { publisher })}
                  dir="auto"
                />
                <Field
                  label={t('editing.form.publishedOn')}
                  value={citation.publishedOn}
                  onChange={(publishedOn) => set(index, { publishedOn })}
                  placeholder="2021-04-20"
                />
              </div>
              <Field
                label={t('editing.form.url')}
                type="url"
                value={citation.url}
                onChange={(url) => set(index, { url })}
                placeholder="https://"
              />
            </div>
          )}
          <Field
            label={t('editing.citations.locator')}
            value={citation.locator}
            onChange={(locator) => set(index, { locator })}
            required
          />
          <Field
            label={t('editing.citations.quote')}
            value={citation.quote}
            onChange={(quote) => set(index, { quote })}
            multiline
            required
            dir="auto"
          />
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange([...citations, EMPTY_CITATION])}>
        + {t('editing.citations.add')}
      </button>
    </fieldset>
  );
}
