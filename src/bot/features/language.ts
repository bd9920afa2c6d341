import { Composer } from 'telegraf';
import { isLang } from '../../i18n';
import type { BotContext } from '../context';
import * as kb from '../keyboards';
import { runWizard } from '../wizard';

/** /language: English or Kiswahili, kept in the session and on the reporter record (for agents' messages). */
export function languageFeature(): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const ask = (ctx: BotContext) => ctx.reply(ctx.t('language.ask'), kb.languageChoice());
  c.command('language', ask);
  c.action('m:lang', async (ctx) => {
    await ctx.answerCbQuery();
    await ask(ctx);
  });

  c.action(/^l:(\w+)$/, async (ctx) => {
    const lang = ctx.match[1];
    if (!isLang(lang)) {
      await ctx.answerCbQuery();
      return ask(ctx);
    }
    ctx.session.lang = lang;
    ctx.lang = lang;
    await ctx.answerCbQuery();
    await ctx.deps.reporters.setLanguage(ctx.from.id, lang);
    await ctx.reply(ctx.t('language.set'));
    // Carry on in the new language where the reporter was.
    if (ctx.session.draft) return runWizard(ctx, { type: 'show' });
    await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
  });
  return c;
}
