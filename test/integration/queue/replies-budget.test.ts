/** Agent replies through the shared outgoing budget (src/lib/send-budget.ts), as createApp wires the worker role. */
import { TelegramDouble } from '../../support/telegram';
import { agent, budgetedWorkers, reporter, reportInput, sentMessage, waitFor, type Harness, takeUntilHeld } from '../../support/tickets-harness';
import { RedisSendBudget } from '../../../src/queue/send-budget';
import { sendPaced } from '../../../src/lib/send-budget';
import { closeRedis, createRedis } from '../../../src/redis';

jest.setTimeout(30_000);

describe('agent replies within the shared budget', () => {
  const env = budgetedWorkers('q-replies-budget');
  let tg: TelegramDouble;
  let h: Harness;
  beforeAll(() => {
    tg = env.tg();
    h = env.h();
  });

  async function takenTicket() {
    const user = tg.user({ firstName: 'Achieng', languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const { report } = await h.reports.submit(reportInput(r._id, { language: 'en' }));
    const a = agent();
    await takeUntilHeld(h, a, report._id);
    await waitFor(() => user.messages().find((m) => (m.text ?? '').includes('has been taken')), 'the taken notice');
    return { user, reportId: report._id.toString(), a };
  }

  it('sends a reply refused with 429 again after retry_after, once, without spending an attempt', async () => {
    const { user, reportId, a } = await takenTicket();
    tg.failNext('sendMessage', { errorCode: 429, retryAfter: 1 });
    const msg = sentMessage(await h.tickets.reply(reportId, a, 'We have called the OCS.'));
    await waitFor(async () => (await h.store.messages.findById(msg!._id))?.delivery === 'sent', 'sent', 15_000);
    const calls = tg.calls('sendMessage').filter((c) => c.params.chat_id === user.id).slice(-2);
    expect(calls.map((c) => c.errorCode ?? 'ok')).toEqual([429, 'ok']);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1000);
    expect(user.messages().filter((m) => (m.text ?? '').includes('called the OCS'))).toHaveLength(1);
    const job = await h.queues.replies.queue.getJob(msg!._id.toString());
    expect(job?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
  });

  it('waits while the bot answers people mid-report (a lane ahead of it) and goes as soon as they are served', async () => {
    const { user, reportId, a } = await takenTicket();
    const redis = createRedis(h.config.redis, 'worker');
    try {
      const budget = new RedisSendBudget(redis, h.prefix, { perSecond: 20 });
      // Everyone held by a pause; the reply is queued first, then a reporter mid-report asks.
      await budget.pause(1500);
      const msg = sentMessage(await h.tickets.reply(reportId, a, 'Second reply'));
      // The worker is waiting in the budget (lane `other`) before the answer asks.
      await waitFor(async () => (await redis.zcard(`${h.prefix}:budget:lane:3`)) > 0, 'the reply waiting in the budget');
      let answeredAt = 0;
      await sendPaced(budget, { lane: 'report' }, async () => void (answeredAt = Date.now()));
      await waitFor(async () => (await h.store.messages.findById(msg!._id))?.delivery === 'sent', 'sent', 15_000);
      const replied = tg.calls('sendMessage').find((c) => c.params.chat_id === user.id && String(c.params.text).includes('Second reply'));
      expect(replied?.ok).toBe(true);
      expect(replied!.at).toBeGreaterThanOrEqual(answeredAt);
    } finally {
      await closeRedis(redis);
    }
  });
});
