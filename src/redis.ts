import IORedis, { type Redis, type RedisOptions } from 'ioredis';

/**
 * Two kinds of Redis connection. Workers (and BullMQ's blocking calls) must wait through a Redis
 * restart: maxRetriesPerRequest null. Producers on the request path (submitting a report, adding a
 * reply) must fail fast instead, so the report is kept for the outbox relay rather than hanging
 * the reporter's conversation.
 */
export function createRedis(url: string, kind: 'worker' | 'producer', extra: RedisOptions = {}): Redis {
  const base: RedisOptions =
    kind === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 3000 };
  return new IORedis(url, { ...base, retryStrategy: (times) => Math.min(times * 200, 2000), ...extra });
}

export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
