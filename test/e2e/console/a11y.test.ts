/**
 * The console for everyone: axe-core on every page in English and Kiswahili, a 390 px phone
 * (one column, the reply box before evidence, tables that scroll, screenshots kept in
 * test-artifacts/), contrast axe does not measure (focus ring, input borders), the reporter's
 * language on their words, and the keyboard (skip link, shortcuts, the "?" sheet).
 */
import type { Browser, Page } from 'playwright-core';
import { ConversationService } from '../../../src/services/conversation-service';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import { reportInput, reporter } from '../../support/tickets-harness';
import { artifactPath, axeViolations, launchChromium } from '../../support/browser';

let h: ConsoleHarness;
let browser: Browser;
const reporterOf = new Map<string, number>();

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-a11y', env: { MAX_TICKETS_PER_AGENT: '12' } });
  browser = await launchChromium();
  await h.account('zuhura', 'admin');
  // Waiting reports with every priority, so every badge is on the page axe looks at (stored
  // only: never handed out by "take next")...
  for (const priority of [1, 2, 3, 4] as const) await seedReport(h.store, { priority, place: `Kituo cha kupigia kura ${priority}` });
  // ...and reports filed as the bot files them, told in Kiswahili, for "take next".
  for (let i = 0; i < 8; i++) {
    const telegramUserId = 7_300_000 + i;
    const who = await reporter(h.store, { language: 'sw', telegramUserId });
    const { report } = await h.reports.submit({ ...reportInput(who._id, { language: 'sw' }), description: { text: 'Polisi waliitisha shilingi elfu moja kwenye kizuizi.' } });
    reporterOf.set(report._id.toString(), telegramUserId);
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function open(opts: { width: number; lang: 'en' | 'sw'; username?: string }) {
  const context = await browser.newContext({ viewport: { width: opts.width, height: 844 }, bypassCSP: true, deviceScaleFactor: opts.width < 500 ? 2 : 1, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/signin`);
  if (opts.username) {
    await page.getByLabel('Username').fill(opts.username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${h.base}/queue`);
    if (opts.lang === 'sw') {
      await page.getByRole('button', { name: 'Kiswahili' }).click();
      await page.getByRole('heading', { name: 'Foleni' }).waitFor();
    }
  }
  return { page, errors, close: () => context.close() };
}

/** Takes the next ticket (a Swahili story) and the reporter writes, so the ticket page has all its parts. */
async function ticketWithConversation(page: Page): Promise<string> {
  await page.goto(`${h.base}/queue`);
  await page.getByTestId('take-next').click();
  await page.waitForURL(/\/tickets\/[a-f0-9]{24}$/);
  const id = page.url().split('/').pop()!;
  await page.locator('#ticket[data-live-state="open"]').waitFor({ state: 'attached' });
  const conversations = new ConversationService({ store: h.store, events: h.bus, logger: h.logger });
  expect(await conversations.attach(reporterOf.get(id)!, id, { text: 'Bado wako pale.' })).toMatchObject({ ok: true });
  await page.locator('.msg.in', { hasText: 'Bado wako pale.' }).waitFor();
  return page.url();
}

it.each(['en', 'sw'] as const)('axe finds no violations on any console page (%s)', async (lang) => {
  const signin = await open({ width: 1440, lang });
  if (lang === 'sw') {
    await signin.page.getByRole('button', { name: 'Kiswahili' }).click();
    // The page comes back at the same address: its language is what shows the switch happened.
    await signin.page.locator('html[lang="sw"]').waitFor({ state: 'attached' });
  }
  expect(await axeViolations(signin.page)).toEqual([]);
  await signin.close();

  const a = await open({ width: 1440, lang, username: 'zuhura' });
  const found: Record<string, string[]> = {};
  found.queue = await axeViolations(a.page);
  const ticketUrl = await ticketWithConversation(a.page);
  found.ticket = await axeViolations(a.page);
  for (const path of ['/account', '/supervisor/tickets', '/admin/agents', '/tickets/ffffffffffffffffffffffff']) {
    await a.page.goto(`${h.base}${path}`);
    found[path] = await axeViolations(a.page);
  }
  // The "?" sheet, open.
  await a.page.goto(ticketUrl);
  await a.page.keyboard.press('?');
  await a.page.locator('#keys').waitFor({ state: 'visible' });
  found.keys = await axeViolations(a.page);
  expect(found).toEqual({ queue: [], ticket: [], '/account': [], '/supervisor/tickets': [], '/admin/agents': [], '/tickets/ffffffffffffffffffffffff': [], keys: [] });
  expect(a.errors).toEqual([]);
  await a.close();
}, 90_000);

it('at 390 px: one column, the reply box before evidence, no page-wide sideways scroll, references on one line; screenshots kept', async () => {
  const a = await open({ width: 390, lang: 'en', username: 'zuhura' });
  // Nothing sticks out of the screen except inside the tables' own scrolling regions.
  const noSideways = async () => {
    const wide = await a.page.evaluate(() => Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-scroll')).map((el) => `${el.tagName}.${el.className}`).slice(0, 8));
    return wide.length === 0 && (await a.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)) ? true : wide;
  };
  await a.page.goto(`${h.base}/queue`);
  expect(await noSideways()).toBe(true);
  await a.page.screenshot({ path: artifactPath('console-390-queue.png'), fullPage: true });

  await ticketWithConversation(a.page);
  expect(await noSideways()).toBe(true);
  const top = (sel: string) => a.page.locator(sel).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(await top('#reply-text')).toBeLessThan(await top('.col-details'));
  const ref = a.page.getByTestId('reference');
  const lineHeight = await ref.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await ref.boundingBox())!.height).toBeLessThan(lineHeight * 1.8);
  await a.page.screenshot({ path: artifactPath('console-390-ticket.png'), fullPage: true });

  await a.page.goto(`${h.base}/admin/agents`);
  expect(await noSideways()).toBe(true);
  // The accounts table and the new-account form do not overlap.
  const table = (await a.page.locator('.table-scroll').boundingBox())!;
  const form = (await a.page.locator('form[action="/admin/agents"]').boundingBox())!;
  expect(table.y + table.height <= form.y || form.y + form.height <= table.y).toBe(true);
  await a.page.screenshot({ path: artifactPath('console-390-accounts.png'), fullPage: true });
  expect(a.errors).toEqual([]);
  await a.close();
}, 60_000);

