/**
 * A supervisor on a 390 px phone during a surge: the waiting list and "All tickets" used to show
 * only the priority and the reference on screen, what happened, where, how long it waited, its
 * status and who holds it being off to the side in a table scrolled sideways row by row. On a
 * phone each row is now a block that wraps, every column on screen, the time labelled, the
 * filters fold away until used, and the county map's tiles show their names whole.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import { artifactPath, signIn } from '../../support/browser';

const env = consoleInChromium({ label: 'console-phone-lists' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

/** Whether `text` inside the first row of `rows` lies wholly on the screen. */
async function onScreen(page: Page, rows: string, text: string): Promise<boolean> {
  const cell = page.locator(rows).first().getByText(text, { exact: false }).first();
  const box = (await cell.boundingBox())!;
  return box.x >= 0 && box.x + box.width <= 390;
}

it('at 390 px the waiting list and All tickets show what, where, how long, status and holder without sideways scrolling', async () => {
  const njeri = await h.account('njeri', 'agent');
  await h.account('baraka', 'supervisor');
  for (let i = 0; i < 3; i++) await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 32, place: 'Nakuru West polling centre', priority: 2 });
  const { report } = await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 32, priority: 2 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: njeri._id.toString() }, { assignee: njeri._id.toString() })).not.toBeNull();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'baraka', PASSWORD);

  const waiting = '#queue-data table.list tbody tr';
  expect(await onScreen(page, waiting, 'Intimidation or violence')).toBe(true);
  expect(await onScreen(page, waiting, 'Nakuru')).toBe(true);
  expect(await onScreen(page, waiting, 'just now')).toBe(true);
  await page.screenshot({ path: artifactPath('console-390-queue-rows.png'), fullPage: true });

  // Fourteen filters filled the first screen: on a phone they fold under one line until used.
  await page.goto(`${h.base}/supervisor/tickets`);
  const firstRow = await page.locator('table.list tbody tr').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(firstRow).toBeLessThan(844);
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Search').waitFor();
  await page.goto(`${h.base}/supervisor/tickets?status=assigned`);
  // Filters in use stay open: the supervisor sees what the list is narrowed to.
  await expect(page.getByRole('combobox', { name: 'Status' }).isVisible()).resolves.toBe(true);
  const all = 'table.list tbody tr';
  expect(await onScreen(page, all, 'Intimidation or violence')).toBe(true);
  expect(await onScreen(page, all, 'Taken')).toBe(true);
  expect(await onScreen(page, all, 'Njeri W.')).toBe(true);
  await page.screenshot({ path: artifactPath('console-390-all-tickets-rows.png'), fullPage: true });

  // The county map: at 390 px names were cut to "Na…", which is Nandi, Nakuru, Narok or Nairobi.
  const cut = await page.locator('.county-map .tile-name').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  expect(cut).toEqual([]);
  await page.getByTestId('county-map').screenshot({ path: artifactPath('console-390-county-map.png') });
  await context.close();
}, 60_000);

