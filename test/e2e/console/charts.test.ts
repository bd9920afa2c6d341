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
] as const)('a long category name reads whole on the chart (wrapped, and on hover), and the county chart says it shows the top 10 (%s)', async (lang, longest, byCounty, top10) => {
  const { page, close } = await supervisorAt(1280, lang);
  const labels = page.locator('.chart').first().locator('svg .bar-label');
  // The words on screen, line by line (a hover title aside), and where each label ends.
  const shown = await labels.evaluateAll((els) =>
    els.map((el) => ({
      words: Array.from(el.childNodes).filter((n) => n.nodeName !== 'title').map((n) => n.textContent!.trim()).filter(Boolean).join(' '),
      right: (el as SVGTextElement).getBBox().x + (el as SVGTextElement).getBBox().width,
    })),
  );
  expect(shown.map((s) => s.words)).toContain(longest);
  expect(shown.map((s) => s.words).join(' ')).not.toContain('…');
  // Clear of the bars, which start at x = 200.
  expect(shown.filter((s) => s.right > 198)).toEqual([]);
  await expect(labels.locator('title').allTextContents()).resolves.toContain(longest);

  // Twelve counties have tickets, ten are drawn: the chart says so, on screen and to screen readers.
  const county = page.locator('.chart').nth(1);
  await expect(county.locator('figcaption').innerText()).resolves.toContain(top10);
  await expect(page.getByRole('table', { name: `${byCounty}. ${top10}` }).count()).resolves.toBe(1);
  // Two categories only: nothing left out, nothing said.
  await expect(page.locator('.chart').first().locator('figcaption').innerText()).resolves.not.toContain(lang === 'sw' ? 'Zinaonyeshwa' : 'Showing');
  await page.locator('.charts').screenshot({ path: artifactPath(`console-charts-${lang}.png`) });
  await close();
});
