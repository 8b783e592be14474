/** The buttons over the canvas: fit, layout, undo and redo, neighbours, table view, copy link, clear. */
import { useTranslation } from 'react-i18next';
import { LAYOUT_MODES } from '../../model/index.js';
import type { LayoutMode } from '../../model/index.js';
import { useDispatch, useEffects, usePage } from '../../state/page.js';
import { CopyLink } from './CopyLink.js';

export function CanvasToolbar() {
  const { t } = useTranslation();
  const dispatch = useDispatch();
  const { explore } = useEffects();
  const empty = usePage((s) => s.explorer.view.nodes.size === 0);
  const layout = usePage((s) => s.explorer.layout.mode);
  const canUndo = usePage((s) => s.explorer.history.past.length > 0);
  const canRedo = usePage((s) => s.explorer.history.future.length > 0);
  const selectedNode = usePage((s) => (s.explorer.selection?.kind === 'node' ? s.explorer.selection.id : undefined));
  const marked = usePage((s) => s.explorer.marked.size);
  const tableView = usePage((s) => s.ui.tableView);
  return (
    <div className="stage__toolbar" role="toolbar" aria-label={t('canvas.toolbar')} data-canvas-overlay>
      <button type="button" className="tool" onClick={explore.fit} disabled={empty}>
        {t('canvas.fit')}
      </button>
      <label className="tool tool--select">
        <span className="visually-hidden">{t('canvas.layout')}</span>
        <select
          value={layout}
          disabled={empty}
          data-testid="layout"
          onChange={(e) => dispatch({ type: 'relayout', mode: e.target.value as LayoutMode, center: selectedNode })}
        >
          {LAYOUT_MODES.map((mode) => (
            // Rings around the selection mean nothing without one: a ring of crossing lines.
            <option key={mode} value={mode} disabled={mode === 'concentric' && selectedNode === undefined}>
              {t(`canvas.layouts.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="tool"
        onClick={() => dispatch({ type: 'undo' })}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
        aria-label={t('canvas.undo')}
        title={`${t('canvas.undo')} (Ctrl+Z)`}
      >
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        className="tool"
        onClick={() => dispatch({ type: 'redo' })}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Y"
        aria-label={t('canvas.redo')}
        title={`${t('canvas.redo')} (Ctrl+Y)`}
      >
        <span aria-hidden="true">↷</span>
      </button>
      <button
        type="button"
        className="tool"
        onClick={explore.selectNeighbours}
        disabled={selectedNode === undefined}
        aria-keyshortcuts="N"
      >
        {t('keyboard.selectNeighbours')}
      </button>
      {marked > 0 && (
        <span className="tool-group" role="group" aria-label={t('keyboard.marked', { count: marked })}>
          <span className="tool-group__count" data-testid="marked-count">
            {t('keyboard.marked', { count: marked })}
          </span>
          <button type="button" className="tool" onClick={() => dispatch({ type: 'pinMarked' })}>
            {t('keyboard.pinMarked')}
          </button>
          <button type="button" className="tool" onClick={() => dispatch({ type: 'removeMarked' })}>
            {t('keyboard.removeMarked')}
          </button>
          <button type="button" className="tool" onClick={() => dispatch({ type: 'clearMarked' })}>
            {t('keyboard.clearMarked')}
          </button>
        </span>
      )}
      <button
        type="button"
        className="tool"
        aria-pressed={tableView}
        onClick={() => dispatch({ type: 'ui/tableView', on: !tableView })}
      >
        {t('canvas.table')}
      </button>
      <CopyLink disabled={empty} />
      <button type="button" className="tool tool--danger" onClick={() => dispatch({ type: 'clearCanvas' })} disabled={empty}>
        {t('canvas.clear')}
      </button>
    </div>
  );
}
