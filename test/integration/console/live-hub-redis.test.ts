import type { ServerResponse } from 'node:http';
import { closeRedis, createRedis } from '../../../src/redis';
import { RedisEventBus } from '../../../src/queue';
import { LiveHub } from '../../../src/console/live-hub';
import { RedisProcess } from '../../support/redis-process';
import { waitFor } from '../../support/tickets-harness';

jest.setTimeout(60_000);

/** A browser's event stream, as the hub writes to it. */
function stream(): { res: ServerResponse; frames: string[]; ended: () => boolean } {
  const frames: string[] = [];
  let ended = false;
  const res = { writeHead: () => res, write: (s: string) => frames.push(s) > 0, end: () => void (ended = true), on: () => res };
  return { res: res as unknown as ServerResponse, frames, ended: () => ended };
}

/**
 * Redis goes away after the console's start-up check, before its live hub subscribes: the console
 * still starts (its pages read MongoDB), and once Redis is back the open streams are ended so the
 * pages reconnect and catch up on what they missed (queue.js and ticket.js refresh on a reconnect).
 */
describe('the console\'s live hub while Redis is away', () => {
  let redis: RedisProcess;
  let hub: LiveHub | undefined;
  const conns: ReturnType<typeof createRedis>[] = [];
  beforeAll(async () => {
    redis = await RedisProcess.start('none');
  });
  afterAll(async () => {
    await hub?.stop();
    await Promise.all(conns.map(closeRedis));
    await redis.destroy();
  });

  it('starts without waiting for Redis, and once it is back ends the open streams so the pages catch up', async () => {
    const sub = createRedis(redis.url, 'worker');
    const pub = createRedis(redis.url, 'producer');
    for (const c of [sub, pub]) c.on('error', () => undefined);
    conns.push(sub, pub);
    await sub.ping();
    await redis.stop('SIGKILL');

    const warnings: unknown[] = [];
    hub = new LiveHub(new RedisEventBus(pub, sub, 'live-hub-test:live'), 25_000, () => undefined, { subscribeWithinMs: 300, onNotLive: (err) => warnings.push(err ?? 'late') });
    let redisBack = false;
    const started = hub.start().then(() => (redisBack ? 'after Redis came back' : 'while Redis was away'));
    // Redis stays away for a while (a restart, a failover), then comes back.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const page = stream();
    hub.open(page.res, () => true);
    redisBack = true;
    await redis.start();
    expect(await started).toBe('while Redis was away');
    expect(warnings).toHaveLength(1);
    // Subscribed now: the stream opened meanwhile missed whatever happened; ended, the page reconnects and refreshes.
    await waitFor(() => page.ended() || undefined, 'the stream opened while Redis was away to be ended', 20_000);
    const next = stream();
    hub.open(next.res, () => true);
    await waitFor(async () => {
      await pub.publish('live-hub-test:live', JSON.stringify({ type: 'queue' }));
      return next.frames.some((f) => f.startsWith('event: queue')) || undefined;
    }, 'a live event on the new stream', 10_000, 200);
  });
});
