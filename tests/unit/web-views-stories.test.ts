/**
 * The page's model for views and stories, without a browser: the state a link reopens (positions,
 * viewport, pins, what is lit; Undo empty), pins and moves in undo, reports from the canvas kept out
 * of it, story steps captured from and shown on the canvas, snapshots made from and put back on it,
 * the story draft's reducer, and the page reducer bringing details up on a phone.
 */
import { describe, expect, it } from 'vitest';
import { CreateSnapshot, SnapshotContent, ViewState } from '../../schemas/index.js';
import type { Finding, GraphEdge, GraphNode, PathsResponse, SnapshotStep } from '../../schemas/index.js';
import {
  EMPTY_STORY,
  INITIAL_STATE,
  captureStep,
  decodeViewQuery,
  encodeViewQuery,
  explorerReducer,
  fitArea,
  openSnapshotAction,
  openViewAction,
  showStepAction,
  snapshotInput,
  stepsForMap,
  storyFromStorage,
  storyReducer,
  viewStateOf,
  viewportRect,
} from '../../web/src/model/index.js';
import type { CanvasViewport, ExplorerAction, ExplorerState, StoryDraft } from '../../web/src/model/index.js';
import { INITIAL_PAGE, pageReducer } from '../../web/src/state/reducer.js';

const cite = [{ documentId: 'document:press-release', locator: 'line 24', quote: 'words' }];
const node = (id: string, kind: 'Person' | 'Organization' = 'Organization'): GraphNode =>
  ({ id, kind, name: id.split(':')[1] ?? id, aliases: [], status: 'reported', citations: cite }) as GraphNode;
const edge = (id: string, source: string, target: string, type: GraphEdge['type'] = 'MEMBER_OF'): GraphEdge =>
  ({ id, type, source, target, status: 'reported', citations: cite }) as GraphEdge;

const vincent = node('person:vincent-line', 'Person');
const board = node('org:board');
const lexis = node('org:lexisnexis');
const seat = edge('rel:seat', vincent.id, board.id, 'SITS_ON_BOARD');
const owns = edge('rel:sub', board.id, lexis.id, 'SUBSIDIARY_OF');
const canvasSize: CanvasViewport = { zoom: 1, center: { x: 0, y: 0 }, width: 800, height: 600 };

function run(state: ExplorerState, ...actions: ExplorerAction[]): ExplorerState {
  return actions.reduce(explorerReducer, state);
}

/** Three entities laid out and a viewport reported, as the canvas leaves them. */
function settledCanvas(): ExplorerState {
  return run(
    INITIAL_STATE,
    { type: 'merged', patch: { nodes: [vincent, board, lexis], edges: [seat, owns] } },
    {
      type: 'canvasSettled',
      positions: new Map([
        [vincent.id, { x: -200.04, y: 10.26 }],
        [board.id, { x: 0, y: 0 }],
        [lexis.id, { x: 220.5, y: -80 }],
      ]),
    },
    { type: 'viewportChanged', viewport: { zoom: 1.3333333, center: { x: 12.34, y: -5.56 }, width: 900, height: 700 } },
  );
}

