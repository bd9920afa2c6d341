import type { MiddlewareFn } from 'telegraf';
import { RedisRateLimit, rateLimitKeyOf } from '../../lib/rate-limit';
import type { BotContext, BotDeps } from '../context';
import { redisKeys } from '../../redis-keys';

/**
 * Refuses updates over the per-minute limit with one polite message in the reporter's language.
 * Counted in Redis under a per-purpose keyed hash of the reporter (rateLimitKeyOf), shared by every
 * bot process.
 * (The daily report limit is intake's: src/services/daily-report-limit.ts.)
 */
export function messageRateLimit(deps: BotDeps, perMinute: number): MiddlewareFn<BotContext> {
  const limit = new RedisRateLimit({ redis: deps.redis, keyPrefix: redisKeys(deps.prefix).messagesPerMinute, points: perMinute, durationSec: 60, logger: deps.logger });
  const keyOf = rateLimitKeyOf(deps.cipher, 'messages');
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (!userId || ctx.parts.isFlush(ctx.update)) return next();
    const decision = await limit.consume(keyOf(userId));
    if (decision.ok) return next();
    deps.metrics?.rateLimited.inc({ limit: 'messages' });
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    if (decision.firstRefusal && ctx.chat?.type === 'private') {
      const minutes = Math.max(1, Math.ceil(decision.retryAfterSec / 60));
      await ctx.reply(ctx.t('limits:too_fast', { count: minutes })).catch(() => undefined);
    }
  };
}
