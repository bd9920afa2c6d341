import { Composer } from 'telegraf';
import type { BotContext } from '../context';
import * as kb from '../keyboards';
import { beginReport, runWizard } from '../wizard';

const HTML = { parse_mode: 'HTML' as const };

/** /start, /help, /privacy and the main menu buttons. */
export function startFeature(): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.start(async (ctx) => {
    if (ctx.session.draft) {
      // A report is in progress: do not lose it, carry on where the reporter was.
      return runWizard(ctx, { type: 'resume' });
    }
    await ctx.reply(ctx.t('start.welcome'), { ...HTML, ...kb.mainMenu(ctx.t) });
  });

  const help = (ctx: BotContext) => ctx.reply(ctx.t('help.text'), { ...HTML, ...kb.mainMenu(ctx.t) });
  const privacy = (ctx: BotContext) => ctx.reply(ctx.t('privacy.text'), HTML);
  c.help(help);
  c.command('privacy', privacy);

  c.action('m:report', async (ctx) => {
    await ctx.answerCbQuery();
    return beginReport(ctx);
  });
  c.action('m:help', async (ctx) => {
    await ctx.answerCbQuery();
    await help(ctx);
  });
  c.action('m:privacy', async (ctx) => {
    await ctx.answerCbQuery();
    await privacy(ctx);
  });
  return c;
}
