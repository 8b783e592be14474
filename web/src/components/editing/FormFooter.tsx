/** Save and Cancel, who is saving (for the history), and why the form cannot be saved yet. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editorName, setEditorName } from '../../api/editing.js';
import { Field } from './Field.js';
import { editing } from './store.js';

export function FormFooter({ problem, saving }: { readonly problem: string | undefined; readonly saving: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState(editorName);
  return (
    <div className="edit-form__footer">
      {problem && (
        <p className="inline-error" role="alert" data-testid="form-problem">
          {problem}
        </p>
      )}
      <Field
        label={t('editing.form.you')}
        value={name}
        onChange={(value) => {
          setName(value);
          setEditorName(value);
        }}
      />
      <div className="edit-form__buttons">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('editing.form.saving') : t('editing.form.save')}
        </button>
        <button type="button" className="button" onClick={() => editing.close()}>
          {t('editing.form.cancel')}
        </button>
      </div>
    </div>
  );
}
