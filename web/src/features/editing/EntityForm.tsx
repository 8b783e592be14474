/**
 * Create or edit an entity: name, other names, dates, status, the fields of its kind, and its sources.
 * An edit is sent with the version the form was opened on; if someone saved the entity since, the form
 * shows what they changed and lets the person take their version or keep their own text.
 */
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, FactStatus } from '../../../../schemas/index.js';
import type { EntityKind, GraphNode } from '../../../../schemas/index.js';
import { editingApi } from '../../api/editing.js';
import { useSaveForm } from './useSaveForm.js';
import { KIND_ENCODING } from '../../model/index.js';
import { CitationFields } from './CitationFields.js';
import { ConflictNotice } from './ConflictNotice.js';
import {
  changedDraftFields,
  createEntityRequest,
  emptyEntityDraft,
  entityDraftOf,
  entityProblem,
  KIND_FIELDS,
  rebaseDraft,
  updateEntityRequest,
} from './drafts.js';
import type { EntityDraft } from './drafts.js';
import { Field } from './Field.js';
import { FormFooter } from './FormFooter.js';
import { useEditingActions } from './store.js';

export function EntityForm({ node, kind }: { readonly node?: GraphNode | undefined; readonly kind?: EntityKind | undefined }) {
  const { t } = useTranslation();
  const editing = useEditingActions();
  const { draft, set, base, conflict, problem, saving, adopt, submit } = useSaveForm<GraphNode, EntityDraft>(
    node,
    () => (node ? entityDraftOf(node) : emptyEntityDraft(kind)),
    {
      problemOf: entityProblem,
      save: async (draft, base) => {
        const result = base
          ? await editingApi.updateEntity(base.id, updateEntityRequest(base, draft), base.version)
          : await editingApi.createEntity(createEntityRequest(draft));
        await editing.entitySaved(result.auditId, result.entity);
      },
      isItem: (current): current is GraphNode => 'kind' in current,
    },
  );

  return (
    <form className="edit-form" onSubmit={(event) => void submit(event)} noValidate data-testid="entity-form">
      {!node && (
        <Field
          label={t('editing.form.kind')}
          value={draft.kind}
          onChange={(value) => set({ ...emptyEntityDraft(value as EntityKind), name: draft.name, citations: draft.citations })}
          options={ENTITY_KINDS.map((k) => ({ value: k, label: KIND_ENCODING[k].label }))}
        />
      )}
      <Field label={t('editing.form.name')} value={draft.name} onChange={(name) => set({ name })} required dir="auto" />
      <Field
        label={t('editing.form.aliases')}
        value={draft.aliases}
        onChange={(aliases) => set({ aliases })}
        multiline
        dir="auto"
      />
      <Field
        label={t('editing.form.description')}
        value={draft.description}
        onChange={(description) => set({ description })}
        multiline
        dir="auto"
      />
      {KIND_FIELDS[draft.kind].map((key) => (
        <Field
          key={key}
          label={t(`editing.form.${key}`)}
          value={draft[key]}
          onChange={(value) => set({ [key]: value })}
          type={key === 'amount' ? 'number' : key === 'url' ? 'url' : 'text'}
          required={key === 'title'}
        />
      ))}
      <div className="edit-field-row">
        <Field label={t('editing.form.start')} value={draft.start} onChange={(start) => set({ start })} placeholder="2019" />
        <Field label={t('editing.form.end')} value={draft.end} onChange={(end) => set({ end })} />
        <Field
          label={t('editing.form.status')}
          value={draft.status}
          onChange={(status) => set({ status: status as EntityDraft['status'] })}
          options={FactStatus.options.map((s) => ({ value: s, label: t(`editing.form.statuses.${s}`) }))}
        />
      </div>
      <CitationFields
        citations={draft.citations}
        onChange={(citations) => set({ citations })}
        required={draft.kind !== 'Document'}
      />
      {conflict && base && (
        <ConflictNotice
          conflict={conflict.response}
          fields={changedDraftFields(entityDraftOf(base), entityDraftOf(conflict.current)).map((key) => {
            const now = entityDraftOf(conflict.current)[key];
            return key === 'citations'
              ? { label: t('editing.citations.legend'), now: t('editing.conflict.sources', { count: now.length }) }
              : { label: t(key === 'kind' ? 'editing.form.kind' : `editing.form.${key}`), now: String(now) };
          })}
          onReload={() => adopt(conflict.current, entityDraftOf(conflict.current))}
          onKeep={() => adopt(conflict.current, rebaseDraft(entityDraftOf(base), draft, entityDraftOf(conflict.current)))}
        />
      )}
      <FormFooter problem={problem} saving={saving} />
    </form>
  );
}