describe('a link reopens the view', () => {
  it('carries positions (to 0.1), zoom, pins, selection, filters and the lit finding, and Undo starts empty', () => {
    const finding: Finding = {
      id: 'vendor-board-seat:0123456789abcdef',
      pattern: 'vendor-board-seat',
      severity: 'high',
      title: 'Vincent Line sits on the board',
      explanation: 'why',
      period: { from: null, to: null },
      qualifiers: [],
      nodeIds: [vincent.id, board.id],
      edgeIds: [seat.id],
      citations: cite,
    };
    const before = run(
      settledCanvas(),
      { type: 'togglePin', id: board.id },
      { type: 'setFilter', patch: { asOf: '2020' } },
      { type: 'showFinding', finding, patch: { nodes: [], edges: [] } },
      { type: 'select', selection: { kind: 'node', id: lexis.id } },
    );
    expect(before.history.past.length).toBeGreaterThan(0);

    const query = encodeViewQuery(viewStateOf(before));
    const view = decodeViewQuery(query);
    const batch = { nodes: [vincent, board, lexis], edges: [seat, owns] };
    const reopened = explorerReducer(INITIAL_STATE, openViewAction(view, { canvas: batch, finding }, 'reset'));

    expect(Object.fromEntries(reopened.positions)).toEqual({
      [vincent.id]: { x: -200, y: 10.3 },
      [board.id]: { x: 0, y: 0 },
      [lexis.id]: { x: 220.5, y: -80 },
    });
    expect(reopened.viewport?.zoom).toBe(1.3333);
    expect(reopened.viewport?.center).toEqual({ x: 12.3, y: -5.6 });
    expect([...reopened.pinned]).toEqual([board.id]);
    expect(reopened.selection).toEqual({ kind: 'node', id: lexis.id });
    expect(reopened.spotlight?.source).toBe('finding');
    expect([...(reopened.spotlight?.edgeIds ?? [])]).toEqual([seat.id]);
    expect(reopened.filter.asOf).toBe('2020');
    expect(reopened.history.past).toEqual([]);
    // No layout is asked for: every entity goes where the link says.
    expect(reopened.layout.seq).toBe(INITIAL_STATE.layout.seq);
    // Read back, the reopened state makes the very same link.
    expect(encodeViewQuery(viewStateOf(reopened))).toBe(query);
  });

  it('lights the path again with the answer the server gives, without arranging it', () => {
    const before = run(
      settledCanvas(),
      { type: 'setPathEnd', end: 'from', id: vincent.id },
      { type: 'setPathEnd', end: 'to', id: lexis.id },
    );
    const answer: PathsResponse = {
      paths: [{ nodeIds: [vincent.id, board.id, lexis.id], edgeIds: [seat.id, owns.id] }],
      nodes: [vincent, board, lexis],
      edges: [seat, owns],
    };
    const found = run(before, { type: 'pathsFound', response: answer, maxHops: 4 }, { type: 'focusPath', index: 0 });
    const view = viewStateOf(found);
    expect(view.path).toMatchObject({ from: vincent.id, to: lexis.id, found: true, focus: 0 });
    const reopened = explorerReducer(
      INITIAL_STATE,
      openViewAction(view, { canvas: { nodes: [vincent, board, lexis], edges: [seat, owns] }, paths: answer }, 'reset'),
    );
    expect(reopened.path.result?.paths).toHaveLength(1);
    expect(reopened.path.focus).toBe(0);
    expect(reopened.layout.seq).toBe(INITIAL_STATE.layout.seq);
  });

  it('keeps entities the server no longer has out, with their positions and pins', () => {
    const view = ViewState.parse({
      ids: [vincent.id, 'org:gone'],
      positions: { [vincent.id]: { x: 1, y: 2 }, 'org:gone': { x: 3, y: 4 } },
      pinned: ['org:gone'],
      selection: { kind: 'node', id: 'org:gone' },
    });
    const reopened = explorerReducer(INITIAL_STATE, openViewAction(view, { canvas: { nodes: [vincent], edges: [] } }, 'reset'));
    expect([...reopened.view.nodes.keys()]).toEqual([vincent.id]);
    expect([...reopened.positions.keys()]).toEqual([vincent.id]);
    expect(reopened.pinned.size).toBe(0);
    expect(reopened.selection).toBeNull();
  });
});

describe('undo covers pins, moves and layouts; reports from the canvas are not undone', () => {
  it('undoes a pin, a drag and a relayout, and restores where things stood', () => {
    const settled = settledCanvas();
    expect(settled.history.past).toHaveLength(1); // the merge, not the reports
    const pinned = explorerReducer(settled, { type: 'togglePin', id: vincent.id });
    expect(pinned.history.past).toHaveLength(2);
    const moved = explorerReducer(pinned, { type: 'nodesMoved', positions: new Map([[board.id, { x: 50, y: 60 }]]) });
    const laidOut = run(
      moved,
      { type: 'relayout', mode: 'hierarchy' },
      { type: 'canvasSettled', positions: new Map([[lexis.id, { x: 999, y: 999 }]]) },
    );
    expect(laidOut.history.past).toHaveLength(4);

    const back = explorerReducer(laidOut, { type: 'undo' });
    expect(back.positions.get(lexis.id)).toEqual({ x: 220.5, y: -80 });
    const back2 = explorerReducer(back, { type: 'undo' });
    expect(back2.positions.get(board.id)).toEqual({ x: 0, y: 0 });
    const back3 = explorerReducer(back2, { type: 'undo' });
    expect(back3.pinned.size).toBe(0);
    const forth = run(back3, { type: 'redo' }, { type: 'redo' }, { type: 'redo' });
    expect(forth.positions.get(lexis.id)).toEqual({ x: 999, y: 999 });
    expect([...forth.pinned]).toEqual([vincent.id]);
  });

  it('forgets positions and pins of entities taken off the canvas', () => {
    const state = run(settledCanvas(), { type: 'togglePin', id: lexis.id }, { type: 'removeNode', id: lexis.id });
    expect(state.positions.has(lexis.id)).toBe(false);
    expect(state.pinned.size).toBe(0);
    // A move reported for an entity no longer there is dropped.
    const after = explorerReducer(state, { type: 'canvasSettled', positions: new Map([[lexis.id, { x: 1, y: 1 }]]) });
    expect(after).toBe(state);
  });
});

