/**
 * Messages to a reporter who asks to be forgotten (/forget) while they are on their way: the
 * `replies` worker, as createApp wires it with the shared budget, against the Bot API double.
 * Once the request is recorded nothing more reaches their chat, whether the message was still to
 * be prepared or already waiting for its turn to go.
 */
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { agent, budgetedWorkers, reporter, reportInput, sentMessage, waitFor, type Harness, takeUntilHeld } from '../../support/tickets-harness';
import { ForgetService } from '../../../src/services/forget-service';
import { withheldMarks } from '../../../src/services/withheld-marks';
import { RedisSendBudget } from '../../../src/queue/send-budget';
import { closeRedis, createRedis } from '../../../src/redis';
import type { Types } from 'mongoose';

jest.setTimeout(30_000);

describe('messages to a reporter who asks to be forgotten meanwhile', () => {
  const env = budgetedWorkers('q-replies-forget');
  let tg: TelegramDouble;
  let h: Harness;
  beforeAll(() => {
    tg = env.tg();
    h = env.h();
  });

  const forgetting = () => new ForgetService({ store: h.store, events: h.bus, logger: h.logger, marks: (language) => withheldMarks(h.translator, language), forget: async () => undefined });

  /** A report of `user` (named unless said), taken by an agent of its own; its "taken" notice has arrived. */
  async function takenReport(user: TelegramUser, reporterId: Types.ObjectId, opts: { anonymous?: boolean } = {}) {
    const { report } = await h.reports.submit({ ...reportInput(reporterId, { language: 'en' }), anonymous: opts.anonymous ?? false });
    const a = agent();
    await takeUntilHeld(h, a, report._id);
    await waitFor(() => user.messages().find((m) => (m.text ?? '').includes('has been taken') && (m.text ?? '').includes(report.reference)), 'the taken notice');
    return { reportId: report._id.toString(), a };
  }

  const reached = (user: TelegramUser, text: string) => tg.calls('sendMessage').filter((c) => c.params.chat_id === user.id && String(c.params.text).includes(text));
  const settled = (messageId: Types.ObjectId) => waitFor(async () => {
    const m = await h.store.messages.findById(messageId);
    return m && m.delivery !== 'pending' ? m : undefined;
  }, 'the message settled', 15_000);
  const linesOf = async (reportId: string, type: string) => (await h.store.reports.history(reportId)).filter((e) => e.type === type);

  it('a reply waiting for its turn to go when the reporter is forgotten never reaches their chat', async () => {
    const user = tg.user({ firstName: 'Achieng', languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const { reportId, a } = await takenReport(user, r._id);
    const redis = createRedis(h.config.redis, 'worker');
    try {
      // A surge: the reply is prepared and waits in the budget for its turn.
      await new RedisSendBudget(redis, h.prefix, { perSecond: 20 }).pause(2000);
      const msg = sentMessage(await h.tickets.reply(reportId, a, 'We are sending a car to Kencom now.'));
      await waitFor(async () => (await redis.zcard(`${h.prefix}:budget:lane:3`)) > 0, 'the reply waiting in the budget');
      // Meanwhile the reporter asks, and is told it is done.
      expect((await forgetting().forget({ telegramUserId: user.id, chatId: user.id })).reports).toBe(1);

      expect((await settled(msg._id)).delivery).toBe('failed');
      expect(reached(user, 'sending a car')).toEqual([]);
      expect((await linesOf(reportId, 'reply_delivered')).filter((e) => e.data?.messageId === msg._id.toString())).toEqual([]);
    } finally {
      await closeRedis(redis);
    }
  });

  it('once the request is recorded (its identity not yet deleted), a message is not sent; the anonymous report gets no history line for it', async () => {
    const user = tg.user({ firstName: 'Achieng', languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const named = await takenReport(user, r._id);
    const anonymous = await takenReport(user, r._id, { anonymous: true });
    // The request's first step (the rest of it still running, or stopped by a crash for retention to finish).
    await h.store.reporters.askedToForget(r._id, new Date());

    const toNamed = sentMessage(await h.tickets.reply(named.reportId, named.a, 'Which stage was it, exactly?'));
    const toAnonymous = sentMessage(await h.tickets.reply(anonymous.reportId, anonymous.a, 'Is the officer still there?'));
    expect((await settled(toNamed._id)).delivery).toBe('failed');
    expect((await settled(toAnonymous._id)).delivery).toBe('failed');
    expect(reached(user, 'Which stage')).toEqual([]);
    expect(reached(user, 'still there')).toEqual([]);
    // Its moment would be the request's, shared with their named report's line.
    expect(await linesOf(named.reportId, 'delivery_failed')).toHaveLength(1);
    expect(await linesOf(anonymous.reportId, 'delivery_failed')).toEqual([]);
  });
});
