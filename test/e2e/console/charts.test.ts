/**
 * The charts under All tickets (by category, by county, by day). Their figures as a table for
 * screen readers made the page scroll sideways at 390 px; long category names were cut at 29
 * characters with no way to read them whole; the county chart showed only the top 10 without
 * saying so.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import { artifactPath, signIn } from '../../support/browser';
import type { AgentDoc } from '../../../src/store';

const env = consoleInChromium({ label: 'console-charts' });
let h: ConsoleHarness;
let browser: Browser;
let baraka: AgentDoc;
beforeAll(async () => {
  h = env.h();
  browser = env.browser();
  baraka = await h.account('baraka', 'supervisor');
  // Twelve counties, so the county chart has more than it shows; the longest Swahili category name.
  for (let county = 1; county <= 12; county++) await seedReport(h.store, { category: 'p_force', county });
  await seedReport(h.store, { kind: 'election', category: 'e_personation', county: 1 });
});

async function supervisorAt(width: number, lang: 'en' | 'sw'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: width < 500 ? 2 : 1, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await h.store.agents.setLanguage(baraka._id, lang);
  await signIn(page, h.base, 'baraka', PASSWORD);
  await page.goto(`${h.base}/supervisor/tickets`);
  return { page, close: () => context.close() };
}

it.each([
  ['en', 'By category', 'Excessive force or brutality'],
  ['sw', 'Kwa aina ya tukio', 'Kupiga kura kwa jina la mwingine au mara mbili'],
] as const)('at 390 px All tickets does not scroll sideways, and the charts\' figures are still there for screen readers (%s)', async (lang, caption, longest) => {
  const { page, close } = await supervisorAt(390, lang);
  await page.locator('.charts').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
  await page.locator('.charts').screenshot({ path: artifactPath(`console-390-charts-${lang}.png`) });
  // Read by a screen reader: in the accessibility tree, named by their caption, with the full names.
  const byCategory = page.getByRole('table', { name: caption });
  await expect(byCategory.getByRole('rowheader', { name: longest }).count()).resolves.toBe(1);
  await close();
});

it.each([
  ['en', 'Impersonation or multiple voting', 'By county', 'Showing the 10 with the most tickets, of 12'],
  ['sw', 'Kupiga kura kwa jina la mwingine au mara mbili', 'Kwa kaunti', 'Zinaonyeshwa 10 zenye tiketi nyingi zaidi, kati ya 12'],
] as const)('a long category name reads whole on the chart (wrapped), and the county chart says it shows the top 10 (%s)', async (lang, longest, byCounty, top10) => {
  const { page, close } = await supervisorAt(1280, lang);
  const labels = page.locator('.chart').first().locator('.bar-label');
  // The words on screen, and whether each name ends before its bar begins.
  const shown = await labels.evaluateAll((els) =>
    els.map((el) => ({
      words: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      clear: el.getBoundingClientRect().right <= el.nextElementSibling!.querySelector('.bar')!.getBoundingClientRect().left,
    })),
  );
  expect(shown.map((s) => s.words)).toContain(longest);
  expect(shown.map((s) => s.words).join(' ')).not.toContain('…');
  // Clear of the bars.
  expect(shown.filter((s) => !s.clear)).toEqual([]);

  // Twelve counties have tickets, ten are drawn: the chart says so, on screen and to screen readers.
  const county = page.locator('.chart').nth(1);
  await expect(county.locator('figcaption').innerText()).resolves.toContain(top10);
  await expect(page.getByRole('table', { name: `${byCounty}. ${top10}` }).count()).resolves.toBe(1);
  // Two categories only: nothing left out, nothing said.
  await expect(page.locator('.chart').first().locator('figcaption').innerText()).resolves.not.toContain(lang === 'sw' ? 'Zinaonyeshwa' : 'Showing');
  await page.locator('.charts').screenshot({ path: artifactPath(`console-charts-${lang}.png`) });
  await close();
});

/**
 * The charts' words as drawn, against the page's body text: each name's and figure's font size on
 * screen over the body's, rounded to hundredths (a scaled drawing's words counted at their drawn
 * size); and the names whose words run into their bar.
 */
