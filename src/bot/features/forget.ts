import { randomBytes } from 'node:crypto';
import { Routes } from '../routes';
import { clearChatCommands, namesOf } from '../commands';
import type { BotContext } from '../context';
import * as kb from '../keyboards';
import { newSession } from '../session';
import { runWizard } from '../wizard';

const HTML = { parse_mode: 'HTML' as const };

/**
 * The question's buttons carry its mark (`fg:y:<mark>`, `fg:n:<mark>`): the mark is checked
 * against the one kept in this reporter's own session, never trusted alone. A button of an older
 * question (another /forget since) or of one already answered finds no such mark.
 */
const PRESS = /^fg:([yn]):([0-9a-f]{8})$/;

async function ask(ctx: BotContext): Promise<void> {
  const mark = randomBytes(4).toString('hex');
  ctx.session.forgetAsk = mark;
  // A report being written goes with the rest; one stored early (someone in danger) stays with the staff.
  const draft = ctx.session.draft;
  const text = [ctx.t('forget.ask'), ...(draft ? [ctx.t(draft.urgent ? 'forget.ask_draft_urgent' : 'forget.ask_draft')] : [])].join('\n\n');
  await ctx.reply(text, {
    ...HTML,
    ...kb.forgetKeyboard(ctx.t, mark),
  });
}

/** Telegram's answer to an edit that changes nothing: the message already says it. */
const NOT_MODIFIED = /message is not modified/i;

/**
 * The question replaced by what became of it, so its buttons cannot be pressed again (a new
 * message if it cannot be edited; none if it already says this, as after a second tap).
 */
async function settle(ctx: BotContext, text: string): Promise<void> {
  await ctx.editMessageText(text, HTML).catch(async (err: unknown) => {
    if (!NOT_MODIFIED.test(err instanceof Error ? err.message : '')) await ctx.reply(text, HTML);
  });
}

/**
 * Deletes who they are, now (ForgetService; a repeat is harmless), then this conversation: the
 * report being written, anything waiting for a choice, the language chosen and the command menu
 * set in it. Answered in the language they used, which this update still speaks. An urgent report
 * being written is left as it stands, not cancelled as /cancel would: it is anonymous until the
 * review, and a cancel at the request's moment (its history line, its page told) would link it
 * to their named reports, marked at that moment. Staff see it "not finished" once it has been
 * quiet for WRITING_QUIET_MS (src/domain/unfinished.ts), as for anyone who stops answering.
 */
async function forget(ctx: BotContext, who: { telegramUserId: number; chatId: number }, mark: string): Promise<void> {
  await ctx.deps.forgetting.forget(who);
  ctx.session = { ...newSession(), forgotten: mark };
  await clearChatCommands(ctx);
  await settle(ctx, ctx.t('forget.done'));
}

/** /forget (/nisahau): what is deleted, what stays and what follows, then Delete my details or keep them. */
export function forgetFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.command(namesOf('forget'), ask);
  c.action(PRESS, async (ctx) => {
    const [, answer, mark] = ctx.match;
    const chatId = ctx.chat?.id;
    // Its Delete was done (a second tap on a slow phone): done, said again; nothing more to do.
    if (chatId !== undefined && ctx.session.forgotten === mark) {
      await ctx.answerCbQuery();
      await settle(ctx, ctx.t('forget.done'));
      return;
    }
    if (chatId === undefined || ctx.session.forgetAsk !== mark) {
      await ctx.answerCbQuery();
      await settle(ctx, ctx.t('forget.stale'));
      return;
    }
    await ctx.answerCbQuery();
    if (answer === 'n') {
      ctx.session.forgetAsk = undefined;
      await settle(ctx, ctx.t('forget.kept'));
      // A report being written goes on where it was.
      if (ctx.session.draft) await runWizard(ctx, { type: 'resume' });
      else await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
      return;
    }
    await forget(ctx, { telegramUserId: ctx.from.id, chatId }, mark);
  });
  return c;
}
