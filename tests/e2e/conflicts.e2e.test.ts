/**
 * The Conflicts and Money tabs in a real browser: read the list of findings, show one with its
 * evidence lit up and its quotes beside it, narrow the list, and follow the money left to right.
 * Runs against INTERLOCK_E2E_URL when set, otherwise against the app started by the test helper
 * (embedded Neo4j + seed + built page).
 */
import { describe, expect, it } from 'vitest';
import { useExplorerSession } from './helpers/session.js';
import {
  canvasGeometry,
  dimmedIds,
  findingItem,
  findingsLoaded,
  highlightedIds,
  moneyRow,
  openRailTab,
  panelHeading,
  searchAndPick,
  showFinding,
  showMoneyOnCanvas,
  showMoneyRow,
  sidePanel,
  waitForNoHighlight,
} from './helpers/ui.js';

const DENVER = 'public-body:city-of-denver';
const ICE = 'public-body:ice';
const LEXIS = 'org:lexisnexis';
const APPRISS = 'org:appriss-solutions';
const DENVER_DEAL = 'contract:denver-lexisnexis-data-services-2020';
const ICE_DEAL = 'contract:ice-lexisnexis-personal-information';
const APPRISS_DEAL = 'contract:ice-appriss-jail-booking-data';
const MONEY_NODES = [DENVER, ICE, LEXIS, APPRISS, DENVER_DEAL, ICE_DEAL, APPRISS_DEAL];
const sorted = (ids: string[]) => [...ids].sort();