describe('story steps', () => {
  it('capture what is lit, else what is selected, the area in view and where things stand', () => {
    const state = run(settledCanvas(), { type: 'select', selection: { kind: 'edge', id: seat.id } });
    const step = captureStep(state, 'He sits on the board');
    expect(step).toMatchObject({ caption: 'He sits on the board', nodeIds: [], edgeIds: [seat.id] });
    // 900 x 700 px at zoom 4/3 around (12.34, -5.55): 675 x 525 graph units.
    expect(step.viewport).toEqual({ x: -325.2, y: -268.1, width: 675, height: 525 });
    expect(step.positions?.[vincent.id]).toEqual({ x: -200, y: 10.3 });
    expect(SnapshotStepShape(step)).toBe(true);
  });

  it('leave out what the filters hide', () => {
    const state = run(
      settledCanvas(),
      { type: 'select', selection: { kind: 'node', id: vincent.id } },
      { type: 'toggleKind', kind: 'Person' },
    );
    const step = captureStep(state, 'hidden');
    expect(step.nodeIds).toEqual([]);
    expect(step.positions?.[vincent.id]).toBeUndefined();
  });

  it('are shown on the canvas: lit, moved and framed', () => {
    const step: SnapshotStep = {
      caption: 'c',
      nodeIds: [],
      edgeIds: [seat.id],
      viewport: { x: -100, y: -50, width: 400, height: 100 },
      positions: { [board.id]: { x: 5, y: 6 }, 'org:not-here': { x: 1, y: 1 } },
    };
    const before = settledCanvas();
    const shown = explorerReducer(before, showStepAction(step, 2, before.view, canvasSize));
    expect(shown.spotlight).toMatchObject({ source: 'step', id: '2' });
    expect([...(shown.spotlight?.nodeIds ?? [])].sort()).toEqual([board.id, vincent.id].sort());
    expect(shown.positions.get(board.id)).toEqual({ x: 5, y: 6 });
    expect(shown.positions.has('org:not-here')).toBe(false);
    // 400 x 100 into 800 x 600: the width decides, zoom 2, centred on the area.
    expect(shown.viewport).toMatchObject({ zoom: 2, center: { x: 100, y: 0 } });
    // Showing a step is looking, not changing: nothing to undo.
    expect(shown.history).toBe(before.history);
    expect(fitArea(undefined, canvasSize)).toBeUndefined();
    expect(viewportRect({ ...canvasSize, width: 0 })).toBeUndefined();
  });
});

describe('snapshots from the canvas and back', () => {
  it('save what the canvas shows, with pins, and steps trimmed to the map and to what they moved', () => {
    const state = run(
      settledCanvas(),
      { type: 'togglePin', id: board.id },
      { type: 'select', selection: { kind: 'node', id: vincent.id } },
    );
    const still = captureStep(state, 'first');
    const movedState = explorerReducer(state, { type: 'nodesMoved', positions: new Map([[lexis.id, { x: 400, y: 400 }]]) });
    const moved = captureStep(movedState, 'second');
    const gone: SnapshotStep = {
      caption: 'third',
      nodeIds: ['org:removed'],
      edgeIds: [],
      positions: { 'org:removed': { x: 0, y: 0 } },
    };
    const input = snapshotInput(state, { title: 'Board', description: 'note', steps: [still, moved, gone] });
    expect(CreateSnapshot.safeParse(input).success).toBe(true);
    expect(input.nodeIds).toEqual([vincent.id, board.id, lexis.id]);
    expect(input.pinned).toEqual([board.id]);
    const [first, second, third] = input.steps ?? [];
    expect(first?.positions).toBeUndefined();
    expect(second?.positions).toEqual({ [lexis.id]: { x: 400, y: 400 } });
    expect(third).toMatchObject({ nodeIds: [] });
    expect(third?.positions).toBeUndefined();
    expect(stepsForMap([], { nodeIds: [], edgeIds: [] }, {})).toEqual([]);
  });

  it('put back on the canvas where they were, pins and filters included, undoably', () => {
    const content = SnapshotContent.parse({
      title: 't',
      description: '',
      entities: [vincent, board],
      relationships: [seat],
      documents: [],
      positions: { [vincent.id]: { x: 10, y: 20 }, [board.id]: { x: 30, y: 40 } },
      filters: { hiddenKinds: ['Document'], hiddenCategories: [] },
      asOf: '2021',
      steps: [],
      pinned: [board.id],
    });
    const before = settledCanvas();
    const opened = explorerReducer(before, openSnapshotAction(content));
    expect(Object.fromEntries(opened.positions)).toEqual(content.positions);
    expect([...opened.pinned]).toEqual([board.id]);
    expect(opened.filter.asOf).toBe('2021');
    expect([...opened.filter.hiddenKinds]).toEqual(['Document']);
    const undone = explorerReducer(opened, { type: 'undo' });
    expect([...undone.view.nodes.keys()]).toEqual([vincent.id, board.id, lexis.id]);
  });
});

