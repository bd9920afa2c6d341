import type { MiddlewareFn } from 'telegraf';
import type { BotContext, BotDeps } from '../context';

/**
 * Outermost: every update counted by type and outcome, and timed from its first middleware to
 * its last (an answer that waits for the send budget after the update was acknowledged is not
 * in it). `failed` is an update whose handling threw; the error boundary then answers it.
 */
export function updateMetrics(deps: Pick<BotDeps, 'metrics'>): MiddlewareFn<BotContext> {
  const metrics = deps.metrics;
  if (!metrics) return (_ctx, next) => next();
  return async (ctx, next) => {
    const type = ctx.updateType;
    const done = metrics.updateSeconds.startTimer({ type });
    let outcome = 'ok';
    try {
      await next();
    } catch (err) {
      outcome = 'failed';
      throw err;
    } finally {
      done();
      metrics.updatesHandled.inc({ type, outcome });
    }
  };
}
