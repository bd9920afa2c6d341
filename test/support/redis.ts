import { randomBytes } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix (and BullMQ prefix) unique to one test file, so files can run in parallel. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * A real Redis connection for a test file, plus cleanup of every key under its prefix.
 * Fails with a clear message when Redis is not running instead of hanging.
 */
export async function connectTestRedis(label: string, opts: { url?: string } = {}): Promise<{ redis: Redis; prefix: string; url: string; cleanup(): Promise<void> }> {
  const url = opts.url ?? REDIS_URL;
  const redis = new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
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

export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}
