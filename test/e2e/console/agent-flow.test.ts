/**
 * The whole loop, as people live it: a reporter files a report on Telegram (Bot API double), the
 * real app runs as its own process (`src/main.ts all`: bot, workers, console), and agents work
 * at the console in Chromium. Screenshots of the queue and ticket pages go to test-artifacts/.
 */
import { Queue } from 'bullmq';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Store } from '../../../src/store';
import { seedReport } from '../../support/report-fixtures';
import { eventually } from '../../support/bot-harness';
import { startWholeApp, type WholeApp } from '../../support/whole-app';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { artifactPath, launchChromium, makePng, signIn as signInAt } from '../../support/browser';

const KEY = Buffer.alloc(32, 5);
const PASSWORD = 'kenya election desk 2027';
/** A real image, so the browser can decode what the console streams from Telegram. */
const PHOTO = makePng(320, 240);

let tg: TelegramDouble;
let store: Store;
let browser: Browser;
let base: string;
let whole: WholeApp | undefined;

beforeAll(async () => {
  whole = await startWholeApp('console-e2e', KEY, { MAX_TICKETS_PER_AGENT: '3' });
  ({ tg, store, base } = whole);
  browser = await launchChromium();
  // Every account any test signs in with, so each test also runs alone (`-t`).
  for (const [username, name, role] of [
    ['amina', 'Amina Wanjiru', 'agent'],
    ['brian', 'Brian Otieno', 'agent'],
    ['daudi', 'Daudi Kiprop', 'supervisor'],
    ['zuhura', 'Zuhura Ali', 'admin'],
  ] as const) {
    await store.agents.create({ username, name, role, password: PASSWORD });
  }
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await whole?.stop();
});

