import { Routes } from '../routes';
import { isReportKind } from '../../domain';
import { isLang, type Lang } from '../../i18n';
import { namesOf } from '../commands';
import type { BotContext } from '../context';
import * as kb from '../keyboards';
import { beginReport, resumeIfWriting, runWizard } from '../wizard';
import { chooseLanguage } from './language';

const HTML = { parse_mode: 'HTML' as const };

/**
 * The first message, to everyone whose language the bot does not know yet (neither chosen nor
 * guessed from their words): both languages, each in itself, and one tap chooses the language
 * and what to report.
 */
async function firstMessage(ctx: BotContext): Promise<void> {
  const tIn = (lang: Lang) => (key: string, vars?: Record<string, unknown>) => ctx.deps.translator.t(lang, key.includes(':') ? key : `bot:${key}`, vars);
  const text = [tIn('sw')('start.first'), tIn('en')('start.first')].join('\n\n');
  await ctx.reply(text, { ...HTML, ...kb.firstChoice(tIn) });
}

/** /start, /help, /privacy (and their Swahili names), /report, and the main menu buttons. */
export function startFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();

  c.command('start', async (ctx) => {
    if (ctx.session.draft) {
      // A report is in progress: do not lose it, carry on where the reporter was.
      return runWizard(ctx, { type: 'resume' });
    }
    // Someone who wrote (a report, perhaps) without tapping a language is greeted in the one they
    // wrote in (ctx.lang, from sessionLanguage); the menu's language button offers the other.
    if (!ctx.session.lang && !ctx.session.guessed) return firstMessage(ctx);
    await ctx.reply(ctx.t('start.welcome'), { ...HTML, ...kb.mainMenu(ctx.t) });
  });

  // s:<lang>:<kind|menu> from the first message.
  c.action(/^s:(\w+):(\w+)$/, async (ctx) => {
    const [, lang, what] = ctx.match;
    await ctx.answerCbQuery();
    if (!isLang(lang)) return firstMessage(ctx);
    // The menu tapped on that first message in the middle of a report carries on with it, as /start does.
    const menu = () => (ctx.session.draft ? runWizard(ctx, { type: 'resume' }) : ctx.reply(ctx.t('start.welcome'), { ...HTML, ...kb.mainMenu(ctx.t) }));
    await chooseLanguage(ctx, lang, () => (isReportKind(what) ? beginReport(ctx, what) : menu()));
  });

  const help = async (ctx: BotContext) => {
    await ctx.reply(ctx.t('help.text'), { ...HTML, ...kb.mainMenu(ctx.t) });
    await resumeIfWriting(ctx);
  };
  const privacy = async (ctx: BotContext) => {
    await ctx.reply(ctx.t('privacy.text'), HTML);
    await resumeIfWriting(ctx);
  };
  c.command(namesOf('help'), help);
  c.command(namesOf('privacy'), privacy);

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
