import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { Memo } from './crypto-reuse';

/** What a reporter's counter is for; each purpose gets its own unlinkable key. */
export type LimitPurpose = 'messages' | 'reports';

/**
 * Redis key of a reporter's counter: a keyed hash per purpose of their lookup hash, so keys in
 * Redis match no lookupHash in MongoDB, nor each other (see IdentityCipher.keyedHash).
 */
export function rateLimitKeyOf(cipher: { keyedHash(purpose: string, value: string): string; lookupHash(value: number): string }, purpose: LimitPurpose): (userId: number) => string {
  // Two HMACs per update for the same few reporters: kept per user id (the keys never change while
  // the process runs). Only Telegram ids are kept, which every update in flight holds anyway.
  const keys = new Memo();
  return (userId) => keys.get(String(userId), () => cipher.keyedHash(`rate-limit:${purpose}`, cipher.lookupHash(userId)));
}

export type LimitDecision = { ok: true } | { ok: false; retryAfterSec: number; firstRefusal: boolean };

/**
 * A fixed-window counter in Redis, shared by every process. If Redis cannot answer the caller is
 * let through: a limit must never silence a real report. Keys are whatever the caller passes (the
 * bot and intake pass keyed hashes of the Telegram user id, never the id itself).
 */
export class RedisRateLimit {
  private readonly limiter: RateLimiterRedis;

  constructor(private readonly opts: { redis: Redis; keyPrefix: string; points: number; durationSec: number; logger: Logger }) {
    this.limiter = new RateLimiterRedis({ storeClient: opts.redis, keyPrefix: opts.keyPrefix, points: opts.points, duration: opts.durationSec });
  }

  get points(): number {
    return this.opts.points;
  }

  async consume(key: string): Promise<LimitDecision> {
    try {
      await this.limiter.consume(key);
      return { ok: true };
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        // Tell the person once per window; answering every extra message would itself be a flood.
        return { ok: false, retryAfterSec: Math.ceil(res.msBeforeNext / 1000), firstRefusal: res.consumedPoints === this.opts.points + 1 };
      }
      this.opts.logger.warn({ err: res }, 'rate limiter unavailable; letting the update through');
      return { ok: true };
    }
  }

  /** Gives a point back (best effort: a lost refund costs one report of the day, nothing more). */
  async refund(key: string): Promise<void> {
    await this.limiter.reward(key, 1).catch(() => undefined);
  }
}
