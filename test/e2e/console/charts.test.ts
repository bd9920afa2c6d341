/**
 * The charts under All tickets (by category, by county, by day). Their figures as a table for
 * screen readers made the page scroll sideways at 390 px; long category names were cut at 29
 * characters with no way to read them whole; the county chart showed only the top 10 without
 * saying so.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import { signIn } from '../../support/browser';

const env = consoleInChromium({ label: 'console-charts' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(async () => {
  h = env.h();
  browser = env.browser();
  await h.account('baraka', 'supervisor');
  // Twelve counties, so the county chart has more than it shows; the longest Swahili category name.
  for (let county = 1; county <= 12; county++) await seedReport(h.store, { category: 'p_force', county });
  await seedReport(h.store, { kind: 'election', category: 'e_personation', county: 32 });
});

async function supervisorAt(width: number, lang: 'en' | 'sw'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: width < 500 ? 2 : 1, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'baraka', PASSWORD);
  if (lang === 'sw') {
    await page.getByRole('button', { name: 'Kiswahili' }).click();
    await page.getByRole('heading', { name: 'Foleni' }).waitFor();
  }
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
  // Read by a screen reader: in the accessibility tree, named by their caption, with the full names.
  const byCategory = page.getByRole('table', { name: caption });
  await expect(byCategory.getByRole('rowheader', { name: longest }).count()).resolves.toBe(1);
  await close();
});
