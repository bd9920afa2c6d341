/**
 * Telegram allows about 20 messages a minute into one group: a 429 on the supervisors' group is
 * that group's own limit. It holds the group's alerts for retry_after, never the replies to
 * reporters nor the bot's answers (the shared budget), as a 429 for one reporter's chat does.
 */
import type { TelegramDouble, TelegramUser } from '../../support/telegram';
import { agent, reporter, reportInput, sentMessage, waitFor, type Harness, takeUntilHeld, withSupervisorsGroup } from '../../support/tickets-harness';
import type { AgentRef } from '../../../src/services/ticket-actions';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { redisKeys, type RedisKeys } from '../../../src/redis-keys';
import { closeRedis, createRedis } from '../../../src/redis';
import type { ReplyJobData } from '../../../src/queue/types';

jest.setTimeout(30_000);

/** A minute: the test ends the group's wait itself, once it has seen what goes meanwhile and what waits. */
const RETRY_AFTER_S = 60;

describe.each([
  ['with the shared budget', 20],
  ['without the shared budget', undefined],
])('a 429 on the supervisors\' group (%s)', (_name, budgetPerSecond) => {
  let tg: TelegramDouble;
  let group: TelegramUser;
  let h: Harness;
  let redis: Redis;
  let keys: RedisKeys;
  const a: AgentRef = agent();
  beforeAll(async () => {
    ({ tg, group, h } = await withSupervisorsGroup(budgetPerSecond ? 'q-grp-flood-b' : 'q-grp-flood', { relay: { intervalMs: 200 }, replies: { backoffMs: 200 } }, budgetPerSecond));
    redis = createRedis(h.config.redis, 'worker');
    keys = redisKeys(h.config.redis.prefix);
  });
  afterAll(async () => {
    await closeRedis(redis);
    await h.close();
    await tg.stop();
  });

  const callsTo = (chatId: number) => tg.calls('sendMessage').filter((c) => c.params.chat_id === chatId);
  /** The courier parked for the group's wait (its data says until when). */
  const parkedCourier = () =>
    waitFor(async () => {
      const id = await redis.get(keys.alertsCourier);
      const job = id ? await h.queues.replies.queue.getJob(id) : undefined;
      return job && (await job.isDelayed()) ? job : undefined;
    }, 'the courier parked for the group\'s wait');
  /** The group's retry_after runs out now (the test decides when, not the clock): its gate and slots free, its courier due. */
  async function groupWaitOver(courier: Job<ReplyJobData>): Promise<void> {
    await redis.del(keys.chatSent('supervisors'), keys.chatPace('supervisors'), keys.budgetChat('supervisors'));
    await courier.promote();
  }

  it('holds only the group for retry_after: a reply to a reporter goes at once, and the alert follows the wait', async () => {
    const user = tg.user({ firstName: 'Njeri', languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const { report } = await h.reports.submit(reportInput(r._id, { language: 'en' }));
    await takeUntilHeld(h, a, report._id);
    await waitFor(() => user.messages().find((m) => (m.text ?? '').includes('has been taken')), 'the taken notice');

    // Another ticket waits too long: its alert meets the group's flood wait.
    tg.failNext('sendMessage', { chatId: group.id, errorCode: 429, retryAfter: RETRY_AFTER_S });
    const raised = (await h.reports.submit(reportInput((await reporter(h.store))._id))).report;
    expect(await h.store.reports.escalate(raised._id, 2, { escalations: 0 })).not.toBeNull();
    await h.queues.replies.notifySupervisors(raised._id.toString(), 1);
    const refused = await waitFor(() => callsTo(group.id).find((c) => c.errorCode === 429), 'the group refused with 429');

    sentMessage(await h.tickets.reply(report._id.toString(), a, 'We are on it'));
    const reply = await waitFor(() => callsTo(user.id).find((c) => c.ok && String(c.params.text).includes('We are on it')), 'the reply to the reporter', 15_000);
    // Not held for the group's retry_after (its chat's own second apart from the notice at most),
    // which still holds the group: nothing has reached it.
    expect(reply.at - refused.at).toBeLessThan(2500);
    expect(callsTo(group.id).some((c) => c.ok)).toBe(false);

    // The alert waits out retry_after: its courier parked until then, and the group's gate closed
    // until then to any other courier.
    const courier = await parkedCourier();
    const heldUntil = refused.at + RETRY_AFTER_S * 1000 - 50;
    expect(courier.data.slot?.at).toBeGreaterThanOrEqual(heldUntil);
    expect(Number(await redis.get(keys.chatSent('supervisors')))).toBeGreaterThanOrEqual(heldUntil);
    const waitEnded = Date.now();
    await groupWaitOver(courier);
    const alert = await waitFor(() => callsTo(group.id).find((c) => c.ok && String(c.params.text).includes(raised.reference)), 'the alert after the wait');
    expect(alert.at).toBeGreaterThanOrEqual(waitEnded);
    // Told once.
    expect(callsTo(group.id).filter((c) => c.ok && String(c.params.text).includes(raised.reference))).toHaveLength(1);
  });
});