describe('the story draft', () => {
  const step = (caption: string): SnapshotStep => ({ caption, nodeIds: [], edgeIds: [] });

  it('adds, re-captions, re-takes, reorders and removes steps', () => {
    let story: StoryDraft = storyReducer(EMPTY_STORY, { type: 'story/title', title: 'Who watches' });
    for (const c of ['one', 'two', 'three']) story = storyReducer(story, { type: 'story/addStep', step: step(c) });
    story = storyReducer(story, { type: 'story/caption', index: 1, caption: 'TWO' });
    story = storyReducer(story, { type: 'story/replaceStep', index: 1, step: { ...step('ignored'), nodeIds: [vincent.id] } });
    story = storyReducer(story, { type: 'story/moveStep', index: 2, to: 0 });
    expect(story.steps.map((s) => s.caption)).toEqual(['three', 'one', 'TWO']);
    expect(story.steps[2]?.nodeIds).toEqual([vincent.id]);
    expect(storyReducer(story, { type: 'story/moveStep', index: 0, to: 3 })).toBe(story);
    story = storyReducer(story, { type: 'story/removeStep', index: 0 });
    expect(story.steps.map((s) => s.caption)).toEqual(['one', 'TWO']);
    expect(story.dirty).toBe(true);
  });

  it('continues what it was saved as, and knows when it is published', () => {
    let story = storyReducer(EMPTY_STORY, { type: 'story/addStep', step: step('one') });
    story = storyReducer(story, {
      type: 'story/saved',
      base: { id: 'draft-abc123def', version: 1, title: 't', published: false },
    });
    expect(story).toMatchObject({ dirty: false, asNextVersion: true, base: { id: 'draft-abc123def' } });
    story = storyReducer(story, { type: 'story/published', id: 'pub-0123456789abcdef' });
    expect(story.base).toMatchObject({ id: 'pub-0123456789abcdef', published: true });
    const detached = storyReducer(story, { type: 'story/detach' });
    expect(detached.base).toBeUndefined();
    expect(detached.steps).toEqual(story.steps);
    expect(storyReducer(story, { type: 'story/clear' })).toBe(EMPTY_STORY);
  });

  it('comes back from storage, and anything unreadable there starts a new one', () => {
    const story = storyReducer(EMPTY_STORY, { type: 'story/addStep', step: step('kept') });
    expect(storyFromStorage(JSON.stringify(story))).toEqual(story);
    expect(storyFromStorage('{not json')).toBe(EMPTY_STORY);
    expect(storyFromStorage(JSON.stringify({ ...story, steps: [{ caption: '' }] }))).toBe(EMPTY_STORY);
    expect(storyFromStorage(null)).toBe(EMPTY_STORY);
  });
});

describe('the page reducer', () => {
  it('brings the details sheet up when the reader selects something, and the tools sheet for a tab', () => {
    const page = pageReducer(INITIAL_PAGE, {
      type: 'merged',
      patch: { nodes: [vincent], edges: [] },
      select: { kind: 'node', id: vincent.id },
    });
    expect(page.ui.sheet).toBe('details');
    const tools = pageReducer(page, { type: 'ui/tab', tab: 'paths' });
    expect(tools.ui).toMatchObject({ sheet: 'tools', tab: 'paths' });
    // Reports from the canvas change nothing around it.
    const reported = pageReducer(tools, { type: 'viewportChanged', viewport: canvasSize });
    expect(reported.ui).toBe(tools.ui);
    expect(pageReducer(reported, { type: 'story/title', title: 'x' }).story.title).toBe('x');
  });
});

function SnapshotStepShape(step: SnapshotStep): boolean {
  return CreateSnapshot.shape.steps.safeParse([step]).success;
}
