/**
 * A disclosure listing every export format: links to a saved snapshot's files, or a handler for the canvas.
 * Pictures (PNG, SVG) are drawn at the size chosen here and in the page's language.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, PICTURE_LANGUAGES, PICTURE_SIZES } from '../../../../schemas/index.js';
import type { ExportFormat, PictureLanguage, PictureSize } from '../../../../schemas/index.js';
import { storedToken } from '../../api/auth-token.js';
import { errorMessage } from '../../api/client.js';
import { snapshotApi, type PictureChoice } from '../../api/snapshots.js';

type ExportMenuProps =
  | { readonly snapshotId: string; readonly label?: string; readonly onExport?: undefined }
  | {
      readonly snapshotId?: undefined;
      readonly label?: string;
      readonly onExport: (format: ExportFormat, picture: PictureChoice) => void;
    };

export function ExportMenu({ snapshotId, label, onExport }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [size, setSize] = useState<PictureSize>('map');
  const lang: PictureLanguage = (PICTURE_LANGUAGES as readonly string[]).includes(i18n.language)
    ? (i18n.language as PictureLanguage)
    : 'en';
  const picture: PictureChoice = { size, lang };
  return (
    <div className="export-menu" data-testid="export-menu">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {label ?? t('snapshots.export')}
      </button>
      {open && (
        <div className="export-menu__list">
          <label className="export-menu__size">
            {t('snapshots.pictureSize')}
            <select value={size} onChange={(event) => setSize(event.target.value as PictureSize)} data-testid="picture-size">
              {PICTURE_SIZES.map((option) => (
                <option key={option} value={option}>
                  {t(`snapshots.pictureSizes.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <ul>
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                {snapshotId ? (
                  <a
                    href={snapshotApi.exportUrl(snapshotId, format, picture)}
                    download
                    data-format={format}
                    onClick={(event) => {
                      setOpen(false);
                      // Signed in, the file is fetched with the token (drafts are hidden from anonymous links).
                      if (!storedToken()) return;
                      event.preventDefault();
                      setProblem(undefined);
                      void snapshotApi
                        .exportSaved(snapshotId, format, picture)
                        .catch((error: unknown) => setProblem(errorMessage(error)));
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
                      onExport?.(format, picture);
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
