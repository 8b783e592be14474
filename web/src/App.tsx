/**
 * The explorer page: top bar with search, left rail (conflicts, money, paths, snapshots, legend), the
 * canvas, and the evidence panel. Everything it shows comes from the page store; what it does goes
 * through the store's effects. On a phone the rail and the panel become sheets over the canvas,
 * switched by a bar along the bottom.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryOf, localName, shownCounts, sliderYears } from './model/index.js';
import { countWords } from './i18n/counts.js';
import type { ViewGraph } from './model/index.js';
import type { PatternInfo } from '../../schemas/index.js';
import { queries, useLoaded } from './api/queries.js';
import { readerLanguage } from './i18n/index.js';
import { useDispatch, useEffects, usePage } from './state/page.js';
import type { RailTabId } from './state/slices/ui.js';
import { ExplorerCanvas } from './features/explorer/ExplorerCanvas.js';
import { SearchBox } from './features/search/SearchBox.js';
import { SidePanel } from './features/details/SidePanel.js';
import { PathFinder } from './features/paths/PathFinder.js';
import { Legend } from './features/filters/Legend.js';
import { TableView } from './features/explorer/TableView.js';
import { SelectionAnnouncer } from './features/explorer/SelectionAnnouncer.js';
import { PhoneBar } from './features/explorer/PhoneBar.js';
import { readFolded, writeFolded } from './features/explorer/folded.js';
import { Banner } from './components/Banner.js';
import { RailTabs } from './components/RailTabs.js';
import { ConflictsPanel } from './features/conflicts/ConflictsPanel.js';
import { MoneyPanel } from './features/money/MoneyPanel.js';
import { TimeBar } from './features/filters/TimeBar.js';
import { CanvasToolbar } from './features/explorer/CanvasToolbar.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { AccessMenu } from './features/access/AccessMenu.js';
import { WhenAllowed } from './features/access/WhenAllowed.js';
import { useUndoKeys } from './hooks/useUndoKeys.js';
import { EditBar, EditorDialog } from './features/editing/index.js';
import { SnapshotsPanel } from './features/snapshots/SnapshotsPanel.js';
import { ImportPanel } from './features/imports/ImportPanel.js';
import './App.css';

export function App() {
  const dispatch = useDispatch();
  const { explore, money } = useEffects();
  const view = usePage((s) => s.explorer.view);
  const selection = usePage((s) => s.explorer.selection);
  const filter = usePage((s) => s.explorer.filter);
  const path = usePage((s) => s.explorer.path);
  const spotlight = usePage((s) => s.explorer.spotlight);
  const pinned = usePage((s) => s.explorer.pinned);
  const ui = usePage((s) => s.ui);
  // The import panel stays mounted once opened, so closing it does not stop an upload under way.
  const [importPanel, setImportPanel] = useState<'closed' | 'open' | 'hidden'>('closed');
  // The rail and the evidence panel fold away on a laptop screen to give the map the width; a reload
  // opens them as they were left.
  const [collapsed, setCollapsed] = useState(readFolded);
  useEffect(() => writeFolded(collapsed), [collapsed]);
  const { t, i18n } = useTranslation();
  const language = readerLanguage(i18n.language);
  const patternsAnswer = useLoaded(queries.patterns(language));
  const patterns = patternsAnswer.status === 'ready' ? patternsAnswer.value.patterns : NO_PATTERNS;
  const nameOf = useMemo(() => (node: Parameters<typeof localName>[0]) => localName(node, language), [language]);
  useUndoKeys(dispatch);

  const counts = useMemo(() => countByKindAndCategory(view), [view]);
  const years = useMemo(() => sliderYears([...view.nodes.values(), ...view.edges.values()], new Date().getUTCFullYear()), [view]);
  // The document title follows the language too (screen readers announce it on load).
  useEffect(() => {
    document.title = `Interlock · ${t('tagline')}`;
  }, [t]);

  const selectEdge = (id: string) => dispatch({ type: 'select', selection: { kind: 'edge', id } });
  const selectNode = (id: string) => dispatch({ type: 'select', selection: { kind: 'node', id } });
  const empty = view.nodes.size === 0;
  const selectedNode = selection?.kind === 'node' ? view.nodes.get(selection.id) : undefined;
  const clearSpotlight = () => dispatch({ type: 'clearSpotlight' });
  const setTab = (tab: RailTabId) => dispatch({ type: 'ui/tab', tab });

  return (
    <div
      className="app"
      data-sheet={ui.sheet}
      data-rail={collapsed.rail ? 'collapsed' : 'open'}
      data-panel={collapsed.panel ? 'collapsed' : 'open'}
    >
      {/* The first Tab stop: straight to the map, past the top bar and the rail. */}
      <a
        className="skip-link"
        href="#graph-canvas"
        data-testid="skip-to-canvas"
        onClick={(event) => {
          event.preventDefault();
          focusCanvas();
        }}
      >
        {t('canvas.skipTo')}
      </a>
      <header className="topbar">
        <div className="brand">
          <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="6" cy="7" r="3.2" />
            <circle cx="18" cy="7" r="3.2" />
            <circle cx="12" cy="18" r="3.2" />
            <path d="M6 7h12M6 7l6 11M18 7l-6 11" />
          </svg>
          <span className="brand__name">Interlock</span>
          <span className="brand__tag">{t('tagline')}</span>
        </div>
        <SearchBox
          onPick={(result, how) => {
            void explore.pick(result);
            // Picked with Enter: the keyboard goes on to the canvas, so E (expand) and N (neighbours) work at once.
            if (how === 'keyboard') focusCanvas();
          }}
        />
        <WhenAllowed>
          <button
            type="button"
            className="button topbar__import"
            title={t('imports.openTitle')}
            onClick={() => setImportPanel('open')}
            data-testid="import-open"
          >
            {t('imports.open')}
          </button>
        </WhenAllowed>
        <AccessMenu />
        <LanguageSwitch />
      </header>
      {importPanel !== 'closed' && (
        <ImportPanel
          hidden={importPanel === 'hidden'}
          onClose={() => setImportPanel('hidden')}
          onImported={explore.graphImported}
          onShow={(ids) => void explore.showEntities(ids)}
        />
      )}

      <main className="stage" aria-label={t('canvas.region')}>
        {/* Drawn over the canvas: Fit leaves the graph clear of it (its box is its buttons'). */}
        <div className="overlay-group" data-canvas-overlay>
          <WhenAllowed>
            <EditBar selectedNode={selectedNode} />
          </WhenAllowed>
        </div>
        {ui.error && <Banner tone="error" message={ui.error} onDismiss={explore.dismissError} />}
        {ui.notice && <Banner tone="info" message={ui.notice} onDismiss={explore.dismissNotice} />}
        <ExplorerCanvas nameOf={nameOf} />
        {/* After the canvas in the Tab order (drawn over it): Tab from the search reaches the map sooner. */}
        <CanvasToolbar />
        <PanelToggle
          side="rail"
          collapsed={collapsed.rail}
          onToggle={() => setCollapsed((c) => ({ ...c, rail: !c.rail }))}
          label={collapsed.rail ? t('canvas.showRail') : t('canvas.hideRail')}
        />
        <PanelToggle
          side="panel"
          collapsed={collapsed.panel}
          onToggle={() => setCollapsed((c) => ({ ...c, panel: !c.panel }))}
          label={collapsed.panel ? t('canvas.showPanel') : t('canvas.hidePanel')}
        />
        <p id="canvas-keys" className="visually-hidden">
          {t('keyboard.help')}
        </p>
        <SelectionAnnouncer view={view} selection={selection} nameOf={nameOf} />
        {ui.tableView && <TableView view={view} nameOf={nameOf} onSelectNode={selectNode} onSelectEdge={selectEdge} />}
        {empty && !ui.tableView && (
          <div className="empty-state">
            <p className="empty-state__title">{t('canvas.emptyTitle')}</p>
            <p>{t('canvas.emptyBody')}</p>
          </div>
        )}
        <p className="stage__status" aria-live="polite" data-canvas-overlay>
          {ui.expandingId ? t('canvas.loading') : t('canvas.status', countWords(t, shownCounts(view, filter)))}
        </p>
        <TimeBar
          years={years}
          asOf={filter.asOf}
          hideUndated={filter.hideUndated ?? false}
          onAsOf={(asOf) => dispatch({ type: 'setFilter', patch: { asOf } })}
          onHideUndated={(hideUndated) => dispatch({ type: 'setFilter', patch: { hideUndated } })}
        />
      </main>

      <aside className="rail" id="rail" aria-label={t('rail.label')} data-testid="rail">
        <RailTabs<RailTabId>
          label={t('rail.tabs')}
          active={ui.tab}
          onSelect={setTab}
          tabs={[
            {
              id: 'conflicts',
              label: t('rail.conflicts'),
              panel: (
                <ConflictsPanel
                  patterns={patterns}
                  selectedNode={selectedNode}
                  shownId={spotlight?.source === 'finding' ? spotlight.id : undefined}
                  onShow={explore.showFinding}
                  onClear={clearSpotlight}
                />
              ),
            },
            {
              id: 'money',
              label: t('rail.money'),
              panel: (
                <MoneyPanel
                  shownKey={spotlight?.source === 'money' ? spotlight.id : undefined}
                  busy={ui.moneyBusy}
                  onShowAll={(rows, evidence) => void money.showAll(rows, evidence)}
                  onShowRow={(row, rollup, evidence) => void money.showRow(row, rollup, evidence)}
                  onClear={clearSpotlight}
                />
              ),
            },
            {
              id: 'paths',
              label: t('rail.paths'),
              panel: (
                <PathFinder
                  path={path}
                  view={view}
                  searching={ui.findingPaths}
                  onFind={() => void explore.findPaths()}
                  onClear={() => dispatch({ type: 'clearPaths' })}
                  onSwap={() => dispatch({ type: 'swapPathEnds' })}
                  onMaxHops={(maxHops) => dispatch({ type: 'setMaxHops', maxHops })}
                  onPreset={(only) => dispatch({ type: 'setPathPreset', only })}
                  onToggleType={(relType) => dispatch({ type: 'togglePathType', relType })}
                  hiddenCategories={filter.hiddenCategories}
                  nameOf={nameOf}
                  onFocusPath={(index) => dispatch({ type: 'focusPath', index })}
                  onSelectEdge={selectEdge}
                  onChooseEnd={(end, id) => void explore.choosePathEnd(end, id)}
                />
              ),
            },
            { id: 'snapshots', label: t('snapshots.tab'), panel: <SnapshotsPanel /> },
            {
              id: 'legend',
              label: t('rail.legend'),
              panel: (
                <Legend
                  filter={filter}
                  counts={counts}
                  onToggleKind={(kind) => dispatch({ type: 'toggleKind', kind })}
                  onToggleCategory={(category) => dispatch({ type: 'toggleCategory', category })}
                  onFilter={(patch) => dispatch({ type: 'setFilter', patch })}
                />
              ),
            },
          ]}
        />
      </aside>

      <SidePanel
        selection={selection}
        view={view}
        expandingId={ui.expandingId}
        patterns={patterns}
        onSelectNode={selectNode}
        onSelectEdge={selectEdge}
        nameOf={nameOf}
        onExpand={(id, types, count) => void explore.expand(id, types, count)}
        onPathEnd={explore.setPathEnd}
        onRemove={(id) => dispatch({ type: 'removeNode', id })}
        onCollapse={(id) => dispatch({ type: 'collapse', id })}
        isPinned={(id) => pinned.has(id)}
        onTogglePin={(id) => dispatch({ type: 'togglePin', id })}
        onShowRelationship={(rel, detail) => void explore.showRelationship(rel, detail)}
        onShowGraph={(patch) => dispatch({ type: 'merged', patch })}
      />
      <PhoneBar />
      <EditorDialog onShowEntity={(entity) => void explore.pick(entity)} />
    </div>
  );
}

const NO_PATTERNS: readonly PatternInfo[] = [];

function focusCanvas(): void {
  document.getElementById('graph-canvas')?.focus();
}

/** A tab on the canvas's edge that folds the rail (start) or the evidence panel (end) away and back. */
function PanelToggle(props: { side: 'rail' | 'panel'; collapsed: boolean; onToggle: () => void; label: string }) {
  const { side, collapsed, onToggle, label } = props;
  // Arrows point the way the panel moves; in right-to-left pages CSS mirrors them.
  const arrow = (side === 'rail') === collapsed ? '›' : '‹';
  return (
    <button
      type="button"
      className={`panel-toggle panel-toggle--${side}`}
      aria-expanded={!collapsed}
      aria-controls={side === 'rail' ? 'rail' : 'side-panel'}
      aria-label={label}
      title={label}
      data-testid={`toggle-${side}`}
      data-canvas-overlay
      onClick={onToggle}
    >
      <span aria-hidden="true">{arrow}</span>
    </button>
  );
}

/** Legend counts: how many of each kind and category are on the canvas right now. */
function countByKindAndCategory(view: ViewGraph): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const node of view.nodes.values()) bump(node.kind);
  for (const edge of view.edges.values()) bump(categoryOf(edge.type));
  return counts;
}
