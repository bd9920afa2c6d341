/**
 * An agent with the console open in two tabs (or on a laptop and a phone) switches to Kiswahili
 * in one. The other tab still shows the page it loaded in English; its live updates must keep
 * that page in one language (English) until it is opened again, not drop Kiswahili lists into an
 * English page. A page opened after the switch is wholly in Kiswahili.
 */
import type { Browser } from 'playwright-core';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import { launchChromium, signInDirectly } from '../../support/browser';

let h: ConsoleHarness;
let browser: Browser;
beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-language-tabs' });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

it('switching to Kiswahili in one tab leaves the other tab\'s page in one language as its queue updates live; a new page is all Kiswahili', async () => {
  await h.account('wairimu', 'agent');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-KE' });
  const first = await context.newPage();
  first.setDefaultTimeout(15_000);
  await signInDirectly(first, h.base, 'wairimu', PASSWORD);
  await first.goto(`${h.base}/queue`);
  await first.locator('#queue-lists[data-live-state="open"]').waitFor({ state: 'attached' });

  const second = await context.newPage();
  second.setDefaultTimeout(15_000);
  await second.goto(`${h.base}/queue`);
  await second.getByRole('button', { name: 'Kiswahili' }).click();
  await second.getByRole('heading', { name: 'Foleni' }).waitFor();

  // A report comes in: the first tab's list shows it, live.
  const who = await reporter(h.store, { telegramUserId: 7_300_001 });
  const { report } = await h.reports.submit({ ...reportInput(who._id), description: { text: 'Police asked for money at the roadblock.' } });
  // What the bot's intake tells the console's live stream.
  await h.bus.publish({ type: 'queue' });
  await first.locator('#queue-lists').getByText(report.reference).waitFor();
  const lists = first.locator('#queue-lists');
  expect(await first.locator('html').getAttribute('lang')).toBe('en');
  await expect(lists.getByRole('heading', { name: /^Waiting/ }).count()).resolves.toBe(1);
  await expect(lists.getByRole('heading', { name: /^Zinasubiri/ }).count()).resolves.toBe(0);

  // Opened again, the page follows the account's new language, every part of it.
  await first.reload();
  await first.getByRole('heading', { name: 'Foleni' }).waitFor();
  await expect(first.locator('#queue-lists').getByRole('heading', { name: /^Zinasubiri/ }).count()).resolves.toBe(1);
  await context.close();
});
