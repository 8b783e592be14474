/** The page: top bar with search, left rail (conflicts, money, paths, legend), canvas, and the evidence panel. */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INITIAL_STATE,
  categoryOf,
  explorerReducer,
  localName,
  pathHighlight,
  sliderYears,
  toElements,
  todayIso,
} from './model/index.js';
import type { ExplorerState } from './model/index.js';
import type { PatternInfo } from '../../schemas/index.js';
import { GraphCanvas } from './graph/GraphCanvas.js';
import type { GraphCanvasHandle } from './graph/GraphCanvas.js';
import type { CanvasHandlers } from './graph/events.js';
import { useExplorerActions } from './hooks/useExplorerActions.js';
import { useMoneyCanvas } from './hooks/useMoneyCanvas.js';
import { useQuery } from './hooks/useQuery.js';
import { api } from './api/client.js';
import { SearchBox } from './components/SearchBox.js';
import { SidePanel } from './components/SidePanel.js';
import { PathFinder } from './components/PathFinder.js';
import { Legend } from './components/Legend.js';
import { TableView } from './components/TableView.js';
import { SelectionAnnouncer } from './components/SelectionAnnouncer.js';
import { useWording } from './i18n/wording.js';
import { Banner } from './components/Banner.js';
import { RailTabs } from './components/RailTabs.js';
import { ConflictsPanel } from './components/ConflictsPanel.js';
import { MoneyPanel } from './components/MoneyPanel.js';
import { TimeBar } from './components/TimeBar.js';
import { CanvasToolbar } from './components/CanvasToolbar.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { AccessMenu } from './components/access/AccessMenu.js';
import { WhenAllowed } from './components/access/WhenAllowed.js';
import { useUrlState } from './hooks/useUrlState.js';
import { useUndoKeys } from './hooks/useUndoKeys.js';
import { EditBar, EditorDialog, useEditingBridge } from './components/editing/index.js';
import { SnapshotsPanel } from './components/snapshots/SnapshotsPanel.js';
import { ImportPanel } from './components/imports/ImportPanel.js';
import './App.css';

