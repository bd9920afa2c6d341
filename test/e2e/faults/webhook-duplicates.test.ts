/**
 * Fault (issue 7, 5d), the gap left by the existing tests: the same Confirm update delivered
 * several times *concurrently* over the webhook (Telegram retries a delivery it gave up waiting
 * for while the first is still being handled), and a double tap whose two updates reach the
 * webhook at the same moment. Already covered elsewhere: the same Confirm update handled twice in
 * a row (test/e2e/bot/lifecycle.test.ts) and the same /help update POSTed twice at once
 * (test/e2e/bot/webhook.test.ts).
 */
import type { Update } from 'telegraf/types';
import { freePort } from '../../support/ports';
import { REDIS_URL, connectTestRedis, deleteByPrefix } from '../../support/redis';
import type { TelegramUser } from '../../support/telegram';
import { allTexts, callbackUpdate, walkTo } from '../bot/helpers';
import { eventually } from '../../support/bot-harness';
import { startFaultApp, type FaultApp } from './app';

jest.setTimeout(60_000);

const REFERENCE = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/;
const SECRET = 'fault_wh-secret-0123456789abcdefABC';
let f: FaultApp;
let hook: string;

beforeAll(async () => {
  const port = await freePort();
  hook = `http://127.0.0.1:${port}/tg/fault-hook`;
  f = await startFaultApp({
    label: 'fault_webhook',
    roles: ['bot', 'worker'],
    redisUrl: REDIS_URL,
    env: { TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: hook, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_WEBHOOK_HOST: '127.0.0.1', TELEGRAM_WEBHOOK_PORT: String(port) },
  });
});

afterAll(async () => {
  await f?.close();
  const r = await connectTestRedis('fault_webhook_cleanup');
  if (f) await deleteByPrefix(r.redis, f.prefix);
  await r.cleanup();
});

const post = (update: unknown) =>
  fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });

/** The Confirm button's callback_data on the review message. */
function confirmData(u: TelegramUser): string {
  const data = u.lastMessage().raw.reply_markup?.inline_keyboard[0][0].callback_data;
  if (!data) throw new Error('no Confirm button on the newest message');
  return data;
}

async function expectOneQueuedReport(u: TelegramUser, before: number): Promise<void> {
  const told = allTexts(u)
    .slice(before)
    .filter((t) => REFERENCE.test(t));
  const reporter = await f.app.store.reporters.findByTelegramUser(u.id);
  const reports = await f.app.store.models.Report.find({ reporterId: reporter!._id }).lean();
  expect(reports).toHaveLength(1);
  // Every answer that carries a reference carries this one; the stale-button notice never shows.
  expect(told.length).toBeGreaterThanOrEqual(1);
  for (const t of told) expect(REFERENCE.exec(t)?.[0]).toBe(reports[0].reference);
  expect(allTexts(u).slice(before).join('\n')).not.toContain(f.app.translator.t('en', 'bot:wizard.stale'));
  const id = reports[0]._id.toString();
  await eventually(async () => (await f.app.store.reports.findById(id))?.queuedAt, 'the ticket to be queued', 10_000);
  expect(await f.app.queues.tickets.queue.getJob(id)).toBeDefined();
  expect((await f.app.store.reports.history(id)).filter((e) => e.type === 'submitted')).toHaveLength(1);
}

