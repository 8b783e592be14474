/**
 * Import from the page (editors): drop or pick a file of any format the server reads (its format is
 * told from its content, `.gz` included), see a dry run (what would be created, updated or left
 * unchanged, the problems with their line, a sample of the facts), then import it with a progress bar
 * and put what came in on the canvas. The panel does not block the page: the upload runs in the
 * background while the canvas stays usable, and the panel can be closed and reopened meanwhile.
 */
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem, ImportResult } from '../../../../schemas/index.js';
import { AuditEntryLink } from './AuditEntryLink.js';
import { ImportRequestError, sendImport, type Stage } from './importRequest.js';
import './ImportPanel.css';

type Step =
  | { at: 'pick' }
  | { at: 'checking'; file: File; stage?: Stage }
  | { at: 'preview'; file: File; result: ImportResult }
  | { at: 'refused'; file: File; message: string; problems: ImportProblem[] }
  | { at: 'importing'; file: File; stage?: Stage }
  | { at: 'done'; file: File; result: ImportResult };

export function ImportPanel({
  hidden = false,
  onClose,
  onImported,
  onShow,
}: {
  /** Closed but kept: an upload under way goes on, and reopening shows where it is. */
  hidden?: boolean;
  onClose: () => void;
  /** The graph changed: what the page has read of it is stale. */
  onImported: () => void;
  onShow: (entityIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ at: 'pick' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<() => void>(() => undefined);

  const run = (file: File, dryRun: boolean) => {
    setStep({ at: dryRun ? 'checking' : 'importing', file });
    const request = sendImport(file, {
      dryRun,
      onStage: (stage) => setStep((s) => (s.at === 'checking' || s.at === 'importing' ? { ...s, stage } : s)),
    });
    abort.current = request.abort;
    request.done.then(
      (result) => {
        if (!dryRun) onImported();
        setStep({ at: dryRun ? 'preview' : 'done', file, result });
      },
      (error: unknown) =>
        setStep({
          at: 'refused',
          file,
          message: error instanceof Error ? error.message : String(error),
          problems: error instanceof ImportRequestError ? error.problems : [],
        }),
    );
  };
  const pick = (file: File | undefined) => file && run(file, true);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files[0]);
  };

  return (
    <section
      className="import-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="import-title"
      hidden={hidden}
      data-testid="import-panel"
    >
      <header className="import-panel__head">
        <h2 id="import-title">{t('imports.title')}</h2>
        <button type="button" className="button button--quiet" onClick={onClose} aria-label={t('imports.close')}>
          ×
        </button>
      </header>

      {(step.at === 'pick' || step.at === 'refused' || step.at === 'done' || step.at === 'preview') && (
        <div
          className={`import-drop${dragging ? ' import-drop--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-drop"
        >
          <p>{t('imports.drop')}</p>
          <p className="muted">{t('imports.formats')}</p>
          <button type="button" className="button" onClick={() => input.current?.click()}>
            {t('imports.choose')}
          </button>
          <input
            ref={input}
            type="file"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
      )}

      {(step.at === 'checking' || step.at === 'importing') && (
        <div className="import-progress" aria-live="polite">
          <p>
            {t(step.at === 'checking' ? 'imports.checking' : 'imports.importing', { name: step.file.name })}{' '}
            {step.stage && <span className="muted">{t(`imports.phase.${step.stage.phase}`)}</span>}
          </p>
          <progress
            max={Math.max(step.stage?.total ?? 1, 1)}
            value={step.stage?.done ?? 0}
            aria-label={t('imports.progress')}
            data-testid="import-progress"
          />
          <button type="button" className="button button--quiet" onClick={() => abort.current()}>
            {t('imports.stop')}
          </button>
        </div>
      )}

      {step.at === 'refused' && (
        <div role="alert" className="import-refused" data-testid="import-refused">
          <p>{t('imports.refused', { name: step.file.name, message: step.message })}</p>
          {step.problems.length > 0 && (
            <ul className="import-list">
              {step.problems.slice(0, 50).map((p, i) => (
                <li key={i}>
                  {p.line ? t('imports.atLine', { line: p.line }) : ''} <code>{p.field}</code> {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {(step.at === 'preview' || step.at === 'done') && <Outcome result={step.result} name={step.file.name} />}

      {step.at === 'preview' && (
        <div className="import-panel__buttons">
          <button
            type="button"
            className="button button--primary"
            onClick={() => run(step.file, false)}
            disabled={
              step.result.created.entities +
                step.result.created.relationships +
                step.result.updated.entities +
                step.result.updated.relationships ===
              0
            }
            data-testid="import-confirm"
          >
            {t('imports.confirm')}
          </button>
        </div>
      )}

      {step.at === 'done' && (
        <div className="import-panel__buttons">
          {step.result.sample.entities.length > 0 && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => onShow(step.result.sample.entities.map((e) => e.id))}
              data-testid="import-show"
            >
              {t('imports.show')}
            </button>
          )}
          {step.result.auditId && <AuditEntryLink id={step.result.auditId} />}
        </div>
      )}
    </section>
  );
}

function Outcome({ result, name }: { result: ImportResult; name: string }) {
  const { t } = useTranslation();
  const row = (label: string, counts: { entities: number; relationships: number }) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{counts.entities}</td>
      <td>{counts.relationships}</td>
    </tr>
  );
  return (
    <div className="import-outcome" data-testid="import-outcome">
      <p>{t(result.dryRun ? 'imports.previewOf' : 'imports.doneOf', { name, format: t(`imports.format.${result.format}`) })}</p>
      <table className="import-counts">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('imports.entities')}</th>
            <th scope="col">{t('imports.relationships')}</th>
          </tr>
        </thead>
        <tbody>
          {row(t(result.dryRun ? 'imports.wouldCreate' : 'imports.created'), result.created)}
          {row(t(result.dryRun ? 'imports.wouldUpdate' : 'imports.updated'), result.updated)}
          {row(t('imports.unchanged'), result.unchanged)}
        </tbody>
      </table>
      {result.attached > 0 && <p>{t('imports.attached', { count: result.attached })}</p>}
      {result.skipped > 0 && <p>{t('imports.skipped', { count: result.skipped })}</p>}
      {result.warnings.length > 0 && (
        <details>
          <summary>{t('imports.warnings', { count: result.warnings.length })}</summary>
          <ul className="import-list">
            {result.warnings.map((w, i) => (
              <li key={i}>
                {w.line ? t('imports.atLine', { line: w.line }) : ''} {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {result.sample.entities.length > 0 && (
        <details open={result.dryRun}>
          <summary>{t('imports.sample')}</summary>
          <ul className="import-list" data-testid="import-sample">
            {result.sample.entities.map((e) => (
              <li key={e.id}>
                <span dir="auto">{e.name}</span> <span className="muted">{e.kind}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
