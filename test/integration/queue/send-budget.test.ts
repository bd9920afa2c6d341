/** The shared outgoing budget in Redis (src/queue/send-budget.ts): lanes, pauses, chats. */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sendPaced, type SendLane } from '../../../src/lib/send-budget';
import { RedisSendBudget } from '../../../src/queue/send-budget';
import { connectTestRedis } from '../../support/redis';

let r: Awaited<ReturnType<typeof connectTestRedis>>;
let budget: RedisSendBudget;
let redis: Redis;

beforeEach(async () => {
  r = await connectTestRedis('send_budget');
  redis = r.redis;
  budget = new RedisSendBudget(redis, r.prefix, { perSecond: 10 });
});
afterEach(async () => {
  await r.cleanup();
});

describe('RedisSendBudget', () => {
  it('serves someone in danger before people mid-report, and those before agent replies, whatever the order they asked in', async () => {
    // Hold the budget so that everyone below has to wait in line.
    await budget.pause(300);
    const order: string[] = [];
    const ask = (name: string, lane: SendLane) => sendPaced(budget, { lane }, async () => void order.push(name));
    await Promise.all([ask('reply', 'other'), ask('report-1', 'report'), ask('report-2', 'report'), ask('danger', 'urgent')]);
    expect(order[0]).toBe('danger');
    expect(order.slice(1, 3).sort()).toEqual(['report-1', 'report-2']);
    expect(order[3]).toBe('reply');
  });

  it('keeps the overall rate: 10 per second means sends at least about 100 ms apart', async () => {
    const at: number[] = [];
    await Promise.all(Array.from({ length: 6 }, () => sendPaced(budget, { lane: 'report' }, async () => void at.push(Date.now()))));
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // Redis' clock decides; local timers may see a gap a few ms short of it.
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(90);
  });

  it('paces one chat after its burst without holding back another chat', async () => {
    const chat = randomUUID();
    // Three back to back (each waits only for the overall spacing), then the chat must rest.
    for (let i = 0; i < 3; i++) await sendPaced(budget, { lane: 'report', chat }, async () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const fourth = await budget.take({ id: randomUUID(), lane: 'report', since: 0, chat });
    expect(fourth.waitMs).toBeGreaterThan(500);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await budget.take({ id: randomUUID(), lane: 'report', since: 0, chat: randomUUID() })).waitMs).toBe(0);
  });

  it('sends a call refused with 429 again once retry_after has passed, and never a successful one twice', async () => {
    let calls = 0;
    const started = Date.now();
    const result = await sendPaced(budget, { lane: 'report' }, async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('429: Too Many Requests: retry after 1'), { code: 429, parameters: { retry_after: 1 } });
      return 'sent';
    });
    expect(result).toBe('sent');
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('forgets a waiter whose process died, so it does not hold back lower lanes', async () => {
    await budget.pause(50);
    const ghost = await budget.take({ id: 'ghost', lane: 'urgent', since: 0 });
    expect(ghost.waitMs).toBeGreaterThan(0);
    // The ghost never asks again; the grace (5 s) ends and the reply goes.
    const started = Date.now();
    await sendPaced(budget, { lane: 'other' }, async () => undefined);
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(await redis.zcard(`${r.prefix}:budget:lane:0`)).toBe(0);
  });
});