describe('webhook: Confirm delivered more than once at the same time', () => {
  it('the same update three times at once: one report, one "received", one ticket, every delivery answered 200', async () => {
    const u = f.tg.user({ firstName: 'Retried', languageCode: 'en' });
    await walkTo(u, 'review');
    const before = u.messages().length;
    const update = callbackUpdate(f.tg, u, confirmData(u), 950_000_001) as unknown as Update;
    const answers = await Promise.all([post(update), post(update), post(update)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await expectOneQueuedReport(u, before);
    expect(
      allTexts(u)
        .slice(before)
        .filter((t) => REFERENCE.test(t)),
    ).toHaveLength(1);
  });

  it('a double tap whose two updates arrive together: one report, both taps answered with the same reference', async () => {
    const u = f.tg.user({ firstName: 'DoubleTap', languageCode: 'en' });
    await walkTo(u, 'review');
    const before = u.messages().length;
    const data = confirmData(u);
    const first = callbackUpdate(f.tg, u, data, 950_000_101);
    const second = callbackUpdate(f.tg, u, data, 950_000_102);
    const answers = await Promise.all([post(first), post(second)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await expectOneQueuedReport(u, before);
    expect(
      allTexts(u)
        .slice(before)
        .filter((t) => REFERENCE.test(t)),
    ).toHaveLength(2);
  });
});

describe('webhook: the re-delivery of an update whose first delivery was cut short', () => {
  it('a process that died mid-Confirm: its claim is taken over and the re-delivered Confirm is handled, "received" told once', async () => {
    const u = f.tg.user({ firstName: 'Crashed', languageCode: 'en' });
    await walkTo(u, 'review');
    const before = u.messages().length;
    const r = await connectTestRedis('fault_webhook_claims');
    try {
      // What a process killed while handling update 950_000_201 leaves behind: its claim, and no presence.
      await r.redis.set(`${f.prefix}:upd:950000201`, 'handling:0123456789abcdef', 'EX', 120);
      const answer = await post(callbackUpdate(f.tg, u, confirmData(u), 950_000_201));
      expect(answer.status).toBe(200);
      await expectOneQueuedReport(u, before);
      expect(await r.redis.get(`${f.prefix}:upd:950000201`)).toBe('done');
    } finally {
      await r.cleanup();
    }
  });

  it('a live process still handling it: the re-delivery waits for it to finish, then is dropped (nothing said twice)', async () => {
    const u = f.tg.user({ firstName: 'Slow', languageCode: 'en' });
    await walkTo(u, 'review');
    const before = u.messages().length;
    const r = await connectTestRedis('fault_webhook_claims');
    try {
      await r.redis.set(`${f.prefix}:upd-owner:fedcba9876543210`, '1', 'PX', 60_000);
      await r.redis.set(`${f.prefix}:upd:950000301`, 'handling:fedcba9876543210', 'EX', 120);
      let answered = false;
      const answer = post(callbackUpdate(f.tg, u, confirmData(u), 950_000_301)).then((a) => {
        answered = true;
        return a;
      });
      // Still waiting while the first delivery is being handled elsewhere.
      await eventually(async () => (await r.redis.get(`${f.prefix}:upd:950000301`)) === 'handling:fedcba9876543210' && !answered, 'the re-delivery to be waiting', 2000);
      await r.redis.set(`${f.prefix}:upd:950000301`, 'done', 'EX', 120);
      expect((await answer).status).toBe(200);
      expect(u.messages().length).toBe(before);
      expect(f.logged('dropped a re-delivered update').length).toBeGreaterThanOrEqual(1);
    } finally {
      await r.redis.del(`${f.prefix}:upd-owner:fedcba9876543210`);
      await r.cleanup();
    }
  });

  it('a process that died after storing a reporter’s message: the re-delivered message is stored once, and "sent" told again', async () => {
    const u = f.tg.user({ firstName: 'Writer', languageCode: 'en' });
    await walkTo(u, 'review');
    await post(callbackUpdate(f.tg, u, confirmData(u), 950_000_401));
    const reporter = await f.app.store.reporters.findByTelegramUser(u.id);
    const [report] = await f.app.store.models.Report.find({ reporterId: reporter!._id }).lean();
    // The reporter's message to the staff, as Telegram delivers it, handled once in full.
    const message = { message_id: 7001, from: u.info, chat: { id: u.chatId, type: 'private', first_name: u.info.first_name }, date: Math.floor(Date.now() / 1000), text: 'They have come back with two more officers.' };
    const update = { update_id: 950_000_402, message };
    expect((await post(update)).status).toBe(200);
    const before = u.messages().length;
    const r = await connectTestRedis('fault_webhook_claims');
    try {
      // What a process killed after storing it, before marking the update done, leaves behind.
      await r.redis.set(`${f.prefix}:upd:950000402`, 'handling:0123456789abcdef', 'EX', 120);
      expect((await post(update)).status).toBe(200);
      await eventually(async () => (await r.redis.get(`${f.prefix}:upd:950000402`)) === 'done', 'the re-delivery to be handled');
    } finally {
      await r.cleanup();
    }
    const stored = (await f.app.store.messages.listForReport(report._id)).filter((m) => m.direction === 'from_reporter');
    expect(stored.map((m) => m.text)).toEqual(['They have come back with two more officers.']);
    expect((await f.app.store.reports.history(report._id)).filter((e) => e.type === 'reporter_message')).toHaveLength(1);
    // The reporter, who may not have seen the first answer, is told it reached the staff.
    expect(allTexts(u).slice(before).join('\n')).toContain(report.reference);
  });
});
