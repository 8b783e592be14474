/**
 * Driving the explorer the way a person does: type in the search box, pick a result, double-click a
 * node, click an edge, read the side panel. Tests call these instead of repeating selectors.
 *
 * The canvas draws on <canvas>, so the few things only it knows (which nodes are shown, where an edge
 * is on screen) are read from the Cytoscape instance the page exposes as `window.__interlockCy`.
 */
import type { Locator, Page, Response } from 'playwright-core';
import type { Core } from 'cytoscape';

interface Point {
  x: number;
  y: number;
}

export function sidePanel(page: Page): Locator {
  return page.getByTestId('side-panel');
}

/** The heading of whatever the side panel shows (entity name or relationship type). */
export function panelHeading(page: Page): Locator {
  return sidePanel(page).getByRole('heading', { level: 2 });
}

/** Types into the search box, waits for the live results and clicks the one with this name. */
export async function searchAndPick(page: Page, text: string, name: string): Promise<void> {
  const input = page.getByTestId('search-input');
  await input.click();
  await input.fill('');
  await input.pressSequentially(text, { delay: 40 });
  await resultsFor(page);
  await resultOption(page, name).click();
  await expectHeading(page, name);
  await waitForOnCanvas(page, { names: [name] });
}

/** The keyboard route through the same combobox: arrow down to the result, Enter to pick it. */
export async function searchAndPickWithKeyboard(page: Page, text: string, name: string): Promise<void> {
  const input = page.getByTestId('search-input');
  await input.focus();
  await input.pressSequentially(text, { delay: 40 });
  await resultsFor(page);
  await resultOption(page, name).waitFor();
  for (let i = 0; i < 10; i++) {
    const active = await input.getAttribute('aria-activedescendant');
    const label = active ? await page.locator(`[id="${active}"]`).getAttribute('aria-label') : '';
    if (label?.startsWith(`${name} (`)) break;
    await input.press('ArrowDown');
  }
  await input.press('Enter');
  await expectHeading(page, name);
  await waitForOnCanvas(page, { names: [name] });
}

