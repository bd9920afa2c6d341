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

/** "Take next" from the queue (the ticket released, the only one waiting, comes back) and its reply box's text. */
async function replyWhenTakenAgain(page: Page, id: string): Promise<string> {
  await page.getByTestId('take-next').click();
  await page.waitForURL(`${h.base}/tickets/${id}`);
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  return page.locator('#reply-text').inputValue();
}

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
  expect(await replyWhenTakenAgain(page, id)).toBe('');
  await context.close();
}, 60_000);

it('Release pressed again while the first is on its way asks nothing more and sends nothing more: the reply let go stays gone', async () => {
  const { id, page, context } = await openTicket('wambui', 'en');
  const asked = answering(page, [true, true, true, true]);
  await page.locator('#reply-text').fill('Nitakupigia kesho asubuhi.');
  // The first release held on its way (a slow connection); the second press meets it there.
  let arrived!: () => void;
  let go!: () => void;
  const first = new Promise<void>((resolve) => (arrived = resolve));
  const held = new Promise<void>((resolve) => (go = resolve));
  let releases = 0;
  await page.route('**/release', async (route) => {
    releases++;
    arrived();
    await held;
    await route.continue();
  });
  // Pressed with the mouse itself: Playwright's own click would wait for the held navigation to end.
  const button = page.getByRole('button', { name: 'Release to the queue' });
  await button.scrollIntoViewIfNeeded();
  const box = (await button.boundingBox())!;
  const release = () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await release();
  await first;
  await release();
  expect(asked).toEqual([REPLY_EN, 'Release this ticket back to the queue?']);
  go();
  await page.locator('.flash', { hasText: 'Ticket released to the queue.' }).waitFor();
  expect(releases).toBe(1);
  expect(await replyWhenTakenAgain(page, id)).toBe('');
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

it('"Close every report" asks of the answer to every reporter in Kiswahili too; kept over a reload after "no", and after "yes" while nothing is closed; gone once they are', async () => {
  const { ids, page, context, posts } = await openIncident('chebet', 'sw');
  const asked = answering(page, [false, true, true]);
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
  // Back to the ticket from the count, nothing closed: the answer is still there to send.
  await page.getByRole('link', { name: 'Rudi kwenye tiketi' }).click();
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-all-sw').inputValue()).toBe('Tunamtuma mtu kwenye kizuizi.');
  // Closed this time: the answer let go does not come back when both reports are reopened and taken again.
  await closeAll();
  await page.getByRole('button', { name: 'Ndio, funga ripoti 2' }).click();
  await page.getByTestId('batch-result').waitFor();
  expect(asked).toEqual([ALL_SW, ALL_SW, ALL_SW]);
  const agentId = String((await h.store.agents.findByUsername('chebet'))!._id);
  for (const id of ids) {
    const closed = (await h.store.reports.findById(id))!;
    expect(closed.status).toBe('resolved');
    expect(await h.store.reports.reopenForReporter(id, closed.reporterId, new Date(Date.now() - 60_000))).not.toBeNull();
    expect(await h.store.reports.transition(id, 'assigned', { kind: 'agent', agentId }, { assignee: agentId })).not.toBeNull();
  }
  await page.getByRole('link', { name: 'Rudi kwenye tiketi' }).click();
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  await page.locator('#reply-all-sw').waitFor();
  expect(await page.locator('#reply-all-sw').inputValue()).toBe('');
  await context.close();
}, 60_000);

it('a "yes" to a release that never reached the console (the connection dropped) keeps the reply: back on the ticket, it is in its box', async () => {
  const { id, page, context } = await openTicket('kerubo', 'en');
  const asked = answering(page, [true, true]);
  await page.locator('#reply-text').fill('Nitakupigia kesho asubuhi.');
  await page.route('**/release', (route) => route.abort('connectionreset'));
  await page.getByRole('button', { name: 'Release to the queue' }).click();
  await page.waitForURL((u) => u.href.startsWith('chrome-error:'));
  expect(asked).toEqual([REPLY_EN, 'Release this ticket back to the queue?']);
  expect((await h.store.reports.findById(id))?.status).toBe('assigned');
  await page.goto(`${h.base}/tickets/${id}`);
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-text').inputValue()).toBe('Nitakupigia kesho asubuhi.');
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

// A supervisor's hand-over gives the ticket (and its incident) to another agent, who never sees what
// this page typed; a split takes this ticket out of its incident, and the answer to every reporter
// with it. Each asks first, in its own words, as a close does.
const HANDOVER_EN = 'Your reply to the reporter has not been sent, and the person you hand the ticket to will not see it. Go on without sending it?';
const HANDOVER_SW = 'Jibu lako kwa mripoti bado halijatumwa, na utakayemkabidhi tiketi hataliona. Uendelee bila kulituma?';
const ALL_HANDOVER_EN = 'Your answer to every reporter of this incident has not been sent, and the person you hand the incident to will not see it. Go on without sending it?';
const SPLIT_EN = 'Your answer to every reporter of this incident has not been sent. After this split this ticket is no longer in the incident, so it cannot be sent from here. Go on without sending it?';
const SPLIT_SW = 'Jibu lako kwa kila mripoti wa tukio hili bado halijatumwa. Baada ya kutenganisha, tiketi hii haitakuwa tena kwenye tukio hili, kwa hivyo haliwezi kutumwa kutoka hapa. Uendelee bila kulituma?';

/** A supervisor on a ticket (or an incident's lead) held by `holder`, and another agent to hand it to. */
async function supervising(supervisor: string, holder: string, lang: 'en' | 'sw', incident = false) {
  await h.account(supervisor, 'supervisor');
  const to = await h.account(`${holder}-next`, 'agent');
  const id = incident ? await incidentOf(holder) : await heldTicket(holder);
  return { id, to, ...(await signedInPage(h, browser, supervisor, lang, `/tickets/${id}`)) };
}

async function incidentOf(holder: string): Promise<string> {
  const ids = [await heldTicket(holder), await heldTicket(holder)];
  const agentId = String((await h.store.agents.findByUsername(holder))!._id);
  for (const id of ids) expect(await h.store.incidents.setIncident(id, ids[0], agentId)).toBe(true);
  return ids[0];
}

it('a supervisor handing over with a reply typed and not sent asks first; "no" hands nothing over and leaves them in the reply box', async () => {
  const { id, to, page, context, posts } = await supervising('halima', 'kioko', 'en');
  const asked = answering(page, [false]);
  await page.locator('#reply-text').fill('Tumepokea ripoti yako.');
  await page.getByLabel('Hand over to').selectOption({ value: to._id.toString() });
  await page.getByRole('button', { name: 'Hand over' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-text');
  expect(asked).toEqual([HANDOVER_EN]);
  expect(posts).toEqual([]);
  expect(await page.locator('#reply-text').inputValue()).toBe('Tumepokea ripoti yako.');
  expect(String((await h.store.reports.findById(id))?.assignee)).toBe(String((await h.store.agents.findByUsername('kioko'))!._id));
  await context.close();
}, 60_000);

it('hand-over asks in Kiswahili too; a "yes" hands the ticket over and the reply let go does not come back after a reload', async () => {
  const { id, to, page, context } = await supervising('zawadi', 'mutua', 'sw');
  const asked = answering(page, [true]);
  await page.locator('#reply-text').fill('Tumepokea ripoti yako.');
  await page.locator('#handover-form select').selectOption({ value: to._id.toString() });
  await page.getByRole('button', { name: 'Kabidhi', exact: true }).click();
  await page.getByTestId('held-by').filter({ hasText: to.name }).waitFor();
  expect(asked).toEqual([HANDOVER_SW]);
  expect(String((await h.store.reports.findById(id))?.assignee)).toBe(to._id.toString());
  expect(await page.locator('#reply-text').inputValue()).toBe('');
  await page.reload();
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-text').inputValue()).toBe('');
  await context.close();
}, 60_000);

it('handing over an incident asks of the reply, then of the answer to every reporter; "no" to the second leaves the supervisor in that box', async () => {
  const { to, page, context, posts } = await supervising('imani', 'wambui', 'en', true);
  const asked = answering(page, [true, false]);
  await page.locator('#reply-text').fill('Tumepokea ripoti yako.');
  await page.locator('#reply-all-en').fill('We are sending someone to the roadblock.');
  await page.getByLabel('Hand over to').selectOption({ value: to._id.toString() });
  await page.getByRole('button', { name: 'Hand over' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-all-en');
  expect(asked).toEqual([HANDOVER_EN, ALL_HANDOVER_EN]);
  expect(posts).toEqual([]);
  expect(await page.locator('#reply-text').inputValue()).toBe('Tumepokea ripoti yako.');
  expect(await page.locator('#reply-all-en').inputValue()).toBe('We are sending someone to the roadblock.');
  await context.close();
}, 60_000);

it('splitting this report out with an answer to every reporter typed asks first; "no" splits nothing and leaves the agent in that box', async () => {
  const { ids, page, context, posts } = await openIncident('jelimo', 'en');
  const asked = answering(page, [false]);
  await page.locator('#reply-text').fill('Tumepeleka kesi hii IPOA.');
  await page.locator('#reply-all-en').fill('We are sending someone to the roadblock.');
  await page.getByRole('button', { name: 'Split from the incident (this report)' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reply-all-en');
  // The reply stays sendable after a split (the ticket is still the agent's): not asked about.
  expect(asked).toEqual([SPLIT_EN]);
  expect(posts).toEqual([]);
  expect(await page.locator('#reply-all-en').inputValue()).toBe('We are sending someone to the roadblock.');
  expect((await h.store.reports.findById(ids[0]))?.incident).toBeTruthy();
  await context.close();
}, 60_000);

it('splitting the other report (the incident ends) asks in Kiswahili; a "yes" splits, keeps the reply, and the answer let go does not come back when joined again', async () => {
  const { ids, page, context } = await openIncident('nyambura', 'sw');
  const asked = answering(page, [true]);
  await page.locator('#reply-text').fill('Tumepeleka kesi hii IPOA.');
  await page.locator('#reply-all-sw').fill('Tunamtuma mtu kwenye kizuizi.');
  await page.getByTestId('incident').locator(`form:has(input[name=member][value="${ids[1]}"]) button`).click();
  await page.getByTestId('incident').waitFor({ state: 'detached' });
  expect(asked).toEqual([SPLIT_SW]);
  expect((await h.store.reports.findById(ids[0]))?.incident).toBeFalsy();
  expect(await page.locator('#reply-text').inputValue()).toBe('Tumepeleka kesi hii IPOA.');
  const agentId = String((await h.store.agents.findByUsername('nyambura'))!._id);
  for (const id of ids) expect(await h.store.incidents.setIncident(id, ids[0], agentId)).toBe(true);
  await page.reload();
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-all-sw').inputValue()).toBe('');
  await context.close();
}, 60_000);

it('a "yes" to a split that never reached the console (the connection dropped) keeps the answer to every reporter: back on the ticket, it is in its box', async () => {
  const { ids, page, context } = await openIncident('nasimiyu', 'en');
  const asked = answering(page, [true]);
  await page.locator('#reply-all-en').fill('We are sending someone to the roadblock.');
  await page.route('**/incident/split', (route) => route.abort('connectionreset'));
  await page.getByRole('button', { name: 'Split from the incident (this report)' }).click();
  // The browser's own error page, as when the connection drops.
  await page.waitForURL((u) => u.href.startsWith('chrome-error:'));
  expect(asked).toEqual([SPLIT_EN]);
  expect((await h.store.reports.findById(ids[0]))?.incident).toBeTruthy();
  await page.goto(`${h.base}/tickets/${ids[0]}`);
  await page.locator('[data-live-state="open"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reply-all-en').inputValue()).toBe('We are sending someone to the roadblock.');
  await context.close();
}, 60_000);

it('splitting one of three reports out keeps the incident on this ticket: nothing is asked, and the answer to every reporter stays typed', async () => {
  const { ids, page, context } = await openIncident('wairimu', 'en');
  const agentId = String((await h.store.agents.findByUsername('wairimu'))!._id);
  const third = await heldTicket('wairimu');
  expect(await h.store.incidents.setIncident(third, ids[0], agentId)).toBe(true);
  await page.reload();
  const asked = answering(page, []);
  await page.locator('#reply-all-en').fill('We are sending someone to the roadblock.');
  await page.getByTestId('incident').locator(`form:has(input[name=member][value="${ids[1]}"]) button`).click();
  await page.locator('.flash', { hasText: 'Taken out of the incident.' }).waitFor();
  expect(asked).toEqual([]);
  expect((await h.store.reports.findById(ids[1]))?.incident).toBeFalsy();
  expect(await page.locator('#reply-all-en').inputValue()).toBe('We are sending someone to the roadblock.');
  await context.close();
}, 60_000);
