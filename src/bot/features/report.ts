import { Routes } from '../routes';
import { namesOf } from '../commands';
import type { BotContext } from '../context';
import * as kb from '../keyboards';
import { LANGUAGES } from '../../i18n';
import { beginReport, buttonInput, runWizard, WIZARD_DATA, wizardMessage } from '../wizard';

/** The report wizard: /cancel, its buttons, and every message while a draft is open. */
export function reportFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.command(namesOf('cancel'), (ctx) => runWizard(ctx, { type: 'cancel' }));
  c.command(namesOf('report'), (ctx) => beginReport(ctx));

  // Anything that does not parse as wizard data is answered as stale by the fallback.
  c.action(WIZARD_DATA, (ctx) => runWizard(ctx, buttonInput(ctx.match, ctx.callbackQuery.message?.message_id)));

  c.on('message', async (ctx, next) => {
    const leftover = ctx.session.draft ? undefined : leftoverLabel(ctx);
    if (leftover) return leftoverKeyboard(ctx, leftover);
    // The end of a split paste's wait is for the wizard only, never a message to an agent.
    if (!ctx.session.draft && !ctx.parts.isFlush(ctx.update)) return next();
    return wizardMessage(ctx);
  });
  return c;
}

/**
 * Back or Cancel typed by the reply keyboard of a report no longer kept (its session expired
 * while the place or phone question was on screen), in either language: it would otherwise
 * reach the staff of an open ticket as a message, and the keyboard would stay.
 */
function leftoverLabel(ctx: BotContext): 'back' | 'cancel' | undefined {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
  if (!text) return undefined;
  const t = (key: string) => LANGUAGES.map((lang) => ctx.deps.translator.t(lang, `bot:${key}`));
  if (t('btn.back').includes(text)) return 'back';
  return t('btn.cancel').includes(text) ? 'cancel' : undefined;
}

async function leftoverKeyboard(ctx: BotContext, label: 'back' | 'cancel'): Promise<void> {
  await ctx.reply(ctx.t(label === 'cancel' ? 'cancel.nothing' : 'wizard.gone'), kb.removeKeyboard());
  await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
}
