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
