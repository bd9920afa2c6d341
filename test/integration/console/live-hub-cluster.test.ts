import type { ServerResponse } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { closeRedis, createRedis } from '../../../src/redis';
import { RedisEventBus } from '../../../src/queue';
import { LiveHub } from '../../../src/console/live-hub';
import { RedisClusterSet } from '../../support/redis-ha';
import { TEST_REDIS_CLUSTER } from '../../support/redis';
import { waitFor } from '../../support/tickets-harness';

jest.setTimeout(90_000);

const run = promisify(execFile);

/** A browser's event stream, as the hub writes to it. */
function stream(): { res: ServerResponse; frames: string[]; ended: () => boolean } {
  const frames: string[] = [];
  let ended = false;
  const res = { writeHead: () => res, write: (s: string) => frames.push(s) > 0, end: () => void (ended = true), on: () => res };
  return { res: res as unknown as ServerResponse, frames, ended: () => ended };
}

/** The cluster nodes on which `channel` has a subscriber (PUBSUB CHANNELS is local to a node). */
async function subscribedOn(cluster: RedisClusterSet, channel: string): Promise<RedisClusterSet['nodes']> {
  const held = await Promise.all(
    cluster.nodes.map(async (n) => {
      const out = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(n.port), 'pubsub', 'channels', channel], { timeout: 5000 }).catch(() => ({ stdout: '' }));
      return out.stdout.trim() === channel;
    }),
  );
  return cluster.nodes.filter((_, i) => held[i]);
}

// Cluster-only (`npm run test:ha` runs it with RIPOTI_TEST_REDIS=cluster). It starts its own
// cluster: it kills a node, which the other files sharing the test cluster must not see.
const onCluster = TEST_REDIS_CLUSTER ? describe : describe.skip;

/**
 * A Cluster of the describe's own (started before its test, stopped after) and the hub's
 * subscriber and publisher on it, as the console and the workers hold them.
 */
function ownCluster(primaries: number, replicasEach = 0) {
  const own = { cluster: undefined as unknown as RedisClusterSet, hub: undefined as LiveHub | undefined, conns: [] as ReturnType<typeof createRedis>[] };
  beforeAll(async () => {
    own.cluster = await RedisClusterSet.start(primaries, replicasEach);
  });
  afterAll(async () => {
    await own.hub?.stop();
    await Promise.all(own.conns.map(closeRedis));
    await own.cluster?.destroy();
  });
  const connect = (seeds: RedisClusterSet['nodes']) => {
    const target = { url: 'redis://127.0.0.1:6379', clusterNodes: seeds.map((n) => ({ host: '127.0.0.1', port: n.port })) };
    const sub = createRedis(target, 'worker');
    const pub = createRedis(target, 'producer');
    for (const c of [sub, pub]) c.on('error', () => undefined);
    own.conns.push(sub, pub);
    return { sub, pub };
  };
  return { own, connect };
}

/**
 * On a Cluster the subscriber is ioredis's own connection to one node, which it moves to another
 * node when that one dies: the Cluster client itself stays 'ready' and emits no 'close'. Whatever
 * was published in between never reached the hub, so the open streams must still be ended.
 */