export function App() {
  const [state, dispatch] = useReducer(explorerReducer, INITIAL_STATE);
  const [tableView, setTableView] = useState(false);
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const canvasRef = useRef<GraphCanvasHandle>(null);
  const [tab, setTab] = useState<RailTabId>('conflicts');
  // The import panel stays mounted once opened, so closing it does not stop an upload under way.
  const [importPanel, setImportPanel] = useState<'closed' | 'open' | 'hidden'>('closed');
  const actions = useExplorerActions(state, dispatch, canvasRef);
  const money = useMoneyCanvas(dispatch, actions.report);
  const patternsAnswer = useQuery('patterns', (signal) => api.patterns(signal));
  const patterns = patternsAnswer.status === 'ready' ? patternsAnswer.value.patterns : NO_PATTERNS;
  const { view, selection, filter, path, spotlight, marked } = state;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const words = useWording();
  const nameOf = useMemo(() => (node: Parameters<typeof localName>[0]) => localName(node, language), [language]);
  useUrlState(state, dispatch, actions.report);
  useUndoKeys(dispatch);
  useEditingBridge(dispatch, view);

  const elements = useMemo(() => {
    // One highlight at a time: the reducer clears the spotlight when paths are found and vice versa.
    const highlight = path.result ? pathHighlight(path.result.paths, path.focus) : spotlight;
    const pathEnds = [path.from, path.to].filter((id): id is string => id !== undefined);
    return toElements(view, { highlight, filter, selection, pathEnds, today: todayIso(), nameOf, marked, words });
  }, [view, filter, selection, path, spotlight, nameOf, marked, words]);
  const counts = useMemo(() => countByKindAndCategory(state), [state]);
  const years = useMemo(() => sliderYears([...view.nodes.values(), ...view.edges.values()], new Date().getUTCFullYear()), [view]);
  // The document title follows the language too (screen readers announce it on load).
  useEffect(() => {
    document.title = `Interlock · ${t('tagline')}`;
  }, [t]);

  const canvasHandlers: CanvasHandlers = {
    select: (target) => dispatch({ type: 'select', selection: target }),
    expand: ({ id }) => void actions.expand(id),
    pathPick: ({ id }) => {
      dispatch({ type: 'pickPathEnd', id });
      setTab('paths');
    },
    selectNeighbours: ({ id, neighbours }) => dispatch({ type: 'selectNeighbours', id, neighbours }),
    open: () => focusDetails(),
    clear: () => {
      dispatch({ type: 'clearMarked' });
      dispatch({ type: 'select', selection: null });
    },
  };
  const selectEdge = (id: string) => dispatch({ type: 'select', selection: { kind: 'edge', id } });
  const selectNode = (id: string) => dispatch({ type: 'select', selection: { kind: 'node', id } });
  const empty = view.nodes.size === 0;
  const selectedNode = selection?.kind === 'node' ? view.nodes.get(selection.id) : undefined;
  const clearSpotlight = () => dispatch({ type: 'clearSpotlight' });

  return (
    <div className="app">
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
        <SearchBox onPick={(result) => void actions.pick(result)} />
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
          onShow={(ids) =>
            void api
              .entities(ids)
              .then((batch) => dispatch({ type: 'merged', patch: { nodes: batch.nodes, edges: batch.edges } }), actions.report)
          }
        />
      )}

      <aside className="rail" aria-label={t('rail.label')}>
        <RailTabs<RailTabId>
          label={t('rail.tabs')}
          active={tab}
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
                  onShow={(finding, patch) => dispatch({ type: 'showFinding', finding, patch })}
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
                  busy={money.busy}
                  onShowAll={(rows) => void money.showAll(rows)}
                  onShowRow={(row) => void money.showRow(row)}
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
                  searching={actions.findingPaths}
                  onFind={() => void actions.findPaths()}
                  onClear={() => dispatch({ type: 'clearPaths' })}
                  onSwap={() => dispatch({ type: 'swapPathEnds' })}
                  onMaxHops={(maxHops) => dispatch({ type: 'setMaxHops', maxHops })}
                  onPreset={(only) => dispatch({ type: 'setPathPreset', only })}
                  onToggleType={(relType) => dispatch({ type: 'togglePathType', relType })}
                  hiddenCategories={filter.hiddenCategories}
                  nameOf={nameOf}
                  onFocusPath={(index) => dispatch({ type: 'focusPath', index })}
                  onSelectEdge={selectEdge}
                />
              ),
            },
            {
              id: 'snapshots',
              label: t('snapshots.tab'),
              panel: <SnapshotsPanel state={state} dispatch={dispatch} />,
            },
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

      <main className="stage" aria-label={t('canvas.region')}>
        <CanvasToolbar
          empty={empty}
          layout={state.layout.mode}
          canUndo={state.history.past.length > 0}
          canRedo={state.history.future.length > 0}
          tableView={tableView}
          onFit={() => canvasRef.current?.fit()}
          onLayout={(mode) => dispatch({ type: 'relayout', mode, center: selectedNode?.id })}
          onUndo={() => dispatch({ type: 'undo' })}
          onRedo={() => dispatch({ type: 'redo' })}
          onTable={() => setTableView((v) => !v)}
          onClear={() => dispatch({ type: 'clearCanvas' })}
          canSelectNeighbours={selectedNode !== undefined}
          onSelectNeighbours={() => canvasRef.current?.selectNeighbours()}
          marked={marked.size}
          onPinMarked={() => setPinned((before) => new Set([...before, ...marked]))}
          onRemoveMarked={() => dispatch({ type: 'removeMarked' })}
          onClearMarked={() => dispatch({ type: 'clearMarked' })}
        />
        <WhenAllowed>
          <EditBar selectedNode={selectedNode} />
        </WhenAllowed>
        {actions.error && <Banner tone="error" message={actions.error} onDismiss={actions.dismissError} />}
        {actions.notice && <Banner tone="info" message={actions.notice} onDismiss={actions.dismissNotice} />}
        <GraphCanvas
          ref={canvasRef}
          elements={elements}
          layout={state.layout}
          frame={state.frame}
          pinned={pinned}
          on={canvasHandlers}
          label={t('canvas.graphLabel', { nodes: view.nodes.size, edges: view.edges.size })}
          describedBy="canvas-keys"
        />
        <p id="canvas-keys" className="visually-hidden">
          {t('keyboard.help')}
        </p>
        <SelectionAnnouncer view={view} selection={selection} nameOf={nameOf} />
        {tableView && <TableView view={view} nameOf={nameOf} onSelectNode={selectNode} onSelectEdge={selectEdge} />}
        {empty && !tableView && (
          <div className="empty-state">
            <p className="empty-state__title">{t('canvas.emptyTitle')}</p>
            <p>{t('canvas.emptyBody')}</p>
          </div>
        )}
        <p className="stage__status" aria-live="polite">
          {actions.expandingId ? t('canvas.loading') : t('canvas.status', { nodes: view.nodes.size, edges: view.edges.size })}
        </p>
        <TimeBar
          years={years}
          asOf={filter.asOf}
          hideUndated={filter.hideUndated ?? false}
          onAsOf={(asOf) => dispatch({ type: 'setFilter', patch: { asOf } })}
          onHideUndated={(hideUndated) => dispatch({ type: 'setFilter', patch: { hideUndated } })}
        />
      </main>

      <SidePanel
        selection={selection}
        view={view}
        expandingId={actions.expandingId}
        patterns={patterns}
        onSelectNode={selectNode}
        onSelectEdge={selectEdge}
        nameOf={nameOf}
        onExpand={(id, types, count) => void actions.expand(id, types, count)}
        onPathEnd={(end, id) => {
          dispatch({ type: 'setPathEnd', end, id });
          // The path ends are shown in the Paths tab: bring it up so the reader sees what was set.
          setTab('paths');
        }}
        onRemove={(id) => dispatch({ type: 'removeNode', id })}
        onCollapse={(id) => dispatch({ type: 'collapse', id })}
        isPinned={(id) => pinned.has(id)}
        onTogglePin={(id) =>
          setPinned((before) => {
            const next = new Set(before);
            if (!next.delete(id)) next.add(id);
            return next;
          })
        }
        onShowRelationship={(rel, detail) => void actions.showRelationship(rel, detail)}
        onShowGraph={(patch) => dispatch({ type: 'merged', patch })}
      />
      <EditorDialog onShowEntity={(entity) => void actions.pick({ ...entity, score: 1 })} />
    </div>
  );
}

type RailTabId = 'conflicts' | 'money' | 'paths' | 'snapshots' | 'legend';

/** Enter on the canvas: the keyboard moves into the details of the selection, starting at its heading. */
function focusDetails(): void {
  document.querySelector<HTMLElement>('[data-testid="side-panel"] h2[tabindex="-1"]')?.focus();
}

const NO_PATTERNS: readonly PatternInfo[] = [];

/** Legend counts: how many of each kind and category are on the canvas right now. */
function countByKindAndCategory({ view }: ExplorerState): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const node of view.nodes.values()) bump(node.kind);
  for (const edge of view.edges.values()) bump(categoryOf(edge.type));
  return counts;
}
