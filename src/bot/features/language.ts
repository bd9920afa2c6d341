import { Routes } from '../routes';
import { isLang, type Lang } from '../../i18n';
import { namesOf, setChatCommands } from '../commands';
import type { BotContext } from '../context';
import * as kb from '../keyboards';
import { askWhichReportAgain } from '../held-answers';
import { runWizard } from '../wizard';

/**
 * The reporter's language: kept in the session and on the reporter record (for agents'
 * messages), and this chat's command menu follows it. `answer` (what the bot says next, in the
 * new language) goes out while the menu is being set: the menu is not a message, so the reporter
 * need not wait for its Bot API round trip (BENCHMARKS.md, issue 17, `--api-delay-ms`).
 */
export async function chooseLanguage(ctx: BotContext, lang: Lang, answer: () => Promise<unknown>): Promise<void> {
  ctx.session.lang = lang;
  ctx.lang = lang;
  const menu = setChatCommands(ctx, lang);
  // The record is for agents' messages; the bot keeps the choice itself (the session, and its
  // language key). So the answer never waits on MongoDB, and an outage does not stop a report.
  const saved = ctx.from
    ? ctx.deps.reporters.setLanguage(ctx.from.id, lang).catch((err: unknown) => ctx.log.warn({ err, outcome: 'language_not_saved' }, 'language not saved on the reporter record'))
    : undefined;
  try {
    await answer();
  } finally {
    await Promise.all([menu, saved]);
  }
}

/** /language (/lugha): English or Kiswahili. */
export function languageFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  const ask = (ctx: BotContext) => ctx.reply(ctx.t('language.ask'), kb.languageChoice());
  c.command(namesOf('language'), ask);
  c.action('m:lang', async (ctx) => {
    await ctx.answerCbQuery();
    await ask(ctx);
  });

  // A language typed instead of tapped on the first message (later it could be an answer, or a
  // reply to an agent).
  c.hears(/^\s*(kiswahili|swahili|english|kiingereza|kingereza)\s*[.!]?\s*$/i, async (ctx, next) => {
    if (ctx.session.draft || ctx.session.lang) return next();
    await chooseLanguage(ctx, /swahili/i.test(ctx.match[1]) ? 'sw' : 'en', () => ctx.reply(ctx.t('start.welcome'), { parse_mode: 'HTML', ...kb.mainMenu(ctx.t) }));
  });

  c.action(/^l:(\w+)$/, async (ctx) => {
    const lang = ctx.match[1];
    await ctx.answerCbQuery();
    if (!isLang(lang)) return ask(ctx);
    await chooseLanguage(ctx, lang, async () => {
      await ctx.reply(ctx.t('language.set'));
      // Carry on in the new language where the reporter was: a report's question, or a message
      // still waiting for "which report?" (asked in the old language, it would seem forgotten).
      if (ctx.session.draft) return runWizard(ctx, { type: 'show' });
      if (await askWhichReportAgain(ctx)) return;
      await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
    });
  });
  return c;
}
