/**
 * An agent at 2 a.m. types the answer to the reporter, then closes the ticket (or releases it)
 * without pressing Send. The reply never went, and could no longer go: a closed ticket takes no
 * reply, a released one is no longer the agent's. The close and release questions said nothing of
 * it. The page now asks first, and a "no" leaves the agent in the reply box to send it.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, signedInPage, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

const env = consoleInChromium({ label: 'console-unsent-reply' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

async function heldTicket(username: string): Promise<string> {
  const agent = (await h.store.agents.findByUsername(username)) ?? (await h.account(username, 'agent'));
  const { report } = await seedReport(h.store, { language: 'sw', category: 'p_force' });
  expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent._id.toString() }, { assignee: agent._id.toString() })).not.toBeNull();
  return report._id.toString();
}

/** The page's questions, answered in turn by `answers` (true: OK); what was asked is returned. */
function answering(page: Page, answers: boolean[]): string[] {
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void (answers.shift() ? d.accept() : d.dismiss());
  });
  return asked;
}

async function openTicket(username: string, lang: 'en' | 'sw') {
  const id = await heldTicket(username);
  return { id, ...(await signedInPage(h, browser, username, lang, `/tickets/${id}`)) };
}

it('closing with a reply typed and not sent asks first; "no" sends nothing and leaves the agent in the reply box', async () => {
  const { id, page, context, posts } = await openTicket('wanjiku', 'en');
  const asked = answering(page, [false]);
  await page.locator('#reply-text').fill('We have referred your case to IPOA; they will call you.');
  await page.locator('#status-form select').selectOption('resolved');
  await page.getByRole('button', { name: 'Update status' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-text');
  expect(asked).toEqual(['Your reply to the reporter has not been sent. Once the ticket is closed or back in the queue it cannot be sent from here. Go on without sending it?']);
  expect(posts).toEqual([]);
  expect(await page.locator('#reply-text').inputValue()).toBe('We have referred your case to IPOA; they will call you.');
  expect((await h.store.reports.findById(id))?.status).toBe('assigned');
  await context.close();
}, 60_000);

it('in Kiswahili too; a "yes" goes on to the close question as before', async () => {
  const { id, page, context } = await openTicket('akinyi', 'sw');
  const asked = answering(page, [true, true]);
  await page.locator('#reply-text').fill('Tumepeleka kesi yako IPOA.');
  await page.locator('#status-form select').selectOption('resolved');
  await page.getByRole('button', { name: 'Badilisha hali' }).click();
  await page.locator('#badges').getByText('Imetatuliwa').waitFor();
  expect(asked).toEqual([
    'Jibu lako kwa mripoti bado halijatumwa. Tiketi ikishafungwa au kurudishwa kwenye foleni, haliwezi kutumwa kutoka hapa. Uendelee bila kulituma?',
    'Ufunge tiketi hii? Mripoti ataambiwa imefungwa, na haiwezi kufunguliwa tena hapa.',
  ]);
  expect((await h.store.reports.findById(id))?.status).toBe('resolved');
  await context.close();
}, 60_000);

it('releasing with a reply typed asks first; a status that keeps the ticket open asks nothing more', async () => {
  const { id, page, context, posts } = await openTicket('baraka', 'en');
  const asked = answering(page, [false]);
  await page.locator('#reply-text').fill('Tuko njiani');
  await page.getByRole('button', { name: 'Release to the queue' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-text');
  expect(asked).toHaveLength(1);
  expect(asked[0]).toMatch(/^Your reply to the reporter has not been sent/);
  expect(posts).toEqual([]);

  // "Waiting for the reporter" keeps the reply sendable: no question.
  await page.locator('#status-form select').selectOption('waiting_reporter');
  await page.getByRole('button', { name: 'Update status' }).click();
  await page.locator('#badges').getByText('Waiting for reporter').waitFor();
  expect(asked).toHaveLength(1);
  expect(await page.locator('#reply-text').inputValue()).toBe('Tuko njiani');
  expect((await h.store.reports.findById(id))?.status).toBe('waiting_reporter');
  await context.close();
}, 60_000);
