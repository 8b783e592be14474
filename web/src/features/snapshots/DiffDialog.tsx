/** What changed between a version and the one before it: entities and links added, removed, changed. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElementDiff, SnapshotDiff } from '../../../../schemas/index.js';

export function DiffDialog({ diff, onClose }: { readonly diff: SnapshotDiff; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const empty =
    diff.map.length === 0 &&
    [diff.entities, diff.relationships].every((d) => !d.added.length && !d.removed.length && !d.changed.length);
  return (
    <dialog ref={dialogRef} className="snapshot-dialog snapshot-diff" onClose={onClose} data-testid="snapshot-diff">
      <h2>{t('snapshots.diffTitle', { from: diff.from.version, to: diff.to.version })}</h2>
      {empty && <p>{t('snapshots.noChanges')}</p>}
      <Section title={t('snapshots.entities')} diff={diff.entities} />
      <Section title={t('snapshots.relationships')} diff={diff.relationships} />
      {diff.map.length > 0 && (
        <>
          <h3>{t('snapshots.map')}</h3>
          <ul>
            {diff.map.map((c) => (
              <li key={c.field}>{c.field}</li>
            ))}
          </ul>
        </>
      )}
      <div className="snapshot-dialog__buttons">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          {t('snapshots.close')}
        </button>
      </div>
    </dialog>
  );
}

function Section({ title, diff }: { readonly title: string; readonly diff: ElementDiff }) {
  const { t } = useTranslation();
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul>
        {diff.added.map((e) => (
          <li key={`a-${e.id}`} className="diff-added" dir="auto">
            + {t('snapshots.added')}: {e.name}
          </li>
        ))}
        {diff.removed.map((e) => (
          <li key={`r-${e.id}`} className="diff-removed" dir="auto">
            − {t('snapshots.removed')}: {e.name}
          </li>
        ))}
        {diff.changed.map((e) => (
          <li key={`c-${e.id}`} dir="auto">
            ~ {t('snapshots.changed')}: {e.name} ({e.changes.map((c) => c.field).join(', ')})
          </li>
        ))}
      </ul>
    </section>
  );
}
