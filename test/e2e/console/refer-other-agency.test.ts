/**
 * Referring to "another agency" with its name left empty: the page first asked "This kind of case
 * usually goes to IPOA. Refer it to another agency instead? The reporter is told at once.", and only
 * after that "yes" did the console answer that the name was missing, in the status bar, far from the
 * box it meant. The page now says so at once, puts the agent in the name box and sends nothing; with
 * the name written, the question names the agency chosen.
 */
import type { Browser } from 'playwright-core';
import { consoleInChromium, signedInPage, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

const env = consoleInChromium({ label: 'console-refer-other' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

async function deskWithTicket(username: string, lang: 'en' | 'sw') {
  const agent = await h.account(username, 'agent');
  const { report } = await seedReport(h.store, { language: 'sw', category: 'p_force' });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent._id.toString() }, { assignee: agent._id.toString() })).not.toBeNull();
  const id = report._id.toString();
  const { page, context, posts } = await signedInPage(h, browser, username, lang, `/tickets/${id}`);
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  return { id, page, context, posts, asked };
}

it('"another agency" without its name is said at once, at the name box, with nothing asked or sent; named, the question names it', async () => {
  const { id, page, context, posts, asked } = await deskWithTicket('wanjiku', 'en');
  const form = page.locator('#refer-form');
  await form.getByRole('radio', { name: 'another agency' }).check();
  await form.getByLabel('Referral note (internal)').fill('Spoke to the duty officer');
  await form.getByRole('button', { name: 'Refer', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'refer-other');
  await page.locator('#announce', { hasText: 'Write the name of the agency you refer the case to' }).waitFor();
  expect(asked).toEqual([]);
  expect(posts).toEqual([]);

  await page.locator('#refer-other').fill('KNCHR');
  await form.getByRole('button', { name: 'Refer', exact: true }).click();
  await page.locator('#announce', { hasText: 'Referral recorded' }).waitFor();
  expect(asked).toEqual(['This kind of case usually goes to IPOA (Independent Policing Oversight Authority). Refer it to KNCHR instead? The reporter is told at once.']);
  const referred = (await h.store.reports.history(id)).filter((e) => e.type === 'referred');
  expect(referred.map((e) => e.data?.agency)).toEqual(['OTHER']);
  await context.close();
}, 60_000);

it('in Kiswahili too', async () => {
  const { page, context, posts, asked } = await deskWithTicket('akinyi', 'sw');
  const form = page.locator('#refer-form');
  await form.getByRole('radio', { name: 'taasisi nyingine' }).check();
  await page.locator('#refer-other').fill('   ');
  await form.getByRole('button', { name: 'Peleka', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'refer-other');
  await page.locator('#announce', { hasText: 'Andika jina la taasisi unayoipelekea kesi hii' }).waitFor();
  expect(asked).toEqual([]);
  expect(posts).toEqual([]);
  await context.close();
}, 60_000);
