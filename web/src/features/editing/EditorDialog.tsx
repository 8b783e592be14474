/** The open editing form, as a modal dialog over the page (Escape or Cancel closes it). */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../schemas/index.js';
import { DuplicatesPanel } from './DuplicatesPanel.js';
import { EntityForm } from './EntityForm.js';
import { RelationshipForm } from './RelationshipForm.js';
import { useEditing, useEditingActions } from './store.js';
import './editing.css';

/** `onShowEntity` puts an entity on the canvas (from the duplicates, to look at it before deciding). */
export function EditorDialog({ onShowEntity }: { readonly onShowEntity: (entity: DuplicateCandidate) => void }) {
  const { t } = useTranslation();
  const { editor } = useEditing();
  const editing = useEditingActions();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (editor && !element.open) element.showModal();
    if (!editor && element.open) element.close();
  }, [editor]);

  const title = !editor
    ? ''
    : editor.form === 'duplicates'
      ? t('editing.duplicates.title')
      : editor.form === 'entity'
        ? editor.node
          ? t('editing.form.editEntity', { name: editor.node.name })
          : t('editing.form.createEntity')
        : editor.edge
          ? t('editing.form.editConnection')
          : t('editing.form.createConnection');
  return (
    <dialog
      ref={dialog}
      className="editor-dialog"
      aria-labelledby={titleId}
      onClose={() => editing.close()}
      data-testid="editor-dialog"
    >
      {editor && (
        <>
          <h2 id={titleId} className="editor-dialog__title" dir="auto">
            {title}
          </h2>
          {editor.form === 'duplicates' ? (
            <>
              <DuplicatesPanel
                onShow={(entity) => {
                  editing.close();
                  onShowEntity(entity);
                }}
              />
              {/* Merging and "not the same" act at once, per pair; nothing waits to be cancelled. */}
              <button type="button" className="button" onClick={() => editing.close()}>
                {t('editing.duplicates.close')}
              </button>
            </>
          ) : editor.form === 'entity' ? (
            <EntityForm key={editor.node?.id ?? 'new'} node={editor.node} kind={editor.kind} />
          ) : (
            <RelationshipForm key={editor.edge?.id ?? 'new'} edge={editor.edge} source={editor.source} target={editor.target} />
          )}
        </>
      )}
    </dialog>
  );
}
