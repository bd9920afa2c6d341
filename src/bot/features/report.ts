import { Composer } from 'telegraf';
import type { BotContext } from '../context';
import type { Wizard } from '../wizard';

/** The report wizard: /cancel, its buttons, and every message while a draft is open. */
export function reportFeature(wizard: Wizard): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command('cancel', (ctx) => wizard.cancel(ctx));
  c.command('report', (ctx) => wizard.begin(ctx));

  // w:<draftId>:<step>:<value>; anything that does not parse is answered as stale by the fallback.
  c.action(/^w:([\w-]{1,20}):(\w{1,8}):([\w-]{1,20})$/, (ctx) => wizard.onCallback(ctx, ctx.match[1], ctx.match[2], ctx.match[3]));

  c.on('message', async (ctx, next) => {
    if (!ctx.session.draft) return next();
    return wizard.onMessage(ctx, ctx.message);
  });
  return c;
}
