/** Save and Cancel, and why the form cannot be saved yet. The history names the signed-in token. */
import { useTranslation } from 'react-i18next';
import { useEditingActions } from './store.js';

export function FormFooter({ problem, saving }: { readonly problem: string | undefined; readonly saving: boolean }) {
  const { t } = useTranslation();
  const editing = useEditingActions();
  return (
    <div className="edit-form__footer">
      {problem && (
        <p className="inline-error" role="alert" data-testid="form-problem">
          {problem}
        </p>
      )}
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
