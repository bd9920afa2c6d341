import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { agent, createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';
import type { AgentRef } from '../../../src/services/ticket-actions';
import { closeRedis, createRedis } from '../../../src/redis';

jest.setTimeout(60_000);

/**
 * Issue 17: a reply parked for its chat's turn must not use up the overall rate. BullMQ's limiter
 * counts a job each time it becomes active, so a parked reply used to cost two slots (parked, then
 * sent) and, with many chats waiting, the replies went out at about half the configured rate.
 * Counted in one limiter window long enough to hold the whole burst: the slots spent equal the
 * messages the reporters received, and every chat still gets one message per second.
 */
describe('replies parked for their chat’s turn', () => {
  let tg: TelegramDouble;
  let h: Harness;
  beforeAll(async () => {
    tg = await TelegramDouble.start();
    h = await createHarness({
      label: 'q-parked',
      env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, MAX_TICKETS_PER_AGENT: '50' },
      workers: true,
      // One window of 60 s with room for every message (and 5 sends a second overall).
      overrides: { relay: { intervalMs: 200 }, replies: { limiter: { max: 300, duration: 60_000 } } },
    });
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
    await tg.stop();
  });

  it('spend one limiter slot per message sent, none for waiting their turn', async () => {
    const a: AgentRef = agent();
    const chats: { user: TelegramUser; reportId: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const user = tg.user({ firstName: `Parked${i}` });
      const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
      const { report } = await h.reports.submit(reportInput(r._id, { language: 'en' }));
      chats.push({ user, reportId: report._id.toString() });
    }
    for (let i = 0; i < 3; i++) expect((await h.tickets.takeNext(a)).ok).toBe(true);
    // Four replies to each chat at once: 12 replies plus 3 "taken" notices, most of them parked.
    await Promise.all(chats.flatMap((c) => [1, 2, 3, 4].map((n) => h.tickets.reply(c.reportId, a, `Parked reply ${n}`))));
    const sends = () => tg.calls('sendMessage').filter((c) => c.ok);
    await waitFor(async () => sends().length >= 15 && (await h.queues.replies.waitingCount()) === 0, 'all 15 messages sent', 40_000);
    const queue = h.queues.replies.queue;
    await waitFor(async () => (await queue.getActiveCount()) === 0, 'the last job to finish');

    for (const c of chats) {
      const at = sends().filter((s) => Number(s.params.chat_id) === c.user.chatId).map((s) => s.at);
      expect(at).toHaveLength(5);
      for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(1000);
    }
    // Parking happened (a chat's messages wait for their turn) ...
    const jobs = await queue.getJobs(['completed']);
    expect(jobs.filter((j) => j.data.slot).length).toBeGreaterThan(0);
    // ... and cost no slot: the window counted exactly the messages sent.
    const redis = createRedis(h.config.redis, 'worker');
    try {
      expect(Number(await redis.get(queue.keys.limiter))).toBe(sends().length);
    } finally {
      await closeRedis(redis);
    }
  });
});