onCluster('the console\'s live hub on a Redis Cluster when the subscribing node drops', () => {
  const { own, connect } = ownCluster(3);

  it('tells every open stream to refresh once it is subscribed on a node again, then delivers events as before', async () => {
    const channel = '{live-hub-cluster-test}:live';
    const { cluster } = own;
    const { sub, pub } = connect(cluster.nodes);
    // Started as the console starts: the first connection is no drop, and ends no stream.
    const hub = (own.hub = new LiveHub(new RedisEventBus(pub, sub, channel), 25_000));
    await hub.start();
    const queuePage = stream();
    const ticketPage = stream();
    hub.open(queuePage.res, () => true);
    hub.open(ticketPage.res, (e) => e.type === 'ticket' && e.reportId === 'r1');
    await waitFor(async () => {
      await pub.publish(channel, JSON.stringify({ type: 'queue' })).catch(() => 0);
      return queuePage.frames.some((f) => f.startsWith('event: queue')) || undefined;
    }, 'a live event before the node drops', 10_000, 200);
    expect([queuePage.ended(), ticketPage.ended()]).toEqual([false, false]);

    const [holder] = await waitFor(async () => {
      const nodes = await subscribedOn(cluster, channel);
      return nodes.length === 1 ? nodes : undefined;
    }, 'the one node holding the subscription');
    await holder.stop('SIGKILL');
    // ioredis subscribes again on another node (the Cluster client stays 'ready' throughout).
    await waitFor(async () => (await subscribedOn(cluster, channel)).length === 1 || undefined, 'the subscription to move to another node', 20_000, 100);
    // Both pages missed whatever was published while no node held the subscription: each is told to refresh.
    await waitFor(() => (queuePage.ended() && ticketPage.ended()) || undefined, 'the open streams to be ended once subscribed again', 20_000);
    await holder.start();

    const next = stream();
    hub.open(next.res, () => true);
    await waitFor(async () => {
      await pub.publish(channel, JSON.stringify({ type: 'ticket', reportId: 'r1', what: 'message' })).catch(() => 0);
      return next.frames.some((f) => f.startsWith('event: ticket')) || undefined;
    }, 'a live event on a stream opened after the subscription moved', 10_000, 200);
    expect(hub.size).toBe(1);
  });
});

async function role(port: number): Promise<string> {
  const out = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'role'], { timeout: 5000 }).catch(() => ({ stdout: '' }));
  return out.stdout.split('\n')[0]?.trim() ?? '';
}

/**
 * A failover: the primary holding the subscription dies and its replica takes its slots over.
 * ioredis's subscriber connection ends with the primary, as above, whatever the cluster does next.
 */
onCluster('the console\'s live hub on a Redis Cluster when the subscribing primary fails over to its replica', () => {
  const { own, connect } = ownCluster(3, 1);

  it('tells every open stream to refresh once subscribed again, and delivers events after the failover', async () => {
    const channel = '{live-hub-failover-test}:live';
    const { cluster } = own;
    const roles = await Promise.all(cluster.nodes.map((n) => role(n.port)));
    const primaries = cluster.nodes.filter((_, i) => roles[i] === 'master');
    const replicas = cluster.nodes.filter((_, i) => roles[i] === 'slave');
    expect([primaries.length, replicas.length]).toEqual([3, 3]);
    // Seeded with the primaries only: ioredis's first subscriber connection goes to one of its seeds.
    const { sub, pub } = connect(primaries);
    const hub = (own.hub = new LiveHub(new RedisEventBus(pub, sub, channel), 25_000));
    await hub.start();
    const page = stream();
    hub.open(page.res, () => true);
    await waitFor(async () => {
      await pub.publish(channel, JSON.stringify({ type: 'queue' })).catch(() => 0);
      return page.frames.some((f) => f.startsWith('event: queue')) || undefined;
    }, 'a live event before the failover', 10_000, 200);

    const [holder] = await waitFor(async () => {
      const nodes = await subscribedOn(cluster, channel);
      return nodes.length === 1 ? nodes : undefined;
    }, 'the one node holding the subscription');
    expect(primaries).toContain(holder);
    await holder.stop('SIGKILL');
    await waitFor(async () => (await Promise.all(replicas.map((r) => role(r.port)))).includes('master') || undefined, 'a replica to take over from the dead primary', 30_000, 200);
    await waitFor(() => page.ended() || undefined, 'the open stream to be ended once subscribed again', 20_000);
    await holder.start();

    const next = stream();
    hub.open(next.res, () => true);
    await waitFor(async () => {
      await pub.publish(channel, JSON.stringify({ type: 'queue' })).catch(() => 0);
      return next.frames.some((f) => f.startsWith('event: queue')) || undefined;
    }, 'a live event on a stream opened after the failover', 10_000, 200);
    expect(hub.size).toBe(1);
  });
});
