import type { Redis } from 'ioredis';
import { SealedValues, type Opened } from '../lib/sealed-values';
import { redisKeys } from '../redis-keys';

/** How long an idle conversation (an unfinished report) stays in Redis: said in /privacy. */
export const SESSION_TTL_SEC = 24 * 60 * 60;

/** Seals what is written to Redis (SealedValues under the DATA_KEY ring). */
export interface SessionSealer {
  seal(value: unknown, context: string): string;
  open<T>(sealed: string, context: string): Opened<T>;
}

/**
 * Telegraf sessions in Redis, so a conversation survives a restart (or another instance taking
 * over). A draft holds what the reporter typed (story, place, phone, a reply not yet sent), so
 * it is sealed (AES-256-GCM, bound to its key: a copied value does not open under another
 * reporter's key) and lives only `ttlSec` after the last message: Redis, its dumps and replicas
 * never hold a reporter's words in clear, nor for long.
 */
export class RedisSessionStore<T> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly sealer: SessionSealer,
    private readonly ttlSec: number = SESSION_TTL_SEC,
    /** Turns what was stored (any older format) into T; undefined starts afresh. */
    private readonly read: (stored: unknown) => T | undefined = (stored) => stored as T,
  ) {}

  key(name: string): string {
    return redisKeys(this.prefix).session(name);
  }

  async get(name: string): Promise<T | undefined> {
    const key = this.key(name);
    const raw = await this.redis.get(key);
    if (raw === null) return undefined;
    try {
      if (!SealedValues.isSealed(raw)) return this.read(JSON.parse(raw)); // written before sealing; sealed on the next write
      const opened = this.sealer.open<unknown>(raw, key);
      // A value that does not open (a key no longer in the ring, tampering) must not lock the
      // reporter out: start afresh.
      return opened.ok ? this.read(opened.value) : undefined;
    } catch {
      // A corrupt session must not lock the reporter out either.
      return undefined;
    }
  }

  async set(name: string, value: T): Promise<void> {
    const key = this.key(name);
    await this.redis.set(key, this.sealer.seal(value, key), 'EX', this.ttlSec);
  }

  async delete(name: string): Promise<void> {
    await this.redis.del(this.key(name));
  }
}
