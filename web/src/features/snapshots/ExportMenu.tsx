/** A disclosure listing every export format: links to a saved snapshot's files, or a handler for the canvas. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../../schemas/index.js';
import type { ExportFormat } from '../../../../schemas/index.js';
import { storedToken } from '../../api/auth-token.js';
import { errorMessage } from '../../api/client.js';
import { snapshotApi } from '../../api/snapshots.js';

type ExportMenuProps =
  | { readonly snapshotId: string; readonly label?: string; readonly onExport?: undefined }
  | { readonly snapshotId?: undefined; readonly label?: string; readonly onExport: (format: ExportFormat) => void };

export function ExportMenu({ snapshotId, label, onExport }: ExportMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  return (
    <div className="export-menu" data-testid="export-menu">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {label ?? t('snapshots.export')}
      </button>
      {open && (
        <div className="export-menu__list">
          <ul>
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                {snapshotId ? (
                  <a
                    href={snapshotApi.exportUrl(snapshotId, format)}
                    download
                    data-format={format}
                    onClick={(event) => {
                      setOpen(false);
                      // Signed in, the file is fetched with the token (drafts are hidden from anonymous links).
                      if (!storedToken()) return;
                      event.preventDefault();
                      setProblem(undefined);
                      void snapshotApi.exportSaved(snapshotId, format).catch((error: unknown) => setProblem(errorMessage(error)));
                    }}
                  >
                    {t(`snapshots.formats.${format}`)}
                  </a>
                ) : (
                  <a
                    href="#export"
                    data-format={format}
                    onClick={(event) => {
                      event.preventDefault();
                      setOpen(false);
                      onExport?.(format);
                    }}
                  >
                    {t(`snapshots.formats.${format}`)}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem && (
        <p role="alert" className="inline-error export-menu__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
