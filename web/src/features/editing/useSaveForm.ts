/**
 * What the entity and connection forms share: the draft, the stored item the edit is made on (and so
 * its version), and a save that refuses a draft with a problem, reports the server's refusal in words,
 * and turns a version conflict into the notice that lets the person take theirs or keep their own text.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionConflictResponse } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { versionConflict } from '../../api/editing.js';

interface SaveFormOptions<Item, Draft> {
  /** The problem key (editing.problems.*) that keeps the draft from being sent, if any. */
  readonly problemOf: (draft: Draft) => string | null | undefined;
  /** Sends the draft: an edit of `base`, or a new item. */
  readonly save: (draft: Draft, base: Item | undefined) => Promise<void>;
  /** Whether a conflict's current state is an item of this form's kind. */
  readonly isItem: (current: VersionConflictResponse['current']) => current is VersionConflictResponse['current'] & Item;
}

export function useSaveForm<Item, Draft extends object>(
  opened: Item | undefined,
  firstDraft: () => Draft,
  { problemOf, save, isItem }: SaveFormOptions<Item, Draft>,
) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(firstDraft);
  // The item as the form last read it: what the edit is made on, and its version.
  const [base, setBase] = useState(opened);
  const [conflict, setConflict] = useState<{ response: VersionConflictResponse; current: Item }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const adopt = (current: Item, next: Draft) => {
    setBase(current);
    setDraft(next);
    setConflict(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problemOf(draft);
    if (found) {
      setProblem(t(`editing.problems.${found}`));
      return;
    }
    setProblem(undefined);
    setSaving(true);
    try {
      await save(draft, base);
    } catch (error) {
      const conflicted = versionConflict(error);
      if (conflicted && isItem(conflicted.current)) setConflict({ response: conflicted, current: conflicted.current });
      else setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return { draft, set, base, conflict, problem, saving, adopt, submit };
}
