import { Routes } from '../routes';
import type { BotContext } from '../context';
import * as kb from '../keyboards';

/** What no feature handled: an old or foreign button is "stale"; any other message gets the main menu. */
export function unhandled(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery(ctx.t('wizard.stale'));
    await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
  });
  c.on('message', async (ctx) => {
    const unknownCommand = 'text' in ctx.message && ctx.message.text.startsWith('/');
    await ctx.reply(ctx.t(unknownCommand ? 'menu.unknown_command' : 'menu.prompt'), kb.mainMenu(ctx.t));
  });
  return c;
}

/**
 * The error boundary: logs the update id and the error only (the serializer keeps no request
 * payload, which could echo the reporter's words), and tells the reporter in their language.
 */
export async function apologise(err: unknown, ctx: BotContext): Promise<void> {
  ctx.log.error({ err, updateType: ctx.updateType }, 'update failed');
  try {
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    if (ctx.chat) await ctx.reply(ctx.t('error.generic'));
  } catch (replyErr) {
    ctx.log.warn({ err: replyErr }, 'could not tell the reporter about the error');
  }
}
