/** The buttons over the canvas: fit, layout, undo and redo, table view, clear. */
import { useTranslation } from 'react-i18next';
import { LAYOUT_MODES } from '../../model/index.js';
import type { LayoutMode } from '../../model/index.js';

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
  readonly canSelectNeighbours: boolean;
  readonly onSelectNeighbours: () => void;
  /** How many nodes are marked together; their actions show only when there are some. */
  readonly marked: number;
  readonly onPinMarked: () => void;
  readonly onRemoveMarked: () => void;
  readonly onClearMarked: () => void;
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
      <button
        type="button"
        className="tool"
        onClick={props.onSelectNeighbours}
        disabled={!props.canSelectNeighbours}
        aria-keyshortcuts="N"
      >
        {t('keyboard.selectNeighbours')}
      </button>
      {props.marked > 0 && (
        <span className="tool-group" role="group" aria-label={t('keyboard.marked', { count: props.marked })}>
          <span className="tool-group__count" data-testid="marked-count">
            {t('keyboard.marked', { count: props.marked })}
          </span>
          <button type="button" className="tool" onClick={props.onPinMarked}>
            {t('keyboard.pinMarked')}
          </button>
          <button type="button" className="tool" onClick={props.onRemoveMarked}>
            {t('keyboard.removeMarked')}
          </button>
          <button type="button" className="tool" onClick={props.onClearMarked}>
            {t('keyboard.clearMarked')}
          </button>
        </span>
      )}
      <button type="button" className="tool" aria-pressed={props.tableView} onClick={props.onTable}>
        {t('canvas.table')}
      </button>
      <button type="button" className="tool tool--danger" onClick={props.onClear} disabled={empty}>
        {t('canvas.clear')}
      </button>
    </div>
  );
}
