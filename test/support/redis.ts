import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createRedis, redisNodes, type RedisTarget } from '../../src/redis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * `RIPOTI_TEST_REDIS=cluster`: the suites run against a local Redis Cluster that jest's global
 * setup starts (test/support/redis-cluster.ts) and exports as REDIS_CLUSTER_NODES. Otherwise one
 * Redis at REDIS_URL.
 */
export const TEST_REDIS_CLUSTER = process.env.RIPOTI_TEST_REDIS === 'cluster';

/**
 * Resolves once `c` is connected and ready. A producer connection (fail fast: no offline queue)
 * refuses every command sent while it is still connecting, at once ("Stream isn't writeable and
 * enableOfflineQueue options is false"): a test awaits this before its first command on one.
 */
export function redisReady(c: Redis): Promise<void> {
  return c.status === 'ready' ? Promise.resolve() : new Promise((resolve) => c.once('ready', () => resolve()));
}

/** The app's Redis settings for tests (to spread into an environment for loadConfig or a child process). */
export function testRedisEnv(): Record<string, string> {
  if (!TEST_REDIS_CLUSTER) return { REDIS_URL };
  const nodes = process.env.REDIS_CLUSTER_NODES;
  if (!nodes) throw new Error('RIPOTI_TEST_REDIS=cluster but REDIS_CLUSTER_NODES is not set: run through jest (its global setup starts the cluster)');
  return { REDIS_URL, REDIS_CLUSTER_NODES: nodes };
}

/** The same, for `createRedis`. */
export function testRedisTarget(): RedisTarget {
  const env = testRedisEnv();
  const clusterNodes = env.REDIS_CLUSTER_NODES?.split(',').map((hp) => ({ host: hp.slice(0, hp.lastIndexOf(':')), port: Number(hp.slice(hp.lastIndexOf(':') + 1)) }));
  return { url: env.REDIS_URL, clusterNodes };
}

/**
 * A key prefix (and BullMQ prefix) unique to one test file, so files can run in parallel. On a
 * cluster it is a `{hash tag}`, as production's must be.
 */
export function uniquePrefix(label: string): string {
  const p = `test:${label}:${process.pid}:${randomBytes(3).toString('hex')}`;
  return TEST_REDIS_CLUSTER ? `{${p}}` : p;
}

/**
 * A real Redis connection for a test file (the test cluster under RIPOTI_TEST_REDIS=cluster), plus
 * cleanup of every key under its prefix. Fails with a clear message when Redis is not running
 * instead of hanging.
 */
export async function connectTestRedis(label: string, opts: { url?: string } = {}): Promise<{ redis: Redis; prefix: string; url: string; cleanup(): Promise<void> }> {
  const url = opts.url ?? REDIS_URL;
  const target = opts.url ? url : testRedisTarget();
  const redis = createRedis(target, 'worker', { lazyConnect: true, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    if (TEST_REDIS_CLUSTER && !opts.url) throw new Error(`The test Redis Cluster (${process.env.REDIS_CLUSTER_NODES}) is not reachable (${(err as Error).message})`, { cause: err });
    throw new Error(`Redis is not reachable at ${url} (${(err as Error).message}). Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`, { cause: err });
  }
  const prefix = uniquePrefix(label);
  return {
    redis,
    prefix,
    url,
    async cleanup() {
      await deleteByPrefix(redis, prefix);
      await redis.quit();
    },
  };
}

/** Deletes every key under `prefix`, on every master of a cluster. */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  // `{`, `}` and `:` are literal in a MATCH pattern; `[`, `?` and `*` never occur in a prefix.
  for (const node of redisNodes(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      // One DEL per key (pipelined): keys of different slots cannot share a command on a cluster.
      if (keys.length) await keys.reduce((p, key) => p.del(key), node.pipeline()).exec();
    } while (cursor !== '0');
  }
}
