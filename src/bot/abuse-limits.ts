import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { Context, MiddlewareFn } from 'telegraf';
import type { Lang, Translator } from '../i18n';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { IdentityCipher } from '../store';

/** What a counter limits; each gets its own key for the same reporter. */
export type LimitPurpose = 'messages' | 'reports';

/**
 * Redis key of a reporter's counter: a keyed hash per purpose of their lookup hash, so keys in
 * Redis match no lookupHash in MongoDB, nor each other (see IdentityCipher.keyedHash).
 */
export function rateLimitKeyOf(cipher: Pick<IdentityCipher, 'keyedHash' | 'lookupHash'>): (userId: number, purpose: LimitPurpose) => string {
  return (userId, purpose) => cipher.keyedHash(`rate-limit:${purpose}`, cipher.lookupHash(userId));
}

export type LimitDecision = { ok: true } | { ok: false; retryAfterSec: number; firstRefusal: boolean };

/**
 * Per-reporter abuse limits on Redis, shared by every bot process: messages per minute and
 * reports per day. Keys are keyed hashes of the Telegram user id, never the id itself (nor the
 * lookupHash that finds the reporter in MongoDB): see rateLimitKeyOf.
 * If Redis cannot answer, reporters are let through: a limit must never silence a real report.
 */
export class AbuseLimits {
  private readonly messages: RateLimiterRedis;
  private readonly reports: RateLimiterRedis;

  constructor(
    private readonly opts: { redis: Redis; prefix: string; messagesPerMinute: number; reportsPerDay: number; keyOf: (userId: number, purpose: LimitPurpose) => string; logger: Logger },
  ) {
    this.messages = new RateLimiterRedis({ storeClient: opts.redis, keyPrefix: `${opts.prefix}:rl:msg`, points: opts.messagesPerMinute, duration: 60 });
    this.reports = new RateLimiterRedis({ storeClient: opts.redis, keyPrefix: `${opts.prefix}:rl:rep`, points: opts.reportsPerDay, duration: 24 * 3600 });
  }

  get reportsPerDay(): number {
    return this.opts.reportsPerDay;
  }

  allowMessage(userId: number): Promise<LimitDecision> {
    return this.consume(this.messages, this.opts.keyOf(userId, 'messages'), this.opts.messagesPerMinute);
  }

  /** Checked when a report is confirmed; a refused report keeps its draft for tomorrow. */
  allowReport(userId: number): Promise<LimitDecision> {
    return this.consume(this.reports, this.opts.keyOf(userId, 'reports'), this.opts.reportsPerDay);
  }

  /** Gives back a report point, e.g. when the confirmed draft turned out to be a duplicate tap. */
  async refundReport(userId: number): Promise<void> {
    await this.reports.reward(this.opts.keyOf(userId, 'reports'), 1).catch(() => undefined);
  }

  private async consume(limiter: RateLimiterRedis, key: string, points: number): Promise<LimitDecision> {
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        // Tell the person once per window; answering every extra message would itself be a flood.
        return { ok: false, retryAfterSec: Math.ceil(res.msBeforeNext / 1000), firstRefusal: res.consumedPoints === points + 1 };
      }
      this.opts.logger.warn({ err: res instanceof Error ? res.message : String(res) }, 'rate limiter unavailable; letting the update through');
      return { ok: true };
    }
  }
}

/** Middleware: refuses updates over the per-minute limit with one polite message in the reporter's language. */
export function messageRateLimit<C extends Context>(limits: AbuseLimits, deps: { translator: Translator; langOf: (ctx: C) => Lang; metrics?: Metrics }): MiddlewareFn<C> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (!userId) return next();
    const decision = await limits.allowMessage(userId);
    if (decision.ok) return next();
    deps.metrics?.rateLimited.inc({ limit: 'messages' });
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    if (decision.firstRefusal && ctx.chat?.type === 'private') {
      const minutes = Math.max(1, Math.ceil(decision.retryAfterSec / 60));
      await ctx.reply(deps.translator.t(deps.langOf(ctx), 'limits:too_fast', { count: minutes })).catch(() => undefined);
    }
  };
}
