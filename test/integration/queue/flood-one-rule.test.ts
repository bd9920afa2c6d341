/**
 * Telegram's 429 does not say whose limit it was. The bot's answers (the shared budget) and the
 * replies worker (its own per-chat gate) must read it by one rule: one chat waiting out a flood
 * wait of its own holds only that chat, whichever of them Telegram refused.
 */
import { Telegram } from 'telegraf';
import type { Redis } from 'ioredis';
import { sendPaced, type SendBudget } from '../../../src/lib/send-budget';
import { RedisSendBudget } from '../../../src/queue/send-budget';
import { closeRedis, createRedis } from '../../../src/redis';
import { redisReady } from '../../support/redis';
import type { TelegramDouble, TelegramUser } from '../../support/telegram';
import { agent, reporter, reportInput, sentMessage, waitFor, type Harness, takeUntilHeld, workersWithDouble } from '../../support/tickets-harness';
import type { AgentRef } from '../../../src/services/ticket-actions';

jest.setTimeout(30_000);

const RETRY_AFTER_S = 4;

describe('one rule for a 429, in the bot\'s answers and the replies worker', () => {
  let tg: TelegramDouble;
  let h: Harness;
  let redis: Redis;
  let budget: RedisSendBudget;
  let telegram: Telegram;
  const a: AgentRef = agent();
  const env = workersWithDouble('q-flood-rule', { budgetPerSecond: 20 });
  beforeAll(async () => {
    tg = env.tg();
    h = env.h();
    // Another process's view of the same budget, as the bot role has it.
    redis = createRedis(h.config.redis, 'producer');
    budget = new RedisSendBudget(redis, h.prefix, { perSecond: 20 });
    telegram = new Telegram(tg.token, { apiRoot: tg.apiRoot });
    await redisReady(redis);
  });
  afterAll(() => closeRedis(redis));

  /**
   * An answer of the bot to this chat, as src/bot/transport.ts sends it (lane and chat key
   * included); `onHeld` is told when the budget holds it for a wait of a second or more.
   */
  const botAnswer = (user: TelegramUser, text: string, onHeld?: () => void) => {
    const seen: SendBudget = {
      take: async (req) => {
        const grant = await budget.take(req);
        if (grant.waitMs >= 1000) onHeld?.();
        return grant;
      },
      pause: (ms, chat) => budget.pause(ms, chat),
      leave: (req) => budget.leave(req),
      tellOnce: (chat, ttl) => budget.tellOnce(chat, ttl),
    };
    return sendPaced(seen, { lane: 'report', chat: h.store.cipher.keyedHash('send-budget', String(user.id)) }, () => telegram.sendMessage(user.id, text));
  };
  const callsTo = (user: TelegramUser) => tg.calls('sendMessage').filter((c) => c.params.chat_id === user.id);

  it('a reporter whose chat waits out its own flood wait holds nobody else: another reporter mid-report is answered at once', async () => {
    const flooded = tg.user({ firstName: 'Otieno', languageCode: 'en' });
    const other = tg.user({ firstName: 'Wairimu', languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: flooded.id, language: 'en' });
    const { report } = await h.reports.submit(reportInput(r._id, { language: 'en' }));
    await takeUntilHeld(h, a, report._id);
    await waitFor(() => flooded.messages().find((m) => (m.text ?? '').includes('has been taken')), 'the taken notice');

    // Telegram holds this one chat: the worker's reply is refused first...
    tg.failNext('sendMessage', { chatId: flooded.id, errorCode: 429, retryAfter: RETRY_AFTER_S, forMs: RETRY_AFTER_S * 1000 });
    sentMessage(await h.tickets.reply(report._id.toString(), a, 'Are you still at the station?'));
    const first = await waitFor(() => callsTo(flooded).find((c) => c.errorCode === 429), 'the worker refused');
    // ...then the bot answers the same reporter (they wrote meanwhile): it waits (refused, or held before sending).
    let held = false;
    let floodedAnswered = false;
    const answered = botAnswer(flooded, 'Sent to Ripoti staff', () => (held = true)).then(() => (floodedAnswered = true));
    await waitFor(() => held, 'the bot\'s answer to the flooded chat held');

    // Someone else mid-report: their next question is sent while the flooded chat still waits out
    // its flood wait (ordered by the wait itself, not by a clock the machine's load can stretch).
    await botAnswer(other, 'Which county did it happen in?');
    expect(floodedAnswered).toBe(false);
    const otherCall = callsTo(other).find((c) => c.ok);
    expect(otherCall && otherCall.at - first.at).toBeLessThan(RETRY_AFTER_S * 1000);

    await answered;
    await waitFor(() => flooded.messages().some((m) => (m.text ?? '').includes('Are you still at the station?')), 'the reply after the wait', 15_000);
    for (const c of callsTo(flooded).filter((x) => x.ok && x.at > first.at)) expect(c.at - first.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
    expect(callsTo(flooded).filter((c) => c.ok && c.params.text === 'Sent to Ripoti staff')).toHaveLength(1);
  });
});