/** The result for exactly this entity name (options are labelled "Name (Kind)"). */
function resultOption(page: Page, name: string): Locator {
  return page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)} \\(`) });
}

/** Waits until the list answers what was typed, not an earlier query still on screen. */
async function resultsFor(page: Page): Promise<void> {
  await page.locator('[data-testid="search-results"][aria-busy="false"]').waitFor({ state: 'attached' });
}

/** Expands the selected node with the side panel's button, or the named node by double-clicking it. */
export async function expand(page: Page, how: { button: true } | { doubleClick: string }): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/neighborhood'));
  if ('button' in how) {
    await sidePanel(page)
      .getByRole('button', { name: /expand/i })
      .click();
  } else {
    const at = await nodePoint(page, how.doubleClick);
    await page.mouse.dblclick(at.x, at.y);
  }
  const response = await answered;
  if (!response.ok()) throw new Error(`Expanding failed: ${response.status()} ${await response.text()}`);
  await waitForOnCanvas(page, { ids: await nodeIdsIn(response) });
}

/** Names of the nodes drawn on the canvas (hidden ones left out). */
export async function canvasNodeNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return cy ? cy.nodes(':visible').map((n) => String(n.data('label'))) : [];
  });
}

export async function canvasNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return cy ? cy.nodes(':visible').map((n) => n.id()) : [];
  });
}

/** Which nodes a path highlight lights up, and how many elements it dims. */
export async function canvasHighlight(page: Page): Promise<{ highlightedNodeIds: string[]; dimmed: number }> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return {
      highlightedNodeIds: cy?.nodes('.highlighted').map((n) => n.id()) ?? [],
      dimmed: cy?.elements('.dimmed').length ?? 0,
    };
  });
}

/** Clicks a node on the canvas; with shift it becomes a path end instead of the selection. */
export async function clickNode(page: Page, id: string, options: { shift?: boolean } = {}): Promise<void> {
  const at = await nodePoint(page, id);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(at.x, at.y);
  if (options.shift) await page.keyboard.up('Shift');
}

/** Clicks the middle of the edge of this type between two nodes, as a reader clicks a line. */
export async function clickEdge(page: Page, edge: { type: string; source: string; target: string }): Promise<void> {
  await waitForCanvasIdle(page);
  const point = await page.evaluate((e) => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    const found = cy
      ?.edges()
      .toArray()
      .find((x) => x.data('type') === e.type && x.data('source') === e.source && x.data('target') === e.target);
    return found ? found.renderedMidpoint() : null;
  }, edge);
  const at = await toPage(page, point, edge);
  await page.mouse.click(at.x, at.y);
}

/**
 * Waits until these nodes are on the canvas and the layout has settled. The answer arriving, or the
 * side panel updating, is not enough: the canvas syncs in an effect after React renders, and only
 * then does its layout start.
 */
export async function waitForOnCanvas(page: Page, wanted: { ids?: string[]; names?: string[] }): Promise<void> {
  await page.waitForFunction(({ ids = [], names = [] }) => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    if (!cy) return false;
    const labels = cy.nodes().map((n) => String(n.data('label')));
    return ids.every((id) => cy.getElementById(id).nonempty()) && names.every((name) => labels.some((l) => l.includes(name)));
  }, wanted);
  await waitForCanvasIdle(page);
}

async function nodeIdsIn(response: Response): Promise<string[]> {
  const body = (await response.json()) as { nodes?: { id: string }[] };
  return (body.nodes ?? []).map((n) => n.id);
}

/**
 * Waits until no layout animation is running and the labels have been placed for what is shown, so
 * positions and labels read from the canvas stay true.
 */
export async function waitForCanvasIdle(page: Page): Promise<void> {
  await page.locator('[data-testid="graph-canvas"][data-layout="idle"][data-labels="placed"]').waitFor();
}

export async function expectHeading(page: Page, text: string): Promise<void> {
  await panelHeading(page).filter({ hasText: text }).waitFor();
}

/** Sets both path ends from the side panel and presses "Find paths". */
export async function findPaths(page: Page, fromName: string, toName: string): Promise<void> {
  await searchAndPick(page, fromName, fromName);
  await sidePanel(page).getByRole('button', { name: 'Path from here' }).click();
  await searchAndPick(page, toName, toName);
  await sidePanel(page).getByRole('button', { name: 'Path to here' }).click();
  const answered = page.waitForResponse((r) => r.url().includes('/api/paths'));
  await page.getByRole('button', { name: 'Find paths' }).click();
  const response = await answered;
  await page.getByTestId('path-result').waitFor();
  await waitForOnCanvas(page, { ids: await nodeIdsIn(response) });
}

/** Removes the path highlight and the path ends. */
export async function clearPaths(page: Page): Promise<void> {
  await page.getByTestId('path-finder').getByRole('button', { name: 'Clear path' }).click();
  await page.getByTestId('path-result').waitFor({ state: 'detached' });
}

async function nodePoint(page: Page, id: string): Promise<Point> {
  await waitForCanvasIdle(page);
  const point = await page.evaluate((nodeId) => {
    const node = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(nodeId);
    return node?.nonempty() ? node.renderedPosition() : null;
  }, id);
  return toPage(page, point, id);
}

/** Cytoscape's rendered positions are relative to the canvas; the mouse needs page coordinates. */
async function toPage(page: Page, point: Point | null, what: unknown): Promise<Point> {
  if (!point) throw new Error(`Not on the canvas: ${JSON.stringify(what)}`);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('The canvas is not visible.');
  return { x: box.x + point.x, y: box.y + point.y };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ------------------------------------------------------------------ left rail: conflicts and money

/** Opens a tab of the left rail (Conflicts, Money, Paths, Legend) and waits until it is the one shown. */
export async function openRailTab(page: Page, name: string): Promise<Locator> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await page.getByRole('tab', { name, selected: true }).waitFor();
  const panel = page.locator(`[id="${await tab.getAttribute('aria-controls')}"]`);
  await panel.waitFor();
  return panel;
}

/** Waits until the Conflicts list has answered (its count replaces "Loading findings…"). */
export async function findingsLoaded(page: Page): Promise<void> {
  await page
    .getByTestId('conflicts-count')
    .filter({ hasText: /^\d+ findings?$/ })
    .waitFor();
}

/** The finding in the Conflicts list whose text contains all of these. */
export function findingItem(page: Page, ...texts: string[]): Locator {
  return texts.reduce((found, text) => found.filter({ hasText: text }), page.getByTestId('finding'));
}

/**
 * Clicks a finding and waits until its evidence is drawn and laid out and the side panel reads it.
 * Returns the finding as the API gave it, so tests can compare the canvas with its node and edge ids.
 */
export async function showFinding(
  page: Page,
  ...texts: string[]
): Promise<{ title: string; nodeIds: string[]; edgeIds: string[] }> {
  const item = findingItem(page, ...texts);
  const title = (await item.locator('.finding__title').innerText()).trim();
  await item.click();
  await expectHeading(page, title);
  const finding = await findingFromApi(page, title);
  await waitForOnCanvas(page, { ids: finding.nodeIds });
  await waitForHighlight(page, finding.nodeIds);
  return finding;
}

async function findingFromApi(page: Page, title: string): Promise<{ title: string; nodeIds: string[]; edgeIds: string[] }> {
  // The stored findings may still be taking in the last change: ask until they are current.
  for (let i = 0; i < 600; i++) {
    const response = await page.request.get(new URL('/api/conflicts', page.url()).toString());
    const body = (await response.json()) as {
      status: string;
      findings: { title: string; nodeIds: string[]; edgeIds: string[] }[];
    };
    const finding = body.findings.find((f) => f.title === title);
    if (finding) return finding;
    if (body.status === 'current') break;
    await page.waitForTimeout(200);
  }
  throw new Error(`No finding titled ${JSON.stringify(title)} in /api/conflicts`);
}

/** Ids of the nodes and edges lit up on the canvas (a path, a finding or a money flow). */
export async function highlightedIds(page: Page): Promise<{ nodeIds: string[]; edgeIds: string[] }> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return {
      nodeIds: cy?.nodes('.highlighted').map((n) => n.id()) ?? [],
      edgeIds: cy?.edges('.highlighted').map((e) => e.id()) ?? [],
    };
  });
}

/** Waits until these nodes are lit up on the canvas (the canvas syncs just after React renders). */
export async function waitForHighlight(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction((wanted) => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return cy !== undefined && wanted.every((id) => cy.getElementById(id).hasClass('highlighted'));
  }, ids);
}

/** Waits until nothing on the canvas is lit up or dimmed (the canvas syncs just after React renders). */
export async function waitForNoHighlight(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return cy !== undefined && cy.elements('.highlighted, .dimmed').empty();
  });
}

/** Ids of the elements on the canvas that are dimmed by a highlight. */
export async function dimmedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return cy?.elements('.dimmed').map((e) => e.id()) ?? [];
  });
}

/** The row of the money table from this payer to this payee. */
export function moneyRow(page: Page, payer: string, payee: string): Locator {
  return page
    .getByTestId('money-row')
    .filter({ has: page.locator('.money-row__payer', { hasText: new RegExp(`^${escapeRegExp(payer)}$`) }) })
    .filter({ has: page.locator('.money-row__payee', { hasText: new RegExp(`${escapeRegExp(payee)}$`) }) });
}

/** Waits until the money tab has finished drawing (its button is enabled again) and the canvas has settled. */
async function moneyDrawn(page: Page, ids: string[]): Promise<void> {
  await page.getByTestId('money-panel').getByRole('button', { name: 'Show on canvas', disabled: false }).waitFor();
  await waitForOnCanvas(page, { ids });
}

/** "Show on canvas" in the Money tab; waits for the payers, contracts and payees of the table's rows. */
export async function showMoneyOnCanvas(page: Page, ids: string[]): Promise<void> {
  await page.getByTestId('money-panel').getByRole('button', { name: 'Show on canvas' }).click();
  await moneyDrawn(page, ids);
}

/** Clicks a money row (its payer -> payee button, as a keyboard user would reach it); `ids` light up. */
export async function showMoneyRow(page: Page, payer: string, payee: string, ids: string[]): Promise<void> {
  await moneyRow(page, payer, payee).getByRole('button').click();
  await moneyDrawn(page, ids);
  await waitForHighlight(page, ids);
}

/** Where nodes are on the canvas (model coordinates) and how wide edges are drawn. */
export async function canvasGeometry(page: Page): Promise<{ x: Record<string, number>; width: Record<string, number> }> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    const x: Record<string, number> = {};
    const width: Record<string, number> = {};
    cy?.nodes().forEach((n) => {
      x[n.id()] = n.position('x');
    });
    cy?.edges().forEach((e) => {
      width[e.id()] = e.numericStyle('width');
    });
    return { x, width };
  });
}

// ------------------------------------------------------------------ time, filters

/** Ids of the edges drawn on the canvas (hidden ones left out). */
export async function canvasEdgeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return cy ? cy.edges(':visible').map((e) => e.id()) : [];
  });
}

/** Lets React commit and the canvas sync what a control just changed (two animation frames). */
export async function canvasSynced(page: Page): Promise<void> {
  await page.evaluate(() => {
    const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): number }).requestAnimationFrame;
    return new Promise<void>((resolve) => raf(() => raf(() => resolve())));
  });
  await waitForCanvasIdle(page);
}

/** Moves the as-of slider with the keyboard, as a reader would, until it reads this year. */
export async function setAsOf(page: Page, year: string): Promise<void> {
  const slider = page.getByTestId('as-of-slider');
  await slider.focus();
  await slider.press('Home');
  for (let i = 0; i < 200; i++) {
    if ((await slider.getAttribute('aria-valuetext')) === year) break;
    await slider.press('ArrowRight');
  }
  await page
    .getByTestId('as-of-value')
    .filter({ hasText: new RegExp(`^${year}$`) })
    .waitFor();
  await canvasSynced(page);
}
