import IORedis, { Cluster, type Redis, type RedisOptions } from 'ioredis';
import type { RedisConfig } from './config';

/** One Redis server (`redis://` URL), or the Sentinel / Cluster settings from `Config.redis`. */
export type RedisTarget = string | Pick<RedisConfig, 'url' | 'sentinels' | 'sentinelName' | 'clusterNodes'>;

/**
 * The one place Ripoti connects to Redis (BullMQ, sessions, limits, pacing, live events).
 *
 * Two kinds of connection. Workers (and BullMQ's blocking calls) must wait through a Redis
 * restart or failover: maxRetriesPerRequest null. Producers on the request path (submitting a
 * report, adding a reply) must fail fast instead, so the report is kept for the outbox relay
 * rather than hanging the reporter's conversation.
 *
 * With Sentinel the client asks the Sentinels for the master and follows a failover; with
 * Cluster it is an ioredis `Cluster`. The Cluster is typed as `Redis` so that callers stay
 * unchanged: it has the same command methods (and status/quit/disconnect/on/duplicate), and every
 * key Ripoti touches in one command or script starts with the same `{hash tag}` prefix
 * (config.ts refuses a Cluster without one), so all of them live in one slot. Code that must
 * reach every node (a SCAN) uses `redisNodes`.
 */
export function createRedis(target: RedisTarget, kind: 'worker' | 'producer', extra: RedisOptions = {}): Redis {
  const t = typeof target === 'string' ? { url: target } : target;
  const base: RedisOptions =
    kind === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 3000 };
  const retry = { retryStrategy: (times: number) => Math.min(times * 200, 2000) };
  if (t.clusterNodes?.length) {
    // Options about the client as a whole go to the Cluster; the rest to each node's connection.
    const { enableOfflineQueue, enableReadyCheck, enableAutoPipelining, lazyConnect, retryStrategy, ...perNode } = { ...base, ...retry, ...extra };
    const cluster = new Cluster(t.clusterNodes, {
      redisOptions: { ...serverOptions(t.url, false), ...perNode },
      enableOfflineQueue,
      enableReadyCheck,
      enableAutoPipelining,
      lazyConnect,
      clusterRetryStrategy: retryStrategy,
    });
    return cluster as unknown as Redis;
  }
  if (t.sentinels?.length) {
    const server = serverOptions(t.url);
    return new IORedis({
      ...server,
      // rediss:// means TLS to the master; the Sentinels themselves are reached without TLS or password.
      enableTLSForSentinelMode: server.tls !== undefined,
      sentinels: t.sentinels,
      name: t.sentinelName ?? 'mymaster',
      // Not `failoverDetector`: in ioredis 6 its +switch-master handler can fire while the client
      // is already reconnecting, and the interrupted connect ends the client for good ("Connection
      // is closed.", seen in test/e2e/faults/sentinel-failover.test.ts). The retry strategy asks
      // the Sentinels again at most 2 s apart, which finds the new master soon enough.
      sentinelRetryStrategy: retry.retryStrategy,
      // A master demoted to replica (a failover it survived) answers writes with READONLY:
      // reconnect, which asks the Sentinels for the new master.
      reconnectOnError: (err) => err.message.startsWith('READONLY'),
      ...base,
      ...retry,
      ...extra,
    });
  }
  return new IORedis(t.url, { ...base, ...retry, ...extra });
}

/** User, password, database (not on a Cluster: it has only 0) and TLS from a `redis://` / `rediss://` URL. */
function serverOptions(url: string, withDb = true): RedisOptions {
  const u = new URL(url);
  const opts: RedisOptions = {};
  if (u.username) opts.username = decodeURIComponent(u.username);
  if (u.password) opts.password = decodeURIComponent(u.password);
  const db = u.pathname.replace(/^\//, '');
  if (db && withDb) opts.db = Number(db);
  if (u.protocol === 'rediss:') opts.tls = {};
  return opts;
}

/** The servers a command must be sent to when it has to see every key (SCAN): every master of a Cluster, else the one server. */
export function redisNodes(redis: Redis): Redis[] {
  const maybe = redis as unknown as Partial<Cluster> & { isCluster?: boolean };
  return maybe.isCluster && maybe.nodes ? maybe.nodes('master') : [redis];
}

export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