function chartText(page: Page): Promise<{ sizes: number[]; intoBars: string[] }> {
  return page.evaluate(() => {
    const body = parseFloat(getComputedStyle(document.body).fontSize);
    const scale = (el: Element) => (el instanceof SVGGraphicsElement ? el.getScreenCTM()!.a : 1);
    const texts = Array.from(document.querySelectorAll('.chart .bar-label, .chart .bar-value'));
    const sizes = texts.map((t) => Math.round(((scale(t) * parseFloat(getComputedStyle(t).fontSize)) / body) * 100) / 100);
    const intoBars = Array.from(document.querySelectorAll('.chart .bar-label')).filter((label) => {
      let bar = label.nextElementSibling;
      while (bar && !bar.matches('rect, .bar-cell')) bar = bar.nextElementSibling;
      const left = bar?.matches('.bar-cell') ? bar.querySelector('.bar')!.getBoundingClientRect().left : bar?.getBoundingClientRect().left;
      return left === undefined || label.getBoundingClientRect().right > left - 4;
    }).map((label) => label.textContent ?? '');
    return { sizes: Array.from(new Set(sizes)), intoBars };
  });
}

it.each(['en', 'sw'] as const)('the charts\' words are about the body text\'s size at every width from 390 to 1280 px, clear of their bars (%s; at 900 px they were twice its size, drawn scaled up)', async (lang) => {
  const { page, close } = await supervisorAt(1280, lang);
  const seen: Record<number, Awaited<ReturnType<typeof chartText>>> = {};
  for (const width of [1280, 1200, 1100, 1000, 901, 900, 768, 641, 640, 480, 390]) {
    await page.setViewportSize({ width, height: 844 });
    if ([1280, 1000, 900, 390].includes(width)) await page.locator('.charts').screenshot({ path: artifactPath(`console-${width}-charts-size-${lang}.png`) });
    seen[width] = await chartText(page);
  }
  const wrong = Object.entries(seen)
    .map(([width, { sizes, intoBars }]) => ({ width, small: sizes.filter((s) => s < 0.8), large: sizes.filter((s) => s > 1.05), intoBars }))
    .filter((w) => w.small.length || w.large.length || w.intoBars.length);
  expect(wrong).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
  await close();
});

/**
 * Per chart whose names all fit on one line, the room between the end of its widest name and the
 * start of its bars, in px (a chart with a wrapped name has its names' column at its widest, half).
 */
function nameToBarGaps(page: Page): Promise<number[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.chart .bars')).flatMap((chart) => {
    const lines = Array.from(chart.querySelectorAll('.bar-label')).map((label) => {
      const range = document.createRange();
      range.selectNodeContents(label);
      return Array.from(range.getClientRects());
    });
    if (lines.some((l) => new Set(l.map((r) => Math.round(r.top))).size > 1)) return [];
    const bars = Array.from(chart.querySelectorAll('.bar')).map((b) => b.getBoundingClientRect().left);
    return [Math.round(Math.min(...bars) - Math.max(...lines.flat().map((r) => r.right)))];
  }));
}

it.each(['en', 'sw'] as const)('each chart\'s bars start just after its widest name at every width from 390 to 1280 px (%s; in one column at 900 px 350 px lay empty between them)', async (lang) => {
  const { page, close } = await supervisorAt(1280, lang);
  const wide: string[] = [];
  for (const width of [1280, 1200, 1000, 901, 900, 768, 641, 480, 390]) {
    await page.setViewportSize({ width, height: 844 });
    if ([900, 641].includes(width)) await page.locator('.charts').screenshot({ path: artifactPath(`console-${width}-charts-gap-${lang}.png`) });
    const gaps = await nameToBarGaps(page);
    // The columns' gap is 11 px.
    if (gaps.some((g) => g > 16)) wide.push(`${width}: ${gaps.join(', ')} px`);
  }
  expect(wide).toEqual([]);
  await close();
});
