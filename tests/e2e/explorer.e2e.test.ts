/**
 * The golden path in a real browser: find Vincent Line, expand him, read the source of his board seat,
 * then trace him to ICE. Runs against INTERLOCK_E2E_URL when set, otherwise against the app started
 * by the test helper (embedded Neo4j + seed + built page).
 */
import { describe, expect, it } from 'vitest';
import { useExplorerSession } from './helpers/session.js';
import {
  canvasHighlight,
  canvasNodeIds,
  canvasNodeNames,
  clearPaths,
  clickEdge,
  expand,
  expectHeading,
  findPaths,
  panelHeading,
  searchAndPick,
  searchAndPickWithKeyboard,
  sidePanel,
} from './helpers/ui.js';

const VINCENT = 'person:vincent-line';
const BOARD = 'org:lexisnexis-data-warehouse-board';
const ICE = 'public-body:ice';

describe('explorer page', () => {
  const session = useExplorerSession();

  it('finds Vincent Line, expands him, and shows the Arabic source quote of his board seat', async () => {
    await searchAndPick(session.page, 'Vincent', 'Vincent Line');
    expect(await canvasNodeIds(session.page)).toEqual([VINCENT]);
    await expect(sidePanel(session.page).getByText('Person', { exact: true }).count()).resolves.toBeGreaterThan(0);

    await expand(session.page, { doubleClick: VINCENT });
    const names = await canvasNodeNames(session.page);
    expect(names).toContain('Denver Sheriff Department');
    expect(names).toContain('LexisNexis data-warehouse board');

    await clickEdge(session.page, { type: 'SITS_ON_BOARD', source: VINCENT, target: BOARD });
    await expectHeading(session.page, 'SITS ON BOARD');
    const quote = sidePanel(session.page).locator('blockquote', { hasText: 'مجلس إدارة' });
    await quote.waitFor();
    expect(await quote.getAttribute('dir')).toBe('auto');
    expect(await sidePanel(session.page).getByTestId('citation').first().innerText()).toContain('line 24');
    expect(session.pageErrors).toEqual([]);
  });

  it('works from the keyboard: arrow keys and Enter in the search, the Expand button in the panel', async () => {
    await searchAndPickWithKeyboard(session.page, 'Vinc', 'Vincent Line');
    await expand(session.page, { button: true });
    expect(await canvasNodeIds(session.page)).toEqual(
      expect.arrayContaining([VINCENT, BOARD, 'public-body:denver-sheriff-department']),
    );
    // The side panel lists the connections with their sources, so the canvas is not the only way in.
    await sidePanel(session.page)
      .getByRole('button', { name: /LexisNexis data-warehouse board/ })
      .click();
    await expectHeading(session.page, 'SITS ON BOARD');
    expect(await sidePanel(session.page).locator('blockquote[dir="auto"]').first().innerText()).toContain('مجلس إدارة');
  });

  it('traces Vincent Line to ICE, highlights the path and lists each hop with its source line', async () => {
    await findPaths(session.page, 'Vincent Line', 'U.S. Immigration and Customs Enforcement');
    const result = session.page.getByTestId('path-result');
    const text = await result.innerText();
    expect(text).toContain('LexisNexis data-warehouse board');
    expect(text).toMatch(/SITS ON BOARD/);
    expect(text).toMatch(/line \d+/);

    const highlight = await canvasHighlight(session.page);
    expect(highlight.highlightedNodeIds).toEqual(expect.arrayContaining([VINCENT, BOARD, ICE]));

    // A hop in the list opens that step's evidence.
    await result.getByRole('button', { name: /SITS ON BOARD/ }).click();
    await expectHeading(session.page, 'SITS ON BOARD');

    await clearPaths(session.page);
    expect(await canvasHighlight(session.page)).toEqual({ highlightedNodeIds: [], dimmed: 0 });
  });

  it('says so when there is no path within the hop limit', async () => {
    await searchAndPick(session.page, 'Vincent', 'Vincent Line');
    await sidePanel(session.page).getByRole('button', { name: 'Path from here' }).click();
    await searchAndPick(session.page, 'Immigration and Customs', 'U.S. Immigration and Customs Enforcement');
    await sidePanel(session.page).getByRole('button', { name: 'Path to here' }).click();
    await session.page.getByLabel(/Up to/).selectOption('1');
    await session.page.getByRole('button', { name: 'Find paths' }).click();
    await session.page.getByText('No path within 1 hops.').waitFor();
    expect(await panelHeading(session.page).innerText()).toContain('Immigration and Customs Enforcement');
  });
});