it('focus ring and input borders reach 3:1 against white; the reporter\'s words carry their language; chart figures are text', async () => {
  const a = await open({ width: 1440, lang: 'en', username: 'zuhura' });
  await ticketWithConversation(a.page);
  const ratios = await a.page.evaluate(() => {
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
        const x = Number(v) / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const vsWhite = (c: string) => 1.05 / (lum(c) + 0.05);
    const box = document.getElementById('reply-text')!;
    const border = vsWhite(getComputedStyle(box).borderTopColor);
    box.focus();
    return { border, ring: vsWhite(getComputedStyle(box).outlineColor) };
  });
  expect(ratios.border).toBeGreaterThanOrEqual(3);
  expect(ratios.ring).toBeGreaterThanOrEqual(3);
  await expect(a.page.getByTestId('story').getAttribute('lang')).resolves.toBe('sw');
  await expect(a.page.locator('.msg.in .text').first().getAttribute('lang')).resolves.toBe('sw');
  // Charts give their figures as text: the counts by category are a table, not only bars.
  await a.page.goto(`${h.base}/supervisor/tickets`);
  const figures = a.page.getByTestId('chart-figures').first();
  await expect(figures.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
  expect(await figures.locator('tbody tr td').first().textContent()).toMatch(/^\d+$/);
  expect(await a.page.locator('.chart .bars').first().getAttribute('aria-hidden')).toBe('true');
  await a.close();
});

it('the keyboard: skip link first, shortcuts for reply, status, next held ticket and take next, a "?" sheet in the agent\'s language', async () => {
  const a = await open({ width: 1440, lang: 'sw', username: 'zuhura' });
  const first = await ticketWithConversation(a.page);
  await a.page.goto(`${h.base}/queue`);
  await a.page.keyboard.press('Tab');
  await expect(a.page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Ruka hadi maudhui');
  await a.page.keyboard.press('Enter');
  await expect(a.page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');

  // "t" takes the next ticket, "j" goes back to the other held one.
  await a.page.keyboard.press('t');
  await a.page.waitForURL((u) => /\/tickets\/[a-f0-9]{24}$/.test(u.toString()) && u.toString() !== first);
  const second = a.page.url();
  await a.page.keyboard.press('j');
  await a.page.waitForURL((u) => u.toString() !== second && /\/tickets\//.test(u.toString()));

  await a.page.keyboard.press('r');
  await expect(a.page.evaluate(() => document.activeElement?.id)).resolves.toBe('reply-text');
  // Typing "s" in the reply box is just a letter.
  await a.page.keyboard.type('s');
  await expect(a.page.locator('#reply-text').inputValue()).resolves.toBe('s');
  await a.page.locator('#reply-text').evaluate((el: HTMLTextAreaElement) => el.blur());
  await a.page.keyboard.press('s');
  await expect(a.page.evaluate(() => document.activeElement?.closest('form')?.id)).resolves.toBe('status-form');
  await a.page.locator('#status-form select').evaluate((el: HTMLSelectElement) => el.blur());

  await a.page.keyboard.press('?');
  const sheet = a.page.locator('#keys');
  await sheet.waitFor({ state: 'visible' });
  await expect(sheet.locator('h2').textContent()).resolves.toBe('Njia za mkato za kibodi');
  await expect(sheet.textContent()).resolves.toContain('Chukua tiketi inayofuata');
  await a.page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });
  expect(a.errors).toEqual([]);
  await a.close();
}, 60_000);
