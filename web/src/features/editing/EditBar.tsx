/**
 * Over the canvas: start a new entity or connection (from the selected entity when there is one), open
 * the duplicates, and after each change a note with Undo, so the last edit is one click from being taken back.
 */
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../schemas/index.js';
import { useEditing, useEditingActions } from './store.js';

export function EditBar({ selectedNode }: { readonly selectedNode: GraphNode | undefined }) {
  const { t } = useTranslation();
  const { lastEdit, error } = useEditing();
  const editing = useEditingActions();
  const source = selectedNode ? { id: selectedNode.id, name: selectedNode.name, kind: selectedNode.kind } : undefined;
  return (
    <div className="edit-bar" data-testid="edit-bar">
      <div className="edit-bar__actions">
        <button type="button" className="tool" onClick={() => editing.open({ form: 'entity' })}>
          + {t('editing.newEntity')}
        </button>
        <button type="button" className="tool" onClick={() => editing.open({ form: 'relationship', source })}>
          + {t('editing.newConnection')}
        </button>
        <button type="button" className="tool" onClick={() => editing.open({ form: 'duplicates' })}>
          {t('editing.duplicates.tab')}
        </button>
      </div>
      {(lastEdit || error) && (
        <div
          className={`edit-bar__note${error ? ' edit-bar__note--error' : ''}`}
          role={error ? 'alert' : 'status'}
          data-testid="edit-note"
        >
          <span>{error ?? t(`editing.${lastEdit?.what ?? 'saved'}`)}</span>
          {lastEdit && !error && (
            <button
              type="button"
              className="button button--small"
              onClick={() => void editing.undo(lastEdit.auditId, { merge: lastEdit.merge === true })}
            >
              {lastEdit.merge ? t('editing.duplicates.undoMerge') : t('editing.undo')}
            </button>
          )}
          <button type="button" className="banner__close" onClick={() => editing.dismiss()} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
