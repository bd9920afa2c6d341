/**
 * An agent at 2 a.m. types the answer to the reporter, then closes the ticket (or releases it)
 * without pressing Send. The reply never went, and could no longer go: a closed ticket takes no
 * reply, a released one is no longer the agent's. The close and release questions said nothing of
 * it. The page now asks first, and a "no" leaves the agent in the reply box to send it; so does
 * "Close every report" of an incident. A reply let go with "yes" is gone once the action goes on:
 * it no longer comes back when the same tab takes the ticket again. The same holds for the incident's
 * "Answer every reporter" box, asked about in its own words (a Release is not offered on an incident).
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

/** An incident of two reports, both held by `username`; its lead's page is opened. */
async function openIncident(username: string, lang: 'en' | 'sw') {
  const agent = await h.account(username, 'agent');
  const agentId = agent._id.toString();
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { report } = await seedReport(h.store, { language: 'sw', category: 'p_force' });
    ids.push(report._id.toString());
    expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId }, { assignee: agentId })).not.toBeNull();
    expect(await h.store.incidents.setIncident(report._id, ids[0], agentId)).toBe(true);
  }
  return { ids, ...(await signedInPage(h, browser, username, lang, `/tickets/${ids[0]}`)) };
}

it('"Close every report" of an incident with a reply typed asks first too; "no" sends nothing and leaves the agent in the reply box', async () => {
  const { ids, page, context, posts } = await openIncident('otieno', 'en');
  const asked = answering(page, [false]);
  await page.locator('#reply-text').fill('Tumepeleka kesi hii IPOA.');
  await page.getByText('Close every report of this incident').click();
  await page.getByTestId('close-all').getByLabel('Status').selectOption('resolved');
  await page.getByRole('button', { name: 'Close all…' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-text');
  expect(asked).toEqual(['Your reply to the reporter has not been sent. Once the ticket is closed or back in the queue it cannot be sent from here. Go on without sending it?']);
  expect(posts).toEqual([]);
  expect(new URL(page.url()).pathname).toBe(`/tickets/${ids[0]}`);
  expect(await page.locator('#reply-text').inputValue()).toBe('Tumepeleka kesi hii IPOA.');
  await context.close();
}, 60_000);

it('"Close every report" in Kiswahili too; a "yes" goes on to the count of reports to close', async () => {
  const { ids, page, context } = await openIncident('njeri', 'sw');
  const asked = answering(page, [true]);
  await page.locator('#reply-text').fill('Tumepeleka kesi hii IPOA.');
  await page.getByText('Funga kila ripoti ya tukio hili').click();
  await page.getByTestId('close-all').getByLabel('Hali').selectOption('resolved');
  await page.getByRole('button', { name: 'Funga zote…' }).click();
  await page.getByTestId('batch-confirm').getByText('Ufunge ripoti 2 kati ya 2 za tukio hili kwa kuwa zimetatuliwa?').waitFor();
  expect(asked).toEqual(['Jibu lako kwa mripoti bado halijatumwa. Tiketi ikishafungwa au kurudishwa kwenye foleni, haliwezi kutumwa kutoka hapa. Uendelee bila kulituma?']);
  for (const id of ids) expect((await h.store.reports.findById(id))?.status).toBe('assigned');
  await context.close();
}, 60_000);

it('a reply let go with "yes" on Release is gone when the same tab takes the ticket again (kept while the release is not confirmed)', async () => {
  const { id, page, context } = await openTicket('kamau', 'en');
  const asked = answering(page, [true, false, true, true]);
  await page.locator('#reply-text').fill('Nitakupigia kesho asubuhi.');
  // "No" to the release itself: nothing was let go, and the reply is still kept after a reload.
  await page.getByRole('button', { name: 'Release to the queue' }).click();
  expect(asked).toHaveLength(2);
  await page.reload();
  expect(await page.locator('#reply-text').inputValue()).toBe('Nitakupigia kesho asubuhi.');
  await page.getByRole('button', { name: 'Release to the queue' }).click();
  // The queue, with the banner (console.js takes "?ok=released" out of the address as it loads).
  await page.locator('.flash', { hasText: 'Ticket released to the queue.' }).waitFor();
  expect(asked.slice(2)).toEqual(['Your reply to the reporter has not been sent. Once the ticket is closed or back in the queue it cannot be sent from here. Go on without sending it?', 'Release this ticket back to the queue?']);
  await page.getByTestId('take-next').click();
  await page.waitForURL(`${h.base}/tickets/${id}`);
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-text').inputValue()).toBe('');
  await context.close();
}, 60_000);

it('a reply let go with "yes" on a close is gone when its reporter has the ticket reopened and the same tab takes it again', async () => {
  const { id, page, context } = await openTicket('muthoni', 'en');
  const asked = answering(page, [true, true]);
  await page.locator('#reply-text').fill('Nitakupigia kesho asubuhi.');
  await page.locator('#status-form select').selectOption('resolved');
  await page.getByRole('button', { name: 'Update status' }).click();
  await page.locator('#badges').getByText('Resolved').waitFor();
  expect(asked).toHaveLength(2);
  const closed = (await h.store.reports.findById(id))!;
  expect(await h.store.reports.reopenForReporter(id, closed.reporterId, new Date(Date.now() - 60_000))).not.toBeNull();
  const agentId = String(closed.assignee ?? (await h.store.agents.findByUsername('muthoni'))!._id);
  expect(await h.store.reports.transition(id, 'assigned', { kind: 'agent', agentId }, { assignee: agentId })).not.toBeNull();
  await page.goto(`${h.base}/tickets/${id}`);
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-text').inputValue()).toBe('');
  await context.close();
}, 60_000);

// The incident's "Answer every reporter" box: an answer typed there is lost the same way.
const ALL_EN = 'Your answer to every reporter of this incident has not been sent. Once this ticket is closed it cannot be sent from here. Go on without sending it?';
const ALL_SW = 'Jibu lako kwa kila mripoti wa tukio hili bado halijatumwa. Tiketi hii ikishafungwa, haliwezi kutumwa kutoka hapa. Uendelee bila kulituma?';
const REPLY_EN = 'Your reply to the reporter has not been sent. Once the ticket is closed or back in the queue it cannot be sent from here. Go on without sending it?';

it('"Close every report" with an answer to every reporter typed and not sent asks first, naming that answer; "no" leaves the agent in that box', async () => {
  const { ids, page, context, posts } = await openIncident('wekesa', 'en');
  const asked = answering(page, [false]);
  await page.locator('#reply-all-en').fill('We are sending someone to the roadblock.');
  await page.getByText('Close every report of this incident').click();
  await page.getByTestId('close-all').getByLabel('Status').selectOption('resolved');
  await page.getByRole('button', { name: 'Close all…' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-all-en');
  expect(asked).toEqual([ALL_EN]);
  expect(posts).toEqual([]);
  expect(new URL(page.url()).pathname).toBe(`/tickets/${ids[0]}`);
  expect(await page.locator('#reply-all-en').inputValue()).toBe('We are sending someone to the roadblock.');
  await context.close();
}, 60_000);

it('"Close every report" asks of the answer to every reporter in Kiswahili too; kept over a reload after "no", gone once let go with "yes"', async () => {
  const { ids, page, context, posts } = await openIncident('chebet', 'sw');
  const asked = answering(page, [false, true]);
  const closeAll = async () => {
    await page.getByText('Funga kila ripoti ya tukio hili').click();
    await page.getByTestId('close-all').getByLabel('Hali').selectOption('resolved');
    await page.getByRole('button', { name: 'Funga zote…' }).click();
  };
  await page.locator('#reply-all-sw').fill('Tunamtuma mtu kwenye kizuizi.');
  await closeAll();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-all-sw');
  expect(asked).toEqual([ALL_SW]);
  expect(posts).toEqual([]);
  await page.reload();
  expect(await page.locator('#reply-all-sw').inputValue()).toBe('Tunamtuma mtu kwenye kizuizi.');
  await closeAll();
  await page.getByTestId('batch-confirm').getByText('Ufunge ripoti 2 kati ya 2 za tukio hili kwa kuwa zimetatuliwa?').waitFor();
  expect(asked).toEqual([ALL_SW, ALL_SW]);
  // Back to the ticket without closing: the answer let go does not come back.
  await page.goto(`${h.base}/tickets/${ids[0]}`);
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-all-sw').inputValue()).toBe('');
  await context.close();
}, 60_000);

it('closing with both the reply and the answer to every reporter unsent asks about each in turn; "yes" to all three closes and lets both go', async () => {
  const { ids, page, context, posts } = await openIncident('kiprop', 'en');
  const asked = answering(page, [true, false, true, true, true]);
  await page.locator('#reply-text').fill('Tumepeleka kesi hii IPOA.');
  await page.locator('#reply-all-en').fill('We are sending someone to the roadblock.');
  await page.locator('#status-form select').selectOption('resolved');
  await page.getByRole('button', { name: 'Update status' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-all-en');
  expect(asked).toEqual([REPLY_EN, ALL_EN]);
  expect(posts).toEqual([]);
  expect(await page.locator('#reply-text').inputValue()).toBe('Tumepeleka kesi hii IPOA.');
  await page.getByRole('button', { name: 'Update status' }).click();
  await page.locator('#badges').getByText('Resolved').waitFor();
  expect(asked.slice(2)).toEqual([REPLY_EN, ALL_EN, 'Close this ticket? The reporter is told it is closed, and it cannot be reopened here.']);
  const closed = (await h.store.reports.findById(ids[0]))!;
  expect(await h.store.reports.reopenForReporter(ids[0], closed.reporterId, new Date(Date.now() - 60_000))).not.toBeNull();
  const agentId = String((await h.store.agents.findByUsername('kiprop'))!._id);
  expect(await h.store.reports.transition(ids[0], 'assigned', { kind: 'agent', agentId }, { assignee: agentId })).not.toBeNull();
  await page.goto(`${h.base}/tickets/${ids[0]}`);
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-text').inputValue()).toBe('');
  expect(await page.locator('#reply-all-en').inputValue()).toBe('');
  await context.close();
}, 60_000);
