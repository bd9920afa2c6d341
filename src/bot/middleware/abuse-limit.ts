import type { MiddlewareFn } from 'telegraf';
import type { BotContext, BotDeps } from '../context';
import type { MessageCount } from './session';

/**
 * Refuses updates over the per-minute limit with one polite message in the reporter's language.
 * The update was counted by `updateGate` in the same Redis round trip that read the session
 * (src/bot/lua/begin-update.lua), under a per-purpose keyed hash of the reporter (rateLimitKeyOf),
 * shared by every bot process; this runs once the session's language is known.
 * (The daily report limit is intake's: its port in src/services/daily-report-limit.ts, its Redis adapter in src/queue.)
 */
export function messageRateLimit(deps: Pick<BotDeps, 'metrics'>, perMinute: number): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const count = ctx.state.messageCount as MessageCount | undefined;
    if (!count || count.consumed <= perMinute) return next();
    deps.metrics?.rateLimited.inc({ limit: 'messages' });
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    // Tell the person once per window; answering every extra message would itself be a flood.
    // The notice quotes the first message refused, so a burst (45 threats forwarded at once) shows
    // where what reached us ends: they are told to send the rest again, not that nothing was lost.
    if (count.consumed === perMinute + 1 && ctx.chat?.type === 'private') {
      const minutes = Math.max(1, Math.ceil(count.msLeft / 1000 / 60));
      const refused = ctx.message?.message_id;
      const extra = refused === undefined ? {} : { reply_parameters: { message_id: refused, allow_sending_without_reply: true } };
      await ctx.reply(ctx.t(refused === undefined ? 'limits:too_fast_tap' : 'limits:too_fast', { count: minutes }), extra).catch(() => undefined);
    }
  };
}