it('at 390 px a supervisor on a ticket reaches its actions (hand over, status, refer) from the top, not after every card about the report', async () => {
  const otieno = await h.account('otieno', 'agent');
  await h.account('amani', 'agent');
  await h.account('zawadi', 'supervisor');
  const { report } = await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 32, priority: 2 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: otieno._id.toString() }, { assignee: otieno._id.toString() })).not.toBeNull();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'zawadi', PASSWORD);
  await page.goto(`${h.base}/tickets/${report._id.toString()}`);
  const link = page.getByRole('link', { name: 'Actions', exact: true });
  const box = (await link.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  await link.click();
  await page.waitForURL(/#actions$/);
  await page.waitForFunction(() => {
    const r = document.querySelector('#handover-form select')!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await context.close();
}, 60_000);

it('at 390 px the accounts page shows every account\'s name, role and actions on screen, in Kiswahili and English, without sideways scrolling', async () => {
  const admin = await h.account('wairimu', 'admin');
  await h.account('kamau', 'admin');
  await h.account('akinyi', 'supervisor');
  await h.account('mutua', 'agent');
  await h.store.agents.setLanguage(admin._id, 'sw');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'wairimu', PASSWORD);
  for (const [lang, role] of [['sw', 'Msimamizi mkuu'], ['en', 'Administrator']] as const) {
    await h.store.agents.setLanguage(admin._id, lang);
    await page.goto(`${h.base}/admin/agents`);
    const row = page.locator('table.list tbody tr').filter({ hasText: 'Kamau W.' });
    await page.screenshot({ path: artifactPath(`console-390-accounts-${lang}.png`), fullPage: true });
    // Everything a row holds (name, role, the reset box and buttons) lies wholly on the screen.
    const off = await page.locator('table.list tbody tr').evaluateAll((rows) =>
      rows.flatMap((tr) =>
        Array.from(tr.querySelectorAll('td, td *')).filter((el) => el.matches('input, button, a') || el.children.length === 0)
          .map((el) => ({ what: (el.textContent || el.getAttribute('aria-label') || '').trim(), box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.left < 0 || box.right > 390))
          .map(({ what }) => what),
      ),
    );
    expect(off).toEqual([]);
    await expect(row.getByText(role, { exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await context.close();
}, 60_000);

/**
 * The county names on the map whose letters a line break splits ("Nyanda / rua", "Bungo / ma") or
 * that stick out of their tile: each word (a hyphen ends one) of the label as shown must lie on one line.
 */
function splitNames(page: Page): Promise<string[]> {
  return page.locator('.county-map .tile-name').evaluateAll((els) => els.filter((el) => {
    if (el.scrollWidth > el.clientWidth + 1) return true;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement!.getClientRects().length === 0) continue; // not shown at this width
      for (const word of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, word.index ?? 0);
        range.setEnd(node, (word.index ?? 0) + word[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) return true;
      }
    }
    return false;
  }).map((el) => (el as HTMLElement).innerText.replace(/\n/g, ' / ')));
}

it('at 360 px the county map splits no county\'s name inside a word, in Kiswahili and English: a long name is shortened ("Nyand."), whole at 1280 px ("Nyanda / rua", "E. Marakw / et", "Bungo / ma" were shown)', async () => {
  const sup = await h.account('chepkoech', 'supervisor');
  for (const county of [18, 28, 39]) await seedReport(h.store, { kind: 'election', category: 'e_violence', county, priority: 2 });
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'chepkoech', PASSWORD);
  const nyandarua = page.locator('.county-map li[data-county="18"] .tile-name');
  for (const lang of ['sw', 'en'] as const) {
    await h.store.agents.setLanguage(sup._id, lang);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${h.base}/supervisor/tickets`);
    await page.getByTestId('county-map').screenshot({ path: artifactPath(`console-360-county-map-${lang}.png`) });
    expect(await splitNames(page)).toEqual([]);
    await expect(nyandarua.innerText()).resolves.toBe('Nyand.');
    await page.setViewportSize({ width: 1280, height: 780 });
    expect(await splitNames(page)).toEqual([]);
    await expect(nyandarua.innerText()).resolves.toBe('Nyandarua');
  }
  await context.close();
}, 60_000);

/** Per row of All tickets as a phone stacks it, the distinct left edges of its lines (the first cell on each line), in px. */
function lineStarts(page: Page): Promise<{ row: string; starts: number[] }[]> {
  return page.locator('table.list tbody tr').evaluateAll((rows) => rows.map((tr) => {
    const cells = Array.from(tr.querySelectorAll(':scope > td')).map((td) => td.getBoundingClientRect()).filter((b) => b.width > 0);
    const starts = cells.filter((b, i) => i === 0 || b.top >= cells[i - 1].bottom - 1).map((b) => Math.round(b.left));
    return { row: (tr.querySelector('td.mono')?.textContent ?? '').trim(), starts: Array.from(new Set(starts)) };
  }));
}

it('at 360 px each line of an All tickets row starts at the row\'s edge, in Kiswahili and English (an unheld ticket\'s "Tangu iripotiwe" stood 12 px in, after its empty holder cell)', async () => {
  const holder = await h.account('nyambura', 'agent');
  const sup = await h.account('kipchumba', 'supervisor');
  for (const category of ['e_violence', 'p_force'] as const) await seedReport(h.store, { kind: category.startsWith('e_') ? 'election' : 'police', category, county: 42, priority: 2 });
  const { report } = await seedReport(h.store, { kind: 'election', category: 'e_violence', county: 42, priority: 2 });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder._id.toString() }, { assignee: holder._id.toString() })).not.toBeNull();
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'kipchumba', PASSWORD);
  for (const lang of ['sw', 'en'] as const) {
    await h.store.agents.setLanguage(sup._id, lang);
    await page.goto(`${h.base}/supervisor/tickets`);
    await page.locator('table.list').screenshot({ path: artifactPath(`console-360-all-tickets-lines-${lang}.png`) });
    const rows = await lineStarts(page);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.starts.length !== 1)).toEqual([]);
  }
  await context.close();
}, 60_000);
