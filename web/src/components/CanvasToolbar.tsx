/** The buttons over the canvas: fit, layout, undo and redo, table view, clear. */
import { useTranslation } from 'react-i18next';
import { LAYOUT_MODES } from '../model/index.js';
import type { LayoutMode } from '../model/index.js';

interface CanvasToolbarProps {
  readonly empty: boolean;
  readonly layout: LayoutMode;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly tableView: boolean;
  readonly onFit: () => void;
  readonly onLayout: (mode: LayoutMode) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onTable: () => void;
  readonly onClear: () => void;
}

export function CanvasToolbar(props: CanvasToolbarProps) {
  const { t } = useTranslation();
  const { empty } = props;
  return (
    <div className="stage__toolbar" role="toolbar" aria-label={t('canvas.toolbar')}>
      <button type="button" className="tool" onClick={props.onFit} disabled={empty}>
        {t('canvas.fit')}
      </button>
      <label className="tool tool--select">
        <span className="visually-hidden">{t('canvas.layout')}</span>
        <select
          value={props.layout}
          disabled={empty}
          data-testid="layout"
          onChange={(e) => props.onLayout(e.target.value as LayoutMode)}
        >
          {LAYOUT_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`canvas.layouts.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="tool" onClick={props.onUndo} disabled={!props.canUndo} aria-keyshortcuts="Control+Z">
        {t('canvas.undo')}
      </button>
      <button type="button" className="tool" onClick={props.onRedo} disabled={!props.canRedo} aria-keyshortcuts="Control+Y">
        {t('canvas.redo')}
      </button>
      <button type="button" className="tool" aria-pressed={props.tableView} onClick={props.onTable}>
        {t('canvas.table')}
      </button>
      <button type="button" className="tool tool--danger" onClick={props.onClear} disabled={empty}>
        {t('canvas.clear')}
      </button>
    </div>
  );
}
