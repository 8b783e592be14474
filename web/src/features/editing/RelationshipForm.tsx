/**
 * Create or edit a connection: its two ends (found by name), the kind of connection (only those the
 * allowlist permits between the two kinds), its detail (role, seat...), dates, and at least one source.
 * Saving without a source is refused here with a message, and by the server. An edit is sent with the
 * version the form was opened on; if someone saved the connection since, the form shows what they changed.
 */
import { useTranslation } from 'react-i18next';
import { FactStatus } from '../../../../schemas/index.js';
import type { GraphEdge, RelationshipType } from '../../../../schemas/index.js';
import { editingApi } from '../../api/editing.js';
import { useSaveForm } from './useSaveForm.js';
import { typeLabel } from '../../model/index.js';
import { CitationFields } from './CitationFields.js';
import { ConflictNotice } from './ConflictNotice.js';
import {
  allowedTypes,
  changedDraftFields,
  createRelationshipRequest,
  emptyRelationshipDraft,
  rebaseDraft,
  relationshipDraftOf,
  relationshipProblem,
  TYPE_FIELDS,
  updateRelationshipRequest,
} from './drafts.js';
import type { Endpoint, RelationshipDraft } from './drafts.js';
import { EntityPicker } from './EntityPicker.js';
import { Field } from './Field.js';
import { FormFooter } from './FormFooter.js';
import { useEditingActions } from './store.js';

interface RelationshipFormProps {
  readonly edge?: GraphEdge | undefined;
  readonly source?: Endpoint | undefined;
  readonly target?: Endpoint | undefined;
}

export function RelationshipForm({ edge, source, target }: RelationshipFormProps) {
  const { t } = useTranslation();
  const editing = useEditingActions();
  const { draft, set, base, conflict, problem, saving, adopt, submit } = useSaveForm<GraphEdge, RelationshipDraft>(
    edge,
    () => (edge && source && target ? relationshipDraftOf(edge, source, target) : { ...emptyRelationshipDraft(source), target }),
    {
      problemOf: relationshipProblem,
      save: async (draft, base) => {
        const result = base
          ? await editingApi.updateRelationship(base.id, updateRelationshipRequest(base, draft), base.version)
          : await editingApi.createRelationship(createRelationshipRequest(draft));
        await editing.relationshipSaved(result.auditId, result.relationship);
      },
      isItem: (current): current is GraphEdge => 'type' in current,
    },
  );
  const draftOf = (e: GraphEdge) => relationshipDraftOf(e, draft.source as Endpoint, draft.target as Endpoint);
  const types = allowedTypes(draft.source?.kind, draft.target?.kind);
  const fields = draft.type ? (TYPE_FIELDS[draft.type] ?? []) : [];

  return (
    <form className="edit-form" onSubmit={(event) => void submit(event)} noValidate data-testid="relationship-form">
      {edge ? (
        <p className="edit-form__sentence" dir="auto">
          <strong>{draft.source?.name}</strong> · {typeLabel(edge.type).toLowerCase()} · <strong>{draft.target?.name}</strong>
        </p>
      ) : (
        <>
          <EntityPicker
            label={t('editing.form.from')}
            value={draft.source}
            onChange={(value) => set({ source: value })}
            testId="pick-source"
          />
          <EntityPicker
            label={t('editing.form.to')}
            value={draft.target}
            onChange={(value) => set({ target: value })}
            testId="pick-target"
          />
          <Field
            label={t('editing.form.type')}
            value={draft.type}
            onChange={(type) => set({ type: type as RelationshipType | '', fields: {} })}
            options={[
              { value: '', label: t('editing.form.chooseType') },
              ...types.map((type) => ({ value: type, label: typeLabel(type) })),
            ]}
            required
          />
        </>
      )}
      {fields.map((field) => (
        <Field
          key={field.name}
          label={t(`editing.form.qualifier.${field.name}`)}
          value={draft.fields[field.name] ?? ''}
          onChange={(value) => set({ fields: { ...draft.fields, [field.name]: value } })}
          type={field.input === 'number' ? 'number' : 'text'}
          multiline={field.input === 'multiline'}
          {...(field.options
            ? {
                options: [
                  { value: '', label: '—' },
                  ...field.options.map((o) => ({ value: o, label: t(`facts.paymentKinds.${o}`) })),
                ],
              }
            : {})}
          {...(field.input === 'date'
            ? { placeholder: '2019' }
            : field.input === 'ids'
              ? { placeholder: 'org:acme, person:jane-doe' }
              : {})}
          dir="auto"
        />
      ))}
      <div className="edit-field-row">
        <Field label={t('editing.form.start')} value={draft.start} onChange={(start) => set({ start })} placeholder="2019" />
        <Field label={t('editing.form.end')} value={draft.end} onChange={(end) => set({ end })} />
        <Field
          label={t('editing.form.current')}
          value={draft.current}
          onChange={(current) => set({ current: current as RelationshipDraft['current'] })}
          options={[
            { value: '', label: t('editing.form.currentUnknown') },
            { value: 'true', label: t('editing.form.currentYes') },
            { value: 'false', label: t('editing.form.currentNo') },
          ]}
        />
        <Field
          label={t('editing.form.status')}
          value={draft.status}
          onChange={(status) => set({ status: status as RelationshipDraft['status'] })}
          options={FactStatus.options.map((s) => ({ value: s, label: t(`editing.form.statuses.${s}`) }))}
        />
      </div>
      <CitationFields citations={draft.citations} onChange={(citations) => set({ citations })} required />
      {conflict && base && (
        <ConflictNotice
          conflict={conflict.response}
          fields={changedDraftFields(draftOf(base), draftOf(conflict.current)).flatMap((key) => {
            const now = draftOf(conflict.current)[key];
            if (key === 'fields') {
              const [opened, theirs] = alignFields(draftOf(base).fields, draftOf(conflict.current).fields);
              return changedDraftFields(opened, theirs).map((name) => ({
                label: t(`editing.form.qualifier.${name}`),
                now: theirs[name] ?? '',
              }));
            }
            if (key === 'citations')
              return {
                label: t('editing.citations.legend'),
                now: t('editing.conflict.sources', { count: draftOf(conflict.current).citations.length }),
              };
            const label = t(`editing.form.${key}`);
            if (key === 'current')
              return {
                label,
                now: t(
                  now === 'true'
                    ? 'editing.form.currentYes'
                    : now === 'false'
                      ? 'editing.form.currentNo'
                      : 'editing.form.currentUnknown',
                ),
              };
            return { label, now: typeof now === 'string' ? now : JSON.stringify(now) };
          })}
          onReload={() => adopt(conflict.current, draftOf(conflict.current))}
          onKeep={() => {
            const [opened, theirs] = [draftOf(base), draftOf(conflict.current)];
            // Type fields rebase one by one: my change to one field keeps their change to another.
            const fields = rebaseDraft(...alignFields(opened.fields, draft.fields, theirs.fields));
            adopt(conflict.current, { ...rebaseDraft(opened, draft, theirs), fields });
          }}
        />
      )}
      <FormFooter problem={problem} saving={saving} />
    </form>
  );
}

/** The same field names in every map ('' where one has none), so drafts compare and rebase field by field. */
function alignFields<T extends Readonly<Record<string, string>>[]>(...maps: T): { [K in keyof T]: Record<string, string> } {
  const names = [...new Set(maps.flatMap((m) => Object.keys(m)))];
  return maps.map((m) => Object.fromEntries(names.map((n) => [n, m[n] ?? '']))) as { [K in keyof T]: Record<string, string> };
}
