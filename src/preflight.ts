import { createRedis, type RedisTarget } from './redis';

/**
 * What a person starting Ripoti must fix, in one line instead of a stack trace: a service that does
 * not answer, named with its address (never its credentials) and the setting that points at it.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** The address part of a URL, without user name or password. */
export function safeAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** Where Redis is looked for, as a person would name it (no password). */
function redisWhere(target: RedisTarget): string {
  if (typeof target === 'string') return safeAddress(target);
  const hosts = (nodes: { host: string; port: number }[]) => nodes.map((n) => `${n.host}:${n.port}`).join(',');
  if (target.clusterNodes?.length) return `the cluster nodes ${hosts(target.clusterNodes)} (REDIS_CLUSTER_NODES)`;
  if (target.sentinels?.length) return `the master "${target.sentinelName ?? 'mymaster'}" of the Sentinels ${hosts(target.sentinels)} (REDIS_SENTINELS)`;
  return safeAddress(target.url);
}

/** Pings Redis once with a short timeout, through the app's own factory; throws a StartupError that says what to do. */
export async function checkRedis(target: RedisTarget, purpose = 'Ripoti needs it'): Promise<void> {
  const redis = createRedis(target, 'producer', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, sentinelRetryStrategy: () => null });
  // connect() only says "Connection is closed"; the error event has the reason (ECONNREFUSED...).
  let cause: Error | undefined;
  redis.on('error', (e: Error) => (cause ??= e));
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    const reason = (cause ?? (err as Error)).message;
    throw new StartupError(`Redis is not answering at ${redisWhere(target)} (${reason}): ${purpose}. Start it (redis-server --save "" --appendonly no) or set REDIS_URL.`, { cause: err });
  } finally {
    redis.disconnect();
  }
}

/** Turns the driver's "server selection" failure into what to do; anything else is returned as is. */
export function explainStartupError(err: unknown, mongodbUri: string): unknown {
  const name = err instanceof Error ? err.name : '';
  if (/ServerSelectionError|MongoNetworkError|MongoNetworkTimeoutError/.test(name)) {
    const reason = (err as Error).message.split('\n')[0];
    return new StartupError(
      `MongoDB is not answering at ${safeAddress(mongodbUri)} (${reason}): start it or set MONGODB_URI. To try Ripoti without MongoDB or a bot token: npm run playground.`,
      { cause: err },
    );
  }
  return err;
}
