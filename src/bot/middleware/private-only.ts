import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';

/** A reporting hotline works in private chats only; groups and channels are ignored. */
export function privateChatsOnly(): MiddlewareFn<BotContext> {
  return (ctx, next) => (ctx.from && ctx.chat?.type === 'private' ? next() : undefined);
}
