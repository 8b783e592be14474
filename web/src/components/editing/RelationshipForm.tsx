/**
 * Create or edit a connection: its two ends (found by name), the kind of connection (only those the
 * allowlist permits between the two kinds), its detail (role, seat...), dates, and at least one source.
 * Saving without a source is refused here with a message, and by the server. An edit is sent with the
 * version the form was opened on; if someone saved the connection since, the form shows what they changed.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FactStatus } from '../../../../schemas/index.js';
import type { GraphEdge, RelationshipType, VersionConflictResponse } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { editingApi, versionConflict } from '../../api/editing.js';
import { typeLabel } from '../../model/index.js';
import { CitationFields } from './CitationFields.js';
import { ConflictNotice } from './ConflictNotice.js';
import {
  allowedTypes,
  changedDraftFields,
  createRelationshipRequest,
  emptyRelationshipDraft,
  QUALIFIER_FIELD,
  rebaseDraft,
  relationshipDraftOf,
  relationshipProblem,
  updateRelationshipRequest,
} from './drafts.js';
import type { Endpoint, RelationshipDraft } from './drafts.js';
import { EntityPicker } from './EntityPicker.js';
import { Field } from './Field.js';
import { FormFooter } from './FormFooter.js';
import { editing } from './store.js';

interface RelationshipFormProps {
  readonly edge?: GraphEdge | undefined;
  readonly source?: Endpoint | undefined;
  readonly target?: Endpoint | undefined;
}

export function RelationshipForm({ edge, source, target }: RelationshipFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RelationshipDraft>(() =>
    edge && source && target ? relationshipDraftOf(edge, source, target) : { ...emptyRelationshipDraft(source), target },
  );
  // The connection as the form last read it: what the edit is made on, and its version.
  const [base, setBase] = useState(edge);
  const [conflict, setConflict] = useState<{ response: VersionConflictResponse; current: GraphEdge }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<RelationshipDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const draftOf = (e: GraphEdge) => relationshipDraftOf(e, draft.source as Endpoint, draft.target as Endpoint);
  const adopt = (current: GraphEdge, next: RelationshipDraft) => {
    setBase(current);
    setDraft(next);
    setConflict(undefined);
  };
  const types = allowedTypes(draft.source?.kind, draft.target?.kind);
  const qualifier = draft.type ? QUALIFIER_FIELD[draft.type] : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = relationshipProblem(draft);
    if (found) {
      setProblem(t(`editing.problems.${found}`));
      return;
    }
    setProblem(undefined);
    setSaving(true);
    try {
      const result = base
        ? await editingApi.updateRelationship(base.id, updateRelationshipRequest(base, draft), base.version)
        : await editingApi.createRelationship(createRelationshipRequest(draft));
      await editing.relationshipSaved(result.auditId, result.relationship);
    } catch (error) {
      const found = versionConflict(error);
      if (found && 'type' in found.current) setConflict({ response: found, current: found.current });
      else setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

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
            onChange={(type) => set({ type: type as RelationshipType | '', qualifier: '' })}
            options={[
              { value: '', label: t('editing.form.chooseType') },
              ...types.map((type) => ({ value: type, label: typeLabel(type) })),
            ]}
            required
          />
        </>
      )}
      {qualifier && (
        <Field
          label={t(`editing.form.qualifier.${qualifier}`)}
          value={draft.qualifier}
          onChange={(value) => set({ qualifier: value })}
          type={qualifier === 'percentage' ? 'number' : 'text'}
          multiline={qualifier === 'summary'}
          dir="auto"
        />
      )}
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
          fields={changedDraftFields(draftOf(base), draftOf(conflict.current)).map((key) => {
            const now = draftOf(conflict.current)[key];
            if (key === 'citations')
              return {
                label: t('editing.citations.legend'),
                now: t('editing.conflict.sources', { count: draftOf(conflict.current).citations.length }),
              };
            const label = key === 'qualifier' && qualifier ? t(`editing.form.qualifier.${qualifier}`) : t(`editing.form.${key}`);
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
          onKeep={() => adopt(conflict.current, rebaseDraft(draftOf(base), draft, draftOf(conflict.current)))}
        />
      )}
      <FormFooter problem={problem} saving={saving} />
    </form>
  );
}