async function desk(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

async function signIn(page: Page, username: string): Promise<void> {
  await signInAt(page, base, username, PASSWORD);
}

/** Police bribery in Nairobi with a photo, someone in danger, contactable: priority 1. */
async function fileReport(u: TelegramUser): Promise<string> {
  await u.sendText('/start');
  await u.press('🚓 Police misconduct');
  await u.press('Bribery or extortion by police');
  await u.press('🚨 Yes');
  await u.sendText('Officers at the Kasarani roadblock are demanding 1,000 shillings from every matatu driver and beat one who refused.');
  await u.press('More counties ›');
  await u.press('More counties ›');
  await u.press('More counties ›');
  await u.press('Nairobi City');
  await u.sendText('Kasarani roadblock, Thika Road');
  await u.press('Today');
  await u.sendPhoto({ caption: 'the officers at the roadblock', bytes: PHOTO });
  await u.press('📞 Send with my phone number');
  await u.press('📱 Send my phone number', { phoneNumber: '+254722000111' });
  const m = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(u.lastMessage().text ?? '');
  if (!m) throw new Error(`no reference in ${u.lastMessage().text}`);
  return m[0];
}

it('a report goes from Telegram to an agent and back, live, and a second agent never gets the taken ticket', async () => {
  // Other waiting work, so the queue looks like a real shift (all less urgent than the reporter's).
  const others = [
    { category: 'e_violence', kind: 'election', priority: 2, county: 42, place: 'Kondele, Kisumu' },
    { category: 'e_bribery', kind: 'election', priority: 3, county: 32, place: 'Nakuru West polling centre' },
    { category: 'p_arrest', kind: 'police', priority: 2, county: 1, place: 'Central police station' },
    { category: 'e_polling', kind: 'election', priority: 3, county: 37, place: 'Lurambi tallying centre' },
    { category: 'e_resources', kind: 'election', priority: 4, county: 22, place: 'Thika sub-county offices' },
  ] as const;
  for (const o of others) await seedReport(store, { ...o, description: { text: 'Seeded for the queue view.' } });
  // Stored straight into MongoDB, as if Redis had been down: the worker's outbox relay queues them
  // on its next pass (every 5 s). Agent two's "take next" below needs them queued, and a fast run
  // can get there before that pass.
  const queued = eventually(async () => (await store.models.Report.countDocuments({ queuedAt: null })) === 0, 'the seeded tickets to be queued by the relay', 30_000);
  queued.catch(() => undefined); // awaited below

  const reporter = tg.user({ firstName: 'Mercy', lastName: 'Akinyi', username: 'mercy_a', languageCode: 'en' });
  const reference = await fileReport(reporter);

  // Agent one: the reporter's urgent ticket is at the top of the queue.
  const a = await desk();
  await signIn(a.page, 'amina');
  const urgentRow = a.page.locator(`tr[data-reference="${reference}"]`);
  await urgentRow.waitFor();
  await expect(urgentRow.getAttribute('class')).resolves.toContain('prio-urgent');
  await expect(a.page.locator('#queue-lists tbody tr').first().getAttribute('data-reference')).resolves.toBe(reference);
  await a.page.screenshot({ path: artifactPath('console-queue.png'), fullPage: true });

  // Agent two has the queue open too; it updates live when agent one takes the ticket.
  const b = await desk();
  await signIn(b.page, 'brian');
  await b.page.locator(`tr[data-reference="${reference}"]`).waitFor();

  await a.page.getByRole('button', { name: 'Take next ticket' }).click();
  await a.page.waitForURL(/\/tickets\/[a-f0-9]{24}$/);
  const ticketUrl = a.page.url();
  await expect(a.page.getByTestId('reference').textContent()).resolves.toBe(reference);
  await b.page.locator(`tr[data-reference="${reference}"]`).waitFor({ state: 'detached' });

  // The ticket shows the story, place, identity (contactable, held by this agent) and the photo, streamed through the console.
  const body = a.page.locator('body');
  await expect(body.textContent()).resolves.toContain('Kasarani roadblock, Thika Road');
  await expect(a.page.getByTestId('identity').textContent()).resolves.toContain('+254722000111');
  const photo = a.page.locator('.evidence img').first();
  await photo.waitFor();
  await a.page.waitForFunction(() => {
    const img = document.querySelector('.evidence img') as HTMLImageElement | null;
    return Boolean(img && img.complete && img.naturalWidth > 0);
  });
  const src = await photo.getAttribute('src');
  expect(src).toMatch(/^\/tickets\/[a-f0-9]{24}\/evidence\/0$/);
  const streamed = await a.page.request.get(`${base}${src}`);
  expect(Buffer.from(await streamed.body()).equals(PHOTO)).toBe(true);
  expect(await a.page.content()).not.toContain(tg.token);

  // The agent replies; the reporter receives it in Telegram.
  await a.page.getByPlaceholder('Write to the reporter…').fill('Thank you, Mercy. Are you safe now? Which direction were the officers facing?');
  // The worker may deliver before the page shows the message: wait from a mark taken before Send.
  const beforeReply = reporter.mark();
  await a.page.getByRole('button', { name: 'Send' }).click();
  await a.page.locator('.msg.out', { hasText: 'Are you safe now?' }).waitFor();
  const delivered = await reporter.waitForMessage('Are you safe now?', { since: beforeReply, timeoutMs: 30_000 });
  expect(delivered.text).toContain(reference);

  // The reporter answers; it appears on the ticket page without a reload.
  const marker = await a.page.evaluate(() => ((window as unknown as { __stay: number }).__stay = Math.random()));
  await reporter.sendText('Yes I am safe. They were facing town, near the Total petrol station.');
  await a.page.locator('.msg.in', { hasText: 'near the Total petrol station' }).waitFor();
  expect(await a.page.evaluate(() => (window as unknown as { __stay: number }).__stay)).toBe(marker);

  // A note for colleagues, then the referral to IPOA; the reporter is told.
  await a.page.getByPlaceholder('Only agents see notes…').fill('Reporter safe. Plate numbers to follow.');
  await a.page.getByRole('button', { name: 'Add note' }).click();
  await a.page.locator('ul.notes', { hasText: 'Plate numbers to follow' }).waitFor();
  await a.page.getByRole('radio', { name: /^IPOA / }).check();
  const beforeReferral = reporter.mark();
  await a.page.getByLabel('Referral note (internal)').fill('Extortion and assault at a roadblock; reporter contactable.');
  await a.page.getByRole('button', { name: 'Refer', exact: true }).click();
  // Posted without a reload: the result is announced in the page's status region.
  await a.page.locator('#announce', { hasText: 'Referral recorded' }).waitFor();
  await expect(a.page.getByTestId('status').textContent()).resolves.toBe('Referred to IPOA');
  const told = await reporter.waitForMessage('passed to IPOA', { since: beforeReferral, timeoutMs: 30_000 });
  expect(told.text).toContain(reference);
  await a.page.locator('.msg.notice', { hasText: 'passed to IPOA' }).waitFor();
  await a.page.screenshot({ path: artifactPath('console-ticket.png'), fullPage: true });

  // The audit trail has every step, by this agent.
  const history = (await store.reports.history((await store.reports.findByReference(reference))!._id)).map((e) => e.type);
  expect(history).toEqual(expect.arrayContaining(['submitted', 'assigned', 'viewed', 'reply_queued', 'reporter_message', 'note', 'referred']));

  // Agent two can neither open the ticket nor take it: "take next" gives the next one in line.
  const refused = await b.page.goto(ticketUrl);
  expect(refused?.status()).toBe(403);
  await expect(b.page.locator('h1').textContent()).resolves.toBe('Not your ticket');
  b.errors.splice(0); // that 403 was the point; anything after it is not
  await b.page.goto(`${base}/queue`);
  await expect(b.page.locator('body').textContent()).resolves.not.toContain(reference);
  await queued;
  await b.page.getByRole('button', { name: 'Take next ticket' }).click();
  await b.page.waitForURL(/\/tickets\/[a-f0-9]{24}$/);
  expect(b.page.url()).not.toBe(ticketUrl);
  await expect(b.page.getByTestId('reference').textContent()).resolves.not.toBe(reference);

  // The same ticket in Kiswahili, from the switch in the top bar.
  await a.page.goto(ticketUrl);
  await a.page.getByRole('button', { name: 'Kiswahili' }).click();
  await a.page.getByRole('heading', { name: 'Mazungumzo na mripoti' }).waitFor();
  expect(a.page.url()).toBe(ticketUrl);
  await a.page.screenshot({ path: artifactPath('console-ticket-sw.png'), fullPage: true });

  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
  await a.context.close();
  await b.context.close();
}, 150_000);

it('supervisors reach the BullMQ board, agents do not; admins manage accounts', async () => {
  const s = await desk();
  await signIn(s.page, 'daudi');
  // The board asks no other host for anything (bull-board's page links third-party fonts) and
  // carries the console's headers.
  const outside: string[] = [];
  s.page.on('request', (r) => {
    if (!r.url().startsWith(`${base}/`) && !r.url().startsWith('data:')) outside.push(r.url());
  });
  const board = await s.page.goto(`${base}/admin/queues`);
  expect(board?.status()).toBe(200);
  expect(board?.headers()['content-security-policy']).toContain("default-src 'self'");
  expect(board?.headers()['x-frame-options']).toBe('DENY');
  await s.page.getByText('tickets').first().waitFor();
  expect(outside).toEqual([]);
  // Read-only: the board's API refuses to pause or empty a queue, even for a supervisor on the console's own origin.
  for (const action of ['pause', 'empty']) {
    const res = await s.page.request.put(`${base}/admin/queues/api/queues/tickets/${action}`, { headers: { origin: base } });
    expect([action, res.status(), await res.text()]).toEqual([action, 405, JSON.stringify({ error: { key: 'ERRORS.QUEUE_READ_ONLY' } })]);
  }
  // A reply that was parked behind another message to the same chat: the board shows which message
  // it is, never when it was parked until, for how long, or what Telegram's chat numbered it.
  const redis = new URL(whole!.redis.url);
  const replies = new Queue('replies', { connection: { host: redis.hostname, port: Number(redis.port || 6379) }, prefix: whole!.redis.prefix });
  await replies.add('message', { kind: 'message', messageId: 'm-parked', slot: { at: Date.now() + 3_600_000, attempt: 0 }, behind: 1, sentAs: 4242, sentIn: 'sw' }, { jobId: 'm-parked', delay: 3_600_000 });
  await replies.close();
  const listed = await s.page.request.get(`${base}/admin/queues/api/queues?activeQueue=replies&status=delayed&page=1&jobsPerPage=10`);
  type BoardJob = { id: string; data: unknown; delay?: number; opts: { delay?: number } };
  const parked = ((await listed.json()) as { queues: { name: string; jobs: BoardJob[] }[] }).queues.find((q) => q.name === 'replies')?.jobs.find((j) => j.id === 'm-parked');
  expect(parked && { data: parked.data, delay: parked.delay, optsDelay: parked.opts.delay }).toEqual({ data: { kind: 'message', messageId: 'm-parked' }, delay: undefined, optsDelay: undefined });
  const one = ((await (await s.page.request.get(`${base}/admin/queues/api/queues/replies/m-parked`)).json()) as { job: BoardJob }).job;
  expect({ data: one.data, delay: one.delay, optsDelay: one.opts.delay }).toEqual({ data: { kind: 'message', messageId: 'm-parked' }, delay: undefined, optsDelay: undefined });
  await s.page.goto(`${base}/supervisor/tickets`);
  await s.page.screenshot({ path: artifactPath('console-supervisor.png'), fullPage: true });
  await s.context.close();

  const a = await desk();
  await signIn(a.page, 'brian');
  expect((await a.page.goto(`${base}/admin/queues`))?.status()).toBe(403);
  await a.context.close();

  // An admin creates an account from the console; the sign-in page and the accounts page are kept for review.
  const z = await desk();
  await z.page.goto(`${base}/signin`);
  await z.page.screenshot({ path: artifactPath('console-signin.png') });
  await signIn(z.page, 'zuhura');
  await z.page.goto(`${base}/admin/agents`);
  await z.page.getByLabel('Full name').fill('Neema Chebet');
  await z.page.getByLabel('Username').fill('neema');
  await z.page.getByLabel('First password (share it in person)').fill('first shift password');
  await z.page.getByRole('button', { name: 'Create account' }).click();
  await z.page.locator('.flash.ok', { hasText: 'Account created.' }).waitFor();
  await z.page.screenshot({ path: artifactPath('console-agents.png'), fullPage: true });
  expect((await store.agents.findByUsername('neema'))?.role).toBe('agent');
  expect(z.errors).toEqual([]);
  await z.context.close();
}, 60_000);
