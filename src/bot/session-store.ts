import type { Redis } from 'ioredis';
import { redisKeys } from '../redis-keys';

/**
 * Telegraf sessions in Redis, so a conversation survives a restart (or another instance taking
 * over). Each write renews the TTL: an abandoned draft disappears on its own after `ttlSec`.
 */
export class RedisSessionStore<T> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSec: number = 7 * 24 * 60 * 60,
    /** Turns what was stored (any older format) into T; undefined starts afresh. */
    private readonly read: (stored: unknown) => T | undefined = (stored) => stored as T,
  ) {}

  key(name: string): string {
    return redisKeys(this.prefix).session(name);
  }

  async get(name: string): Promise<T | undefined> {
    const raw = await this.redis.get(this.key(name));
    if (raw === null) return undefined;
    try {
      return this.read(JSON.parse(raw));
    } catch {
      // A corrupt session must not lock the reporter out: start afresh.
      return undefined;
    }
  }

  async set(name: string, value: T): Promise<void> {
    await this.redis.set(this.key(name), JSON.stringify(value), 'EX', this.ttlSec);
  }

  async delete(name: string): Promise<void> {
    await this.redis.del(this.key(name));
  }
}
