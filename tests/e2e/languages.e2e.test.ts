/**
 * The reader's language in a real browser. In Spanish and Arabic, the findings list, a finding's panel,
 * the money list and a money flow's panel hold no English words of ours: the visible text, once every
 * value that comes from the data (names, aliases, roles, quotes, summaries, locators) is taken out, is
 * checked against the English templates and phrases of every pattern and the English words of those
 * panels. A seed connection's role is on its line and in its panel in the reader's language, with the
 * source's own wording beside it in the panel. A browser whose first language is Arabic opens in Arabic,
 * and the menu choice survives a reload and a fresh visit.
 */
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.js';
import { es } from '../../shared/i18n/es.js';
import { ar } from '../../shared/i18n/ar.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { useExplorerSession } from './helpers/session.js';
import { canvasSynced, expand, openRailTab, searchAndPick, sidePanel, waitForCanvasIdle } from './helpers/ui.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every string leaf of a translation tree with its path. */
function leaves(tree: Tree, path = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${path}${key}`, value] as [string, string]] : leaves(value, `${path}${key}.`),
  );
}

/** The literal words of a template: what is left between its placeholders and brackets. */
function literalParts(template: string): string[] {
  return template
    .split(/\{[^}]*\}|\[|\]|<\/?\w+>/)
    .map((part) => part.replace(/^[\s,.;:()’'-]+|[\s,.;:()’'-]+$/g, ''))
    .filter((part) => /[a-z]{3}/i.test(part) && part.length >= 4);
}

/** English words of ours that must not be seen in another language: pattern templates, phrases and panel words. */
function englishOfOurs(target: Tree): string[] {
  const words = new Set<string>();
  for (const p of loadPatterns()) {
    const texts = p.texts.en;
    for (const text of [texts.name, texts.title, texts.explanation, ...Object.values(texts.phrases)])
      for (const part of literalParts(text)) words.add(part);
  }
  const translated = new Map(leaves(target));
  const sections = [
    'conflicts',
    'money',
    'qualifiers',
    'severity',
    'finding',
    'flow',
    'evidence',
    'facts',
    'words',
    'types',
    'kinds',
  ];
  for (const [path, text] of leaves(en as unknown as Tree)) {
    if (!sections.includes(path.split('.')[0] ?? '')) continue;
    if (translated.get(path) === text) continue; // the same word in both languages ("Total")
    // Split at placeholders and at the tags of components (`<date>{{date}}</date>`).
    for (const part of text.split(/\{\{[^}]*\}\}|<\/?[a-z]+>/)) {
      const word = part.trim();
      if (/[a-z]{3}/i.test(word) && word.length >= 4) words.add(word);
    }
  }
  return [...words];
}

/** Every string the data gives (names, aliases, roles, quotes, locators...): the reader sees those as they are. */
function dataStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) dataStrings(v, into);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) dataStrings(v, into);
  return into;
}

async function dataOf(page: Page): Promise<string[]> {
  const base = page.url();
  const conflicts: unknown = await (await page.request.get(new URL('/api/conflicts?lang=en', base).toString())).json();
  const money: unknown = await (await page.request.get(new URL('/api/money-flows', base).toString())).json();
  const { nodes, edges } = conflicts as { nodes: unknown; edges: { citations: { documentId: string }[] }[] };
  // The cited documents (their titles and publishers show with the quotes).
  const documentIds = [...new Set(edges.flatMap((e) => e.citations.map((c) => c.documentId)))];
  const documents: unknown[] = [];
  for (const id of documentIds)
    documents.push(await (await page.request.get(new URL(`/api/entities/${encodeURIComponent(id)}`, base).toString())).json());
  const strings = dataStrings([nodes, edges, documents, (money as { rows: unknown }).rows]);
  // Longest first, so a name is taken out before a shorter name inside it.
  return [...strings].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
}

/** The visible text with the data's own strings taken out (and the isolation marks around them). */
function ourWords(text: string, data: readonly string[]): string {
  // Lower-cased on both sides: a pattern may put a data value inside a sentence in lower case.
  let left = text.replace(/[\u2068\u2069\u200f\u200e]/g, '').toLowerCase();
  for (const value of data) left = left.split(value.toLowerCase()).join(' ');
  return left;
}

const wholeWord = (word: string) =>
  new RegExp(`(^|[^\\p{L}])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

async function chooseLanguage(page: Page, code: string): Promise<void> {
  await page.getByTestId('language').selectOption(code);
  await page.locator(`html[lang="${code}"]`).waitFor({ state: 'attached' });
}

const TABS: Record<string, { conflicts: string; money: string }> = {
  es: { conflicts: es.rail.conflicts, money: es.rail.money },
  ar: { conflicts: ar.rail.conflicts, money: ar.rail.money },
};

/** Opens the Conflicts tab and waits until its findings are in the page's language. */
async function findingsIn(page: Page, lang: string): Promise<void> {
  await openRailTab(page, TABS[lang]?.conflicts ?? '');
  const localized = (await (await page.request.get(new URL(`/api/conflicts?lang=${lang}`, page.url()).toString())).json()) as {
    findings: { title: string }[];
  };
  const first = localized.findings[0]?.title ?? '';
  await page
    .getByTestId('finding')
    .filter({ hasText: first.slice(0, 30) })
    .first()
    .waitFor();
}

/** The tour's finding: Vincent Line's seat and the City of Denver's contract, under their names in `lang`. */
function tourFinding(page: Page, lang: string) {
  const [vincent, denver] = lang === 'ar' ? ['فنسنت لاين', 'مدينة دنفر'] : ['Vincent Line', 'City and County of Denver'];
  return page.getByTestId('finding').filter({ hasText: vincent }).filter({ hasText: denver }).first();
}

describe('the reader’s language', () => {
  const session = useExplorerSession();

  for (const [lang, tree] of [
    ['es', es],
    ['ar', ar],
  ] as const) {
    it(`leaves no English of ours in the findings, their panel and the money list (${lang})`, async () => {
      const page = session.page;
      await chooseLanguage(page, lang);
      const data = await dataOf(page);
      const english = englishOfOurs(tree as unknown as Tree);
      expect(english.length).toBeGreaterThan(100); // the check has something to look for

      await findingsIn(page, lang);
      const seen: Record<string, string> = {};
      seen.findings = await page.getByTestId('conflicts-panel').innerText();

      // A finding's panel: the vendor-board-seat finding about Vincent Line (its Arabic alias in Arabic).
      const item = tourFinding(page, lang);
      await item.click();
      await page.getByTestId('finding-details').waitFor();
      seen.findingPanel = await sidePanel(page).innerText();
      // Names follow the reader's language in the panel as on the canvas.
      if (lang === 'ar') expect(seen.findingPanel).not.toContain('Vincent Line');

      await openRailTab(page, TABS[lang]?.money ?? '');
      await page.getByTestId('money-row').first().waitFor();
      seen.money = await page.getByTestId('money-panel').innerText();
      if (lang === 'ar') expect(seen.money).toContain('مدينة دنفر');
      await page.getByTestId('money-row').first().getByRole('button').click();
      await page.getByTestId('flow-details').waitFor();
      seen.flowPanel = await sidePanel(page).innerText();

      for (const [where, text] of Object.entries(seen)) {
        const left = ourWords(text, data);
        // Whole words only: Spanish "Periodo" is not the English "Period".
        const found = english.filter((word) => wholeWord(word).test(left));
        expect(found, `${lang} ${where}`).toEqual([]);
      }
      // And the check does catch English: the same panels in English are full of it.
      await chooseLanguage(page, 'en');
      await openRailTab(page, en.rail.conflicts);
      const englishPanel = ourWords(await page.getByTestId('conflicts-panel').innerText(), data);
      expect(english.filter((word) => wholeWord(word).test(englishPanel)).length).toBeGreaterThan(5);
      expect(session.pageErrors).toEqual([]);
    });
  }

  // Vincent Line's post: its role as the seed gives it, and its translations.
  const CHIEF = {
    id: 'rel:vincent-line.holds-position.denver-sheriff-department',
    original: "Chief of operations (oversees Denver's jails)",
    es: 'Jefe de operaciones (supervisa las cárceles de Denver)',
    ar: 'رئيس العمليات (يشرف على سجون دنفر)',
    // On the line, without the aside in brackets (the panel has the whole text).
    line: { en: 'Chief of operations', es: 'Jefe de operaciones', ar: 'رئيس العمليات' },
  } as const;
  const ORIGINAL_WORDING = { es: es.facts.originalWording, ar: ar.facts.originalWording } as const;

  /** The canvas label of an edge, without the isolation marks around its parts. */
  const lineLabel = (page: Page, id: string) =>
    page.evaluate((edgeId) => {
      const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
      return String(cy?.getElementById(edgeId).data('label') ?? '').replace(/[\u2068\u2069]/g, '');
    }, id);

  it("shows a connection's role in the reader's language on its line and in its panel, with the original wording beside it", async () => {
    const page = session.page;
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    // His panel before his neighbours are on the canvas: their names and his roles are the reader's too.
    await chooseLanguage(page, 'ar');
    const connections = sidePanel(page).locator('.connection');
    await connections.filter({ hasText: 'مكتب شرطة مقاطعة دنفر' }).filter({ hasText: CHIEF.ar }).waitFor();
    // (The entity's own description is data without a translation and stays as written.)
    const list = (await connections.allInnerTexts()).join('\n');
    expect(list).toContain('مجلس إدارة مستودع بيانات LexisNexis');
    expect(list).not.toMatch(/Denver Sheriff|Chief of operations|Board member/);
    await chooseLanguage(page, 'en');
    await expand(page, { button: true });
    expect(await lineLabel(page, CHIEF.id)).toBe(`HOLDS POSITION · ${CHIEF.line.en}`);

    for (const lang of ['ar', 'es'] as const) {
      await chooseLanguage(page, lang);
      const role = CHIEF[lang];
      // The line: the type and the role in the reader's language, no English role left.
      await page.waitForFunction(
        ({ id, text }) =>
          String((globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(id).data('label')).includes(
            text,
          ),
        { id: CHIEF.id, text: CHIEF.line[lang] },
      );
      await waitForCanvasIdle(page);
      const label = await lineLabel(page, CHIEF.id);
      expect(label, lang).toBe(`${(lang === 'ar' ? ar : es).types.HOLDS_POSITION} · ${CHIEF.line[lang]}`);

      // The panel, the line selected by its id through the canvas (not by pixels another label may cover).
      await page.evaluate((id) => {
        (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(id).emit('tap');
      }, CHIEF.id);
      const panel = sidePanel(page);
      await panel.locator('.sentence__qualifier').filter({ hasText: role }).waitFor();
      const row = panel.locator('.facts__row').filter({ has: page.getByText(ORIGINAL_WORDING[lang], { exact: true }) });
      expect(await row.locator('dd').innerText(), lang).toBe(CHIEF.original);
      // The role row says the reader's words; the source's own words are in the original-wording row only.
      const text = await panel.innerText();
      expect(text).toContain(role);
      expect(text.split(CHIEF.original).length - 1, lang).toBe(1);
      if (lang === 'ar') {
        const withoutOriginal = text.replace(CHIEF.original, '');
        expect(withoutOriginal).not.toMatch(/Chief|operations|oversees|jails/i);
        // Names as on the canvas: the Arabic aliases at both ends.
        expect(text).toContain('فنسنت لاين');
        expect(text).toContain('مكتب شرطة مقاطعة دنفر');
      }
    }
    expect(session.pageErrors).toEqual([]);
  });

  it("fits the search box's hint inside the box in English, Spanish and Arabic at 1440 and 390 px", async () => {
    const page = session.page;
    const seen = new Set<string>();
    for (const size of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      for (const lang of ['en', 'es', 'ar']) {
        await chooseLanguage(page, lang);
        await canvasSynced(page);
        // The hint's width in the box's own font, against the room between the box's paddings.
        const fit = await page.getByTestId('search-input').evaluate((element) => {
          interface Input {
            placeholder: string;
            clientWidth: number;
          }
          const input = element as unknown as Input;
          const g = globalThis as unknown as {
            getComputedStyle(el: unknown): { font: string; paddingLeft: string; paddingRight: string };
            document: {
              createElement(tag: 'canvas'): {
                getContext(kind: '2d'): { font: string; measureText(t: string): { width: number } };
              };
            };
          };
          const style = g.getComputedStyle(element);
          const context = g.document.createElement('canvas').getContext('2d');
          context.font = style.font;
          return {
            text: input.placeholder,
            width: context.measureText(input.placeholder).width,
            room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
          };
        });
        seen.add(fit.text);
        expect(fit.text.length, `${lang} at ${size.width} px`).toBeGreaterThan(10);
        expect(fit.width, `${lang} at ${size.width} px: "${fit.text}" in ${fit.room} px`).toBeLessThanOrEqual(fit.room);
      }
    }
    // The whole hint on the laptop in each language.
    for (const tree of [en, es, ar]) expect(seen).toContain(tree.search.placeholder);
    expect(session.pageErrors).toEqual([]);
  });

  it('opens in Arabic for a browser whose first language is Arabic, and keeps the menu choice across reloads', async () => {
    const context = await session.browser.newContext({ locale: 'ar', viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(session.url);
      await page.getByTestId('search-input').waitFor();
      expect([await htmlLang(page), await page.locator('html').getAttribute('dir')]).toEqual(['ar', 'rtl']);
      expect(await page.getByRole('tab', { name: ar.rail.conflicts }).count()).toBe(1);

      await chooseLanguage(page, 'es');
      await page.reload();
      await page.getByTestId('search-input').waitFor();
      expect(await htmlLang(page)).toBe('es');
      // A fresh visit without the link's ?lang= still follows the choice, not the browser.
      await page.goto(new URL('/', session.url).toString());
      await page.getByTestId('search-input').waitFor();
      expect(await htmlLang(page)).toBe('es');
      expect(await page.getByRole('tab', { name: es.rail.conflicts }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
