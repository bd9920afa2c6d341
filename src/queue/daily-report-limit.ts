import type { Redis } from 'ioredis';
import { RedisRateLimit } from '../lib/rate-limit';
import type { Logger } from '../logger';
import { redisKeys } from '../redis-keys';
import type { DailyReportLimit } from '../services/daily-report-limit';

/**
 * The daily limit in Redis, shared by every bot process. Keys are keyed hashes of the Telegram
 * user id (`keyOf`), never the id itself; if Redis cannot answer, the report goes through.
 */
export function redisDailyReportLimit(opts: { redis: Redis; prefix: string; perDay: number; keyOf: (telegramUserId: number) => string; logger: Logger }): DailyReportLimit {
  const limit = new RedisRateLimit({ redis: opts.redis, keyPrefix: redisKeys(opts.prefix).reportsPerDay, points: opts.perDay, durationSec: 24 * 3600, logger: opts.logger });
  return {
    perDay: opts.perDay,
    take: async (userId) => {
      const decision = await limit.consume(opts.keyOf(userId));
      return decision.ok ? { ok: true } : { ok: false, retryAfterSec: decision.retryAfterSec };
    },
    refund: (userId) => limit.refund(opts.keyOf(userId)),
  };
}
