import { Routes } from '../routes';
import { CLOSED_LATELY_MS } from '../../domain';
import type { AskAgainResult } from '../../services/reopen-service';
import type { BotContext } from '../context';
import { toMessage } from '../held-answers';
import * as kb from '../keyboards';
import { runWizard } from '../wizard';

/**
 * "Ask staff to look at it again" (`ra:<reportId>`). The data is not trusted: the service looks the
 * report up, checks it is this reporter's and may be reopened now (once; a stale button gets why not).
 */
export function reopenFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.action(/^ra:([0-9a-f]{24})$/, async (ctx) => {
    await ctx.answerCbQuery();
    const reportId = ctx.match[1];
    const pending = ctx.session.pendingDispute?.reportId === reportId ? ctx.session.pendingDispute : undefined;
    const result = await ctx.deps.reopen.askAgain(ctx.from.id, reportId, (pending?.messages ?? []).map(toMessage));
    // Sent, or never to be: either way they wait no more (an error above keeps them for a tap again).
    if (pending && (result.ok || result.reason !== 'not_yours')) ctx.session.pendingDispute = undefined;
    await ctx.reply(answerText(ctx, result), { parse_mode: 'HTML', ...(ctx.session.draft ? {} : kb.mainMenu(ctx.t)) });
    // A report being written: its question comes back under the answer.
    if (ctx.session.draft) await runWizard(ctx, { type: 'show' });
  });
  return c;
}

function answerText(ctx: BotContext, result: AskAgainResult): string {
  if (result.ok) return ctx.t(result.sent ? 'reply.reopened' : 'reply.reopened_empty', { reference: result.reference });
  const reference = result.reference;
  switch (result.reason) {
    case 'not_yours':
      // A button from before /forget: the report is no one's now, and a message sent again would
      // reach no one either ("expired" asked them to send it again).
      return ctx.t(ctx.session.forgotten ? 'reply.forgotten' : 'reply.expired');
    case 'open':
      return ctx.t('reply.reopen_open', { reference });
    case 'already_asked':
      return ctx.t('reply.closed_asked', { reference });
    case 'too_old':
      return ctx.t('reply.reopen_too_old', { reference, days: CLOSED_LATELY_MS / 86_400_000 });
    case 'duplicate':
      return ctx.t('reply.closed_duplicate', { reference });
    default:
      return ctx.t('reply.closed', { reference });
  }
}
