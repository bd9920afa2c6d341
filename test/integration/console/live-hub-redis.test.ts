import type { ServerResponse } from 'node:http';
import { closeRedis, createRedis } from '../../../src/redis';
import { RedisEventBus } from '../../../src/queue';
import { LiveHub } from '../../../src/console/live-hub';
import { createLogger } from '../../../src/logger';
import type { MissedWhy } from '../../../src/services/events';
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
let redis: RedisProcess;
let hub: LiveHub | undefined;
const conns: ReturnType<typeof createRedis>[] = [];
// Each test has a Redis of its own, to kill and start again.
beforeEach(async () => {
  redis = await RedisProcess.start('none');
});
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await Promise.all(conns.splice(0).map(closeRedis));
  await redis.destroy();
});

/**
 * Resolves once `c` is connected and ready. The publisher is a producer connection (fail fast: no
 * offline queue), so a PUBLISH sent while it is still connecting or reconnecting is refused at once
 * ("Stream isn't writeable"); it reconnects on its own timer, not the subscriber's.
 */
function ready(c: ReturnType<typeof createRedis>): Promise<void> {
  return c.status === 'ready' ? Promise.resolve() : new Promise((resolve) => c.once('ready', () => resolve()));
}

/** The hub's subscriber and a publisher, as the console and the workers hold them. */
function connect(): { sub: ReturnType<typeof createRedis>; pub: ReturnType<typeof createRedis> } {
  const sub = createRedis(redis.url, 'worker');
  const pub = createRedis(redis.url, 'producer');
  for (const c of [sub, pub]) c.on('error', () => undefined);
  conns.push(sub, pub);
  return { sub, pub };
}

describe('the console\'s live hub while Redis is away', () => {
  it('starts without waiting for Redis, and once it is back ends the open streams so the pages catch up', async () => {
    const { sub, pub } = connect();
    await sub.ping();
    await redis.stop('SIGKILL');

    const warnings: unknown[] = [];
    hub = new LiveHub(new RedisEventBus(pub, sub, 'live-hub-test:live'), 25_000, () => undefined, { subscribeWithinMs: 300, onNotLive: (err) => warnings.push(err ?? 'late') });
    // The hub starts while Redis is away (a restart, a failover): it gives up waiting for its
    // subscription, says so once, and serves pages; Redis comes back only after that.
    await hub.start();
    expect(warnings).toHaveLength(1);
    const page = stream();
    hub.open(page.res, () => true);
    await redis.start();
    // Subscribed now: the stream opened meanwhile missed whatever happened; ended, the page reconnects and refreshes.
    await waitFor(() => page.ended() || undefined, 'the stream opened while Redis was away to be ended', 20_000);
    // The subscriber being back says nothing of the publisher: it may still be reconnecting.
    await ready(pub);
    const next = stream();
    hub.open(next.res, () => true);
    await waitFor(async () => {
      await pub.publish('live-hub-test:live', JSON.stringify({ type: 'queue' }));
      return next.frames.some((f) => f.startsWith('event: queue')) || undefined;
    }, 'a live event on the new stream', 10_000, 200);
  });
});

/**
 * Redis goes away AFTER the hub subscribed: whatever was published meanwhile never reached the
 * hub. Once ioredis has re-subscribed, the open streams are ended (the signal queue.js and
 * ticket.js already refresh on), so no agent's list stays stale without anything saying so.
 */
describe('the console\'s live hub when Redis drops after it subscribed', () => {
  it('tells every open stream to refresh once it is subscribed again, then delivers events as before', async () => {
    const channel = 'live-hub-drop-test:live';
    const { sub, pub } = connect();
    hub = new LiveHub(new RedisEventBus(pub, sub, channel), 25_000);
    await hub.start();
    const queuePage = stream();
    const ticketPage = stream();
    hub.open(queuePage.res, () => true);
    hub.open(ticketPage.res, (e) => e.type === 'ticket' && e.reportId === 'r1');
    // The hub's start waited for the subscriber only; the publisher may still be connecting.
    await ready(pub);
    await waitFor(async () => {
      await pub.publish(channel, JSON.stringify({ type: 'queue' }));
      return queuePage.frames.some((f) => f.startsWith('event: queue')) || undefined;
    }, 'a live event before Redis drops');

    await redis.stop('SIGKILL');
    await waitFor(() => sub.status !== 'ready' || undefined, 'the subscriber to see Redis gone');
    await redis.start();
    // Both pages missed whatever was published while Redis was away: each is told to refresh.
    await waitFor(() => (queuePage.ended() && ticketPage.ended()) || undefined, 'the open streams to be ended once Redis is back', 20_000);
    await ready(pub);

    const next = stream();
    hub.open(next.res, () => true);
    await waitFor(async () => {
      await pub.publish(channel, JSON.stringify({ type: 'ticket', reportId: 'r1', what: 'message' }));
      return next.frames.some((f) => f.startsWith('event: ticket')) || undefined;
    }, 'a live event on a stream opened after Redis came back', 10_000, 200);
    expect(hub.size).toBe(1);
  });
});

/**
 * A live event another process could not publish (its producer connection still connecting, or
 * on a Cluster a PUBLISH sent to a node that had just died; no offline queue: refused at once):
 * the consoles never hear of the change. The publisher says so in its logs, and once a PUBLISH
 * goes through again the open streams are ended, as after a drop, so the pages re-read.
 */
describe('the console\'s live hub when another process could not publish a live event', () => {
  it('ends the open streams once the publisher can say so, and logs the refused publish once at warn', async () => {
    const channel = 'live-hub-unpublished-test:live';
    const { sub, pub } = connect();
    const told: [number, MissedWhy][] = [];
    hub = new LiveHub(new RedisEventBus(pub, sub, channel), 25_000, () => undefined, { onLiveAgain: (streams, why) => told.push([streams, why]) });
    await hub.start();
    const page = stream();
    hub.open(page.res, () => true);

    // The worker's publisher: connecting only on its first command, which it refuses.
    const workerPub = createRedis(redis.url, 'producer', { lazyConnect: true });
    workerPub.on('error', () => undefined);
    conns.push(workerPub);
    const lines: { level: string; msg: string; err?: { message: string } }[] = [];
    const logger = createLogger({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as (typeof lines)[number]) });
    const workerBus = new RedisEventBus(workerPub, null, channel, { logger });
    await workerBus.publish({ type: 'ticket', reportId: 'r1', what: 'message' });
    await workerBus.publish({ type: 'queue' });
    expect(page.frames.some((f) => f.startsWith('event:'))).toBe(false);
    expect(lines.map((l) => [l.level, l.msg, typeof l.err?.message])).toEqual([['warn', 'live update not published; open console pages are told to refresh once Redis takes it', 'string']]);

    await waitFor(() => page.ended() || undefined, 'the open stream to be ended once the publisher can say it missed an event');
    expect(told).toEqual([[1, 'unpublished']]);
  });
});
