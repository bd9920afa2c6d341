import type { MiddlewareFn } from 'telegraf';
import type { BotContext, BotDeps } from '../context';
import { redisKeys } from '../../redis-keys';

/**
 * Telegram may deliver an update more than once (webhook retries, a restart mid-batch). The
 * update is claimed briefly while handled and remembered only once handled, so a delivery that
 * failed half-way is processed again when Telegram retries it.
 */
export function dropRedeliveredUpdates(deps: Pick<BotDeps, 'redis' | 'prefix'>, rememberSec: number): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    // The end of a split paste's wait re-handles the part's update on purpose.
    if (ctx.parts.isFlush(ctx.update)) return next();
    const key = redisKeys(deps.prefix).update(ctx.update.update_id);
    let claimed = false;
    try {
      claimed = (await deps.redis.set(key, 'handling', 'EX', 120, 'NX')) !== null;
      if (!claimed) {
        ctx.log.info({ outcome: 'duplicate_update' }, 'dropped a re-delivered update');
        return;
      }
    } catch {
      // Without Redis the session below fails anyway and the error boundary answers.
    }
    try {
      await next();
    } catch (err) {
      if (claimed) await deps.redis.del(key).catch(() => undefined);
      throw err;
    }
    if (claimed) await deps.redis.set(key, 'done', 'EX', rememberSec).catch(() => undefined);
  };
}