describe('conflicts and money', () => {
  const session = useExplorerSession();

  it('shows the vendor-board-seat finding: its evidence lit up, its explanation and quotes beside it', async () => {
    // Something unrelated on the canvas first, so the highlight has something to dim.
    await searchAndPick(session.page, 'Appriss', 'Appriss Solutions');
    await openRailTab(session.page, 'Conflicts');

    const item = findingItem(session.page, 'Vincent Line', 'City and County of Denver');
    await item.waitFor();
    expect(await item.innerText()).toMatch(/HIGH/i);
    const inferred = item.getByTestId('qualifier').filter({ hasText: 'relies on an inferred link' });
    expect(await inferred.getAttribute('title')).toMatch(/inferred by the researchers, not stated by a source/);

    const finding = await showFinding(session.page, 'Vincent Line', 'City and County of Denver');
    expect(await item.getAttribute('aria-current')).toBe('true');

    const lit = await highlightedIds(session.page);
    expect(sorted(lit.nodeIds)).toEqual(sorted(finding.nodeIds));
    expect(sorted(lit.edgeIds)).toEqual(sorted(finding.edgeIds));
    expect(await dimmedIds(session.page)).toContain(APPRISS);

    const panel = sidePanel(session.page);
    expect(await panelHeading(session.page).innerText()).toContain('Vincent Line sits on the LexisNexis data-warehouse board');
    expect(await panel.getByTestId('finding-explanation').innerText()).toContain('$750,000');
    expect(await panel.innerText()).toContain('relies on an inferred link');
    const quote = panel.locator('blockquote[dir="auto"]').first();
    expect((await quote.innerText()).length).toBeGreaterThan(10);
    expect(await panel.getByTestId('citation').count()).toBeGreaterThan(1);

    // One highlight at a time, and Clear takes it away.
    await session.page.getByTestId('conflicts-panel').getByRole('button', { name: 'Clear highlight' }).click();
    await session.page.locator('[data-testid="finding"][aria-current]').waitFor({ state: 'detached' });
    await waitForNoHighlight(session.page);
    expect(await highlightedIds(session.page)).toEqual({ nodeIds: [], edgeIds: [] });
    expect(await dimmedIds(session.page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('filters by pattern and by the selected entity, counting each pattern and saying when nothing matches', async () => {
    const panel = await openRailTab(session.page, 'Conflicts');
    await findingsLoaded(session.page);
    const pattern = panel.getByLabel('Pattern');
    const interlock = await pattern.locator('option', { hasText: 'Board interlock' }).innerText();
    expect(interlock).toMatch(/\(2\)$/);
    // The pattern filter asks the server (findings come a page at a time): the list follows once it answers.
    await pattern.selectOption({ label: interlock });
    await session.page
      .getByTestId('conflicts-count')
      .filter({ hasText: /^2 findings$/ })
      .waitFor();
    expect(await session.page.getByTestId('finding').count()).toBe(2);
    await pattern.selectOption({ index: 0 });

    const only = panel.getByLabel('Only the selected entity');
    expect(await only.isDisabled()).toBe(true);
    await searchAndPick(session.page, 'Matt Lewis', 'Matt Lewis');
    await only.check();
    await session.page.getByTestId('conflicts-entity').filter({ hasText: 'Matt Lewis' }).waitFor();
    await session.page
      .getByTestId('conflicts-count')
      .filter({ hasText: /^2 findings$/ })
      .waitFor();
    for (const text of await session.page.getByTestId('finding').allInnerTexts()) expect(text).toContain('Matt Lewis');

    // Showing one of them keeps the list on Matt Lewis although the selection is now the finding.
    await showFinding(session.page, 'Matt Lewis', 'formerly sheriff');
    expect(await session.page.getByTestId('finding').count()).toBe(2);

    await pattern.selectOption({ label: await pattern.locator('option', { hasText: 'Vendor board seat' }).innerText() });
    await session.page.getByTestId('conflicts-empty').waitFor();
    expect(await session.page.getByTestId('conflicts-empty').innerText()).toContain('Matt Lewis');
  });

  it('switches rail tabs from the keyboard, as ARIA tabs do', async () => {
    await session.page.getByRole('tab', { name: 'Conflicts' }).focus();
    await session.page.keyboard.press('ArrowRight');
    await session.page.getByRole('tab', { name: 'Money', selected: true }).waitFor();
    expect(await session.page.getByTestId('money-panel').isVisible()).toBe(true);
    expect(await session.page.getByTestId('conflicts-panel').isVisible()).toBe(false);
    await session.page.keyboard.press('End');
    await session.page.getByRole('tab', { name: 'Legend', selected: true }).waitFor();
    await session.page.keyboard.press('Home');
    await session.page.getByRole('tab', { name: 'Conflicts', selected: true }).waitFor();
    // Focus moves with the selection (roving tabindex): one Tab stop for the whole tab list.
    expect(await session.page.locator(':focus').innerText()).toMatch(/conflicts/i);
    expect(await session.page.getByRole('tab', { name: 'Money' }).getAttribute('tabindex')).toBe('-1');
  });

  it('lists who pays whom and draws it left to right, lines weighted by amount', async () => {
    await openRailTab(session.page, 'Money');
    const denverRow = moneyRow(session.page, 'City and County of Denver', 'LexisNexis');
    await denverRow.waitFor();
    expect(await denverRow.innerText()).toContain('$750,000');
    expect(await denverRow.innerText()).toContain('1 contract · 2020');
    expect(await moneyRow(session.page, 'U.S. Immigration and Customs Enforcement', 'Appriss Solutions').innerText()).toContain(
      'undisclosed',
    );

    await showMoneyOnCanvas(session.page, MONEY_NODES);
    const { x, width } = await canvasGeometry(session.page);
    const at = (id: string) => x[id] ?? NaN;
    expect(at(DENVER)).toBeLessThan(at(DENVER_DEAL));
    expect(at(DENVER_DEAL)).toBeLessThan(at(LEXIS));
    expect(at(ICE)).toBeLessThan(at(ICE_DEAL));
    const line = (id: string) => width[id] ?? NaN;
    expect(line(`rel:ice.buyer-of.ice-lexisnexis-personal-information`)).toBeGreaterThan(
      line(`rel:city-of-denver.buyer-of.denver-lexisnexis-data-services-2020`),
    );
    expect(line(`rel:city-of-denver.buyer-of.denver-lexisnexis-data-services-2020`)).toBeGreaterThan(
      line(`rel:ice.buyer-of.ice-appriss-jail-booking-data`),
    );

    await showMoneyRow(session.page, 'City and County of Denver', 'LexisNexis', [DENVER, DENVER_DEAL, LEXIS]);
    const lit = await highlightedIds(session.page);
    expect(sorted(lit.nodeIds)).toEqual(sorted([DENVER, DENVER_DEAL, LEXIS]));
    expect(lit.edgeIds).toHaveLength(2);
    const details = sidePanel(session.page).getByTestId('flow-details');
    expect(await details.innerText()).toContain('$750,000');
    expect(await details.getByTestId('citation').count()).toBeGreaterThan(0);
    expect(session.pageErrors).toEqual([]);
  });

  it('rolls contracts up to parent companies and draws the ownership link that explains it', async () => {
    const panel = await openRailTab(session.page, 'Money');
    await panel.getByLabel('Roll up to parent companies').check();
    const rolled = moneyRow(session.page, 'U.S. Immigration and Customs Enforcement', 'LexisNexis');
    await rolled.filter({ hasText: '2 contracts' }).waitFor();
    expect(await rolled.innerText()).toContain('+ 1 undisclosed');
    expect(await session.page.getByTestId('money-row').count()).toBe(2);

    await showMoneyRow(session.page, 'U.S. Immigration and Customs Enforcement', 'LexisNexis', [
      ICE,
      ICE_DEAL,
      APPRISS_DEAL,
      APPRISS,
      LEXIS,
    ]);
    const lit = await highlightedIds(session.page);
    expect(lit.edgeIds).toContain('rel:appriss-solutions.subsidiary-of.lexisnexis');
    expect(await sidePanel(session.page).getByTestId('flow-details').innerText()).toMatch(
      /Appriss Solutions\s+is a subsidiary of\s+LexisNexis/,
    );
  });

  it('names the patterns a running recomputation could not compute so far', async () => {
    // The server's own answer, as one given while a full recomputation runs and one pattern has failed.
    const failure = { pattern: 'vendor-board-seat', reason: 'transaction memory', cause: 'memory', at: new Date().toISOString() };
    await session.page.route('**/api/conflicts?**', async (route) => {
      const body = (await (await route.fetch()).json()) as Record<string, unknown>;
      const progress = { startedAt: new Date().toISOString(), done: 5, total: 8, findings: 1234, failed: [failure] };
      await route.fulfill({ json: { ...body, status: 'updating', progress } });
    });
    try {
      await session.page.reload();
      await openRailTab(session.page, 'Conflicts');
      const note = session.page.getByTestId('conflicts-updating');
      await note.waitFor();
      expect(await note.innerText()).toContain('5 of 8 patterns');
      const vendorSeat = await session.page.evaluate(async () => {
        const answer = (await (await fetch('/api/patterns')).json()) as { patterns: { id: string; name: string }[] };
        return answer.patterns.find((p) => p.id === 'vendor-board-seat')?.name ?? '';
      });
      expect(await session.page.getByTestId('conflicts-updating-failed').innerText()).toBe(
        `Could not be computed in this run: ${vendorSeat}`,
      );
    } finally {
      await session.page.unroute('**/api/conflicts?**');
    }
    expect(session.pageErrors).toEqual([]);
  });

  it('before the first computation, says nothing is counted yet and lists one entity’s findings computed now', async () => {
    // The server's answers while its first full recomputation runs: nothing stored for the whole graph
    // (no graph version), and one entity's findings computed when asked (`computedNow`).
    const progress = { startedAt: new Date().toISOString(), done: 3, total: 8, findings: 374595, failed: [] };
    await session.page.route('**/api/conflicts?**', async (route) => {
      const body = (await (await route.fetch()).json()) as Record<string, unknown>;
      const entity = new URL(route.request().url()).searchParams.has('entity');
      const first = { status: 'updating', progress };
      await route.fulfill({
        json: entity
          ? { ...body, ...first, computedNow: true }
          : {
              ...body,
              ...first,
              graphVersion: null,
              findings: [],
              nodes: [],
              edges: [],
              total: 0,
              patternCounts: {},
              nextCursor: null,
            },
      });
    });
    await session.page.route('**/api/money-flows?**', async (route) => {
      const body = (await (await route.fetch()).json()) as Record<string, unknown>;
      const none = { rows: [], total: 0, totals: [], unknownCount: 0, nodes: [], edges: [], nextCursor: null };
      await route.fulfill({ json: { ...body, ...none, status: 'updating', graphVersion: null } });
    });
    try {
      await session.page.reload();
      const panel = await openRailTab(session.page, 'Conflicts');
      const count = session.page.getByTestId('conflicts-count');
      await count.filter({ hasText: 'Not computed yet' }).waitFor();
      const note = session.page.getByTestId('conflicts-updating');
      expect(await note.innerText()).toContain('Computing the findings for the first time: 3 of 8 patterns');
      expect(await note.innerText()).toContain('374,595 findings so far');
      expect(await session.page.getByTestId('conflicts-first-hint').isVisible()).toBe(true);
      const pattern = panel.getByLabel('Pattern');
      expect(await pattern.locator('option').first().innerText()).toBe('All patterns (not computed yet)');
      expect(await pattern.locator('option', { hasText: 'Board interlock' }).innerText()).toMatch(/\(not computed\)$/);
      expect(await session.page.getByTestId('conflicts-empty').count()).toBe(0);

      await searchAndPick(session.page, 'Matt Lewis', 'Matt Lewis');
      await panel.getByLabel('Only the selected entity').check();
      await count.filter({ hasText: /^2 findings$/ }).waitFor();
      expect(await session.page.getByTestId('conflicts-computed-now').innerText()).toBe(
        'Computed just now for this entity, from the graph as it is.',
      );
      expect(await session.page.getByTestId('conflicts-first-hint').count()).toBe(0);
      for (const text of await session.page.getByTestId('finding').allInnerTexts()) expect(text).toContain('Matt Lewis');

      // The Money tab has no table yet either, and says so rather than speaking of flows "below".
      await openRailTab(session.page, 'Money');
      expect(await session.page.getByTestId('money-updating').innerText()).toBe(
        'The money flows of the whole graph are being computed for the first time: the table appears here when they are.',
      );
      expect(await session.page.getByTestId('money-row').count()).toBe(0);
    } finally {
      await session.page.unroute('**/api/conflicts?**');
      await session.page.unroute('**/api/money-flows?**');
    }
    expect(session.pageErrors).toEqual([]);
  });
});
