/**
 * The supervisors' group takes about 20 messages a minute; a surge raises hundreds of tickets a
 * minute. Alerts raised together reach the group as one digest per turn (src/queue/supervisor-
 * alerts.ts), every raised ticket counted once, most urgent first; a failed send loses none.
 */
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { reporter, reportInput, waitFor, withSupervisorsGroup, type Harness } from '../../support/tickets-harness';
import type { Priority } from '../../../src/domain';
import type { Redis } from 'ioredis';
import { redisKeys, type RedisKeys } from '../../../src/redis-keys';
import { closeRedis, createRedis } from '../../../src/redis';

jest.setTimeout(30_000);

const PRIORITY_RANK: Record<string, number> = { 'Danger now': 1, High: 2, Normal: 3, Low: 4 };

/** What the group was told: each message's references and how many tickets it covered. */
function told(group: TelegramUser): { references: string[]; covered: number; ranks: number[] }[] {
  return group.messages().map((m) => {
    const text = m.text ?? '';
    const digest = /^(\d+) tickets were not taken in time/.exec(text);
    const references = [...text.matchAll(/R-[2-9A-Z]{4}-[2-9A-Z]{4}/g)].map((x) => x[0]);
    const ranks = [...text.matchAll(/R-[2-9A-Z]{4}-[2-9A-Z]{4}: ([A-Za-z ]+) \(/g)].map((x) => PRIORITY_RANK[x[1]] ?? 0);
    return { references, covered: digest ? Number(digest[1]) : 1, ranks };
  });
}

describe('supervisors\' alerts in a surge', () => {
  let tg: TelegramDouble;
  let group: TelegramUser;
  let h: Harness;
  let redis: Redis;
  let keys: RedisKeys;
  beforeAll(async () => {
    // The group's pace (3 s between messages in production) is 100 ms here: waits on it were most
    // of each test's 10 s, and on a loaded machine its work no longer fitted in what was left.
    ({ tg, group, h } = await withSupervisorsGroup('q-sup-digest', { replies: { groupIntervalMs: 100, supervisorsEveryMs: 300, backoffMs: 50 } }));
    redis = createRedis(h.config.redis, 'worker');
    keys = redisKeys(h.config.redis.prefix);
  });
  afterAll(async () => {
    await closeRedis(redis);
    await h.close();
    await tg.stop();
  });

  /** As after a message just sent to the group: its next turn is a minute away, so a courier parks until `groupTurnNow`. */
  async function groupTurnLater(): Promise<void> {
    const [seconds, micros] = await redis.time();
    const nextTurn = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + 60_000;
    await redis.set(keys.chatPace('supervisors'), String(nextTurn), 'PX', 120_000);
  }

  /** The group's turn comes now: the courier parked for it goes at once (the test decides when, not the clock). */
  async function groupTurnNow(): Promise<void> {
    await redis.del(keys.chatPace('supervisors'));
    const courier = await waitFor(async () => {
      const id = await redis.get(keys.alertsCourier);
      const job = id ? await h.queues.replies.queue.getJob(id) : undefined;
      return job && (await job.isDelayed()) ? job : undefined;
    }, 'the courier parked for the group\'s turn');
    await courier.promote();
  }

  /** `n` waiting tickets raised once (the first `urgent` to danger-now), their alerts queued together. */
  async function raise(n: number, urgent = 0): Promise<string[]> {
    const r = await reporter(h.store);
    const references: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_bribery' }));
      const to: Priority = i < urgent ? 1 : 2;
      expect(await h.store.reports.escalate(report._id, to, { escalations: 0 })).not.toBeNull();
      references.push(report.reference);
      ids.push(report._id.toString());
    }
    await Promise.all(ids.map((id) => h.queues.replies.notifySupervisors(id, 1)));
    return references;
  }

  it('thirty raised while the group waits for its turn reach it in one message, each ticket counted once, most urgent first', async () => {
    await groupTurnLater();
    const references = await raise(30, 3);
    await waitFor(async () => (await redis.zcard(keys.alertsPending)) === 30, 'the thirty alerts pending');
    await groupTurnNow();
    await waitFor(() => told(group).reduce((sum, m) => sum + m.covered, 0) >= 30, 'every alert told');
    const messages = told(group);
    // Not 30 messages at the group's pace: one, the digest.
    expect(messages.length).toBe(1);
    expect(messages.reduce((sum, m) => sum + m.covered, 0)).toBe(30);
    const listed = messages.flatMap((m) => m.references);
    expect(new Set(listed).size).toBe(listed.length);
    for (const ref of listed) expect(references).toContain(ref);
    for (const m of messages) expect(m.ranks).toEqual([...m.ranks].sort((a, b) => a - b));
    // Nothing left pending once told.
    await waitFor(async () => (await redis.zcard(keys.alertsPending)) === 0, 'the pending set emptied');
  });

  it('a courier whose own ticket was taken while it waited for the group\'s turn still carries the others', async () => {
    await groupTurnLater();
    const r = await reporter(h.store);
    const a = (await h.reports.submit(reportInput(r._id))).report;
    await h.store.reports.escalate(a._id, 2, { escalations: 0 });
    await h.queues.replies.notifySupervisors(a._id.toString(), 1);
    await waitFor(async () => (await h.queues.replies.queue.getJobState(`sup-${a._id.toString()}-1`)) === 'delayed', 'the courier parked for the group\'s turn');
    expect(await h.store.reports.transition(a._id, 'assigned', { kind: 'agent', agentId: r._id.toString() }, { assignee: r._id.toString() })).not.toBeNull();
    const [b] = await raise(1);
    await waitFor(async () => (await redis.zcard(keys.alertsPending)) === 2, 'the other alert pending beside the taken one');
    await groupTurnNow();
    await waitFor(() => group.messages().some((m) => m.text?.includes(b)), 'the other alert');
    expect(group.messages().some((m) => m.text?.includes(a.reference))).toBe(false);
  });

  it('alerts left with no courier (one that died) go out without waiting for another escalation', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    await h.store.reports.escalate(report._id, 2, { escalations: 0 });
    // What a courier that died leaves once its lease ran out: the alert pending, no courier.
    await redis.zadd(keys.alertsPending, 2e13 + Date.now(), `${report._id.toString()}:1`);
    await waitFor(() => group.messages().some((m) => m.text?.includes(report.reference)), 'the orphaned alert sent');
  });

  it('a failed send keeps the alerts for the retry: none lost, none doubled', async () => {
    const before = group.messages().length;
    tg.failNext('sendMessage', { errorCode: 500, description: 'Internal Server Error' });
    const references = await raise(4);
    await waitFor(() => told(group).slice(before).reduce((sum, m) => sum + m.covered, 0) >= 4, 'the four alerts told after the failure');
    const after = told(group).slice(before);
    expect(after.reduce((sum, m) => sum + m.covered, 0)).toBe(4);
    expect(new Set(after.flatMap((m) => m.references))).toEqual(new Set(references));
  });

  // Last: it leaves the alert pending behind a courier 10 minutes away.
  it('a group that refuses the bot is tried again in 10 minutes, not every 30 s, and the alert stays pending', async () => {
    tg.failNext('sendMessage', { errorCode: 403, description: 'Forbidden: bot was kicked from the group chat' });
    const before = group.messages().length;
    const [ref] = await raise(1);
    const next = await waitFor(async () => {
      const delayed = await h.queues.replies.queue.getJobs(['delayed']);
      return delayed.find((j) => String(j.id).startsWith('sup-next-') && j.opts.delay !== undefined && j.opts.delay >= 9 * 60_000);
    }, 'the next courier, 10 minutes away');
    expect(next.data).toEqual({ kind: 'supervisors' });
    expect(await redis.zcard(keys.alertsPending)).toBe(1);
    expect(group.messages().slice(before).some((m) => m.text?.includes(ref))).toBe(false);
  });
});
