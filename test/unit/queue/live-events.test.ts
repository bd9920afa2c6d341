import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { RedisEventBus } from '../../../src/queue/live-events';

/** A subscriber connection as the bus sees it: events, and SUBSCRIBE answering when told to. */
class FakeConn extends EventEmitter {
  subscribes = 0;
  fail = false;
  subscribe(): Promise<number> {
    this.subscribes++;
    return this.fail ? Promise.reject(new Error('Connection is closed.')) : Promise.resolve(1);
  }
}

/** An ioredis Cluster as the bus sees it: SUBSCRIBE goes over the node connection its ClusterSubscriber holds. */
class FakeCluster extends FakeConn {
  readonly isCluster = true;
  node: FakeConn | null = new FakeConn();
  readonly subscriber = { getInstance: () => this.node };
  override subscribe(): Promise<number> {
    this.subscribes++;
    return this.node ? this.node.subscribe() : Promise.reject(new Error('No subscriber for the cluster'));
  }
  /** The node dies: ioredis picks the next node in its own 'end' listener, before anyone else hears. */
  nodeDies(next: FakeConn | null): void {
    const old = this.node;
    this.node = next;
    old?.emit('end');
  }
}

const pub = { publish: () => Promise.resolve(0) } as unknown as Redis;
const flush = () => new Promise((r) => setImmediate(r));

async function busOn(sub: FakeConn): Promise<{ missed: () => number }> {
  let missed = 0;
  await new RedisEventBus(pub, sub as unknown as Redis, 'c').subscribe(() => undefined, () => missed++);
  return { missed: () => missed };
}

describe('RedisEventBus: telling the console it missed live events', () => {
  it('a first ready (no drop before it) tells nobody', async () => {
    const sub = new FakeConn();
    const { missed } = await busOn(sub);
    sub.emit('ready');
    await flush();
    expect(missed()).toBe(0);
  });

  it('one Redis: a drop then ready tells once, after the channel is subscribed again', async () => {
    const sub = new FakeConn();
    const { missed } = await busOn(sub);
    sub.emit('close');
    sub.emit('ready');
    sub.emit('ready');
    await flush();
    expect([missed(), sub.subscribes]).toEqual([1, 2]);
  });

  it('a Cluster whose subscribing node dies (the Cluster client itself stays ready) tells once it holds on the next node', async () => {
    const sub = new FakeCluster();
    const { missed } = await busOn(sub);
    const next = new FakeConn();
    sub.nodeDies(next);
    await flush();
    expect([missed(), next.subscribes]).toEqual([1, 1]);
    // And again on the node after that: each connection is followed.
    sub.nodeDies(new FakeConn());
    await flush();
    expect(missed()).toBe(2);
  });

  it('a Cluster that lands on a dead node first keeps going, and tells once', async () => {
    const sub = new FakeCluster();
    const { missed } = await busOn(sub);
    const dead = new FakeConn();
    dead.fail = true;
    sub.nodeDies(dead);
    await flush();
    expect(missed()).toBe(0);
    sub.nodeDies(new FakeConn());
    await flush();
    expect(missed()).toBe(1);
  });

  it('a whole Cluster going and coming back (its close, its node\'s end, its ready) tells once', async () => {
    const sub = new FakeCluster();
    const { missed } = await busOn(sub);
    sub.emit('close');
    sub.nodeDies(null);
    await flush();
    expect(missed()).toBe(0);
    sub.node = new FakeConn();
    sub.emit('ready');
    await flush();
    expect(missed()).toBe(1);
  });
});

/**
 * Redis as far as PUBLISH goes: what one bus publishes reaches every subscribed connection,
 * unless the next PUBLISH is told to fail (on a Cluster: it went to a node that just died).
 */
class FakeRedis {
  readonly subs: FakeConn[] = [];
  failNext = 0;
  publishes = 0;
  readonly pub = {
    publish: (channel: string, raw: string): Promise<number> => {
      this.publishes++;
      if (this.failNext > 0) {
        this.failNext--;
        return Promise.reject(new Error('Connection is closed.'));
      }
      for (const s of this.subs) s.emit('message', channel, raw);
      return Promise.resolve(this.subs.length);
    },
  } as unknown as Redis;
}

/** A logger that keeps what was said at warn and info. */
function logs(): { logger: import('../../../src/logger').Logger; warns: [Record<string, unknown>, string][] } {
  const warns: [Record<string, unknown>, string][] = [];
  const logger = { warn: (o: Record<string, unknown>, msg: string) => warns.push([o, msg]), info: () => undefined, debug: () => undefined } as unknown as import('../../../src/logger').Logger;
  return { logger, warns };
}

/** A console's bus on `redis`: the events it hands on, how often it was told it missed some, and the first such time. */
async function consoleOn(redis: FakeRedis): Promise<{ seen: string[]; missed: () => number; told: Promise<void> }> {
  const sub = new FakeConn();
  redis.subs.push(sub);
  const seen: string[] = [];
  let missed = 0;
  let tell = () => undefined as void;
  const told = new Promise<void>((resolve) => (tell = resolve));
  await new RedisEventBus(redis.pub, sub as unknown as Redis, 'c').subscribe(
    (e) => seen.push(e.type),
    () => {
      missed++;
      tell();
    },
  );
  return { seen, missed: () => missed, told };
}

describe('RedisEventBus: a live event that could not be published', () => {
  it('says so at warn and tells the consoles (another process) to re-read, with no further event', async () => {
    const redis = new FakeRedis();
    const { seen, missed, told } = await consoleOn(redis);
    const { logger, warns } = logs();
    const workerBus = new RedisEventBus(redis.pub, null, 'c', { logger, retryMs: 5 });

    redis.failNext = 1;
    await workerBus.publish({ type: 'ticket', reportId: 'r1', what: 'message' });
    await told;
    expect(missed()).toBe(1);
    expect(seen).toEqual([]);
    expect(warns).toHaveLength(1);
    expect(warns[0][0].err).toBeInstanceOf(Error);
    // Which event it was stays out of the logs with the rest (ids only, but no need for them).
    expect(JSON.stringify(warns[0][0])).not.toContain('r1');

    // The next event travels as before, and nobody is told to re-read again.
    await workerBus.publish({ type: 'queue' });
    expect([seen, missed()]).toEqual([['queue'], 1]);
  });

  it('a run of failures says so once, and the consoles re-read once it publishes again', async () => {
    const redis = new FakeRedis();
    const { missed, told } = await consoleOn(redis);
    const { logger, warns } = logs();
    const workerBus = new RedisEventBus(redis.pub, null, 'c', { logger, retryMs: 5 });

    // Two events refused, then the first two tries to tell the consoles.
    redis.failNext = 4;
    await workerBus.publish({ type: 'queue' });
    await workerBus.publish({ type: 'queue' });
    await told;
    expect([missed(), warns.length, redis.failNext]).toEqual([1, 1, 0]);
  });
});
