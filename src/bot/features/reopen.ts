import { Routes } from '../routes';
import type { User } from 'telegraf/types';
import { CLOSED_LATELY_MS } from '../../domain';
import type { AskAgainResult } from '../../services/reopen-service';
import type { BotContext, PendingMessage } from '../context';
import { toMessage } from '../held-answers';
import * as kb from '../keyboards';
import { runWizard } from '../wizard';

/** Messages kept for one tap at most (as many as wait for "which report?"); later ones are answered, not kept. */
const MAX_KEPT = 20;

/** The report a "closed" answer is about. */
export type ClosedReport = { reportId: string; reference: string };

/**
 * The answer to messages about a report closed lately (`key`: `reply.closed`, or `reply.closed_new`
 * when they begin a new report too). When its reporter may have it looked at again
 * (ReopenService.offer, the domain rule), the answer carries "Ask staff to look at it again" and
 * the messages wait in the session for that tap; a duplicate or a report they already asked about
 * is said so instead. `menu`: the main menu goes with it (not when a report is being written or begins).
 */
export async function answerClosed(ctx: BotContext & { from: User }, closed: ClosedReport, messages: PendingMessage[], opts: { key: 'reply.closed' | 'reply.closed_new'; menu: boolean }): Promise<void> {
  const vars = { reference: closed.reference };
  // An account that begins a new report is in that report: the tap would put the same words in a
  // second ticket, and tie an anonymous new report to a named old one. Only other messages wait for it.
  if (opts.key === 'reply.closed_new') return void (await ctx.reply(ctx.t(opts.key, vars), { parse_mode: 'HTML', ...(opts.menu ? kb.mainMenu(ctx.t) : {}) }));
  const offer = await ctx.deps.reopen.offer(ctx.from.id, closed.reportId);
  if (offer.ok) {
    keep(ctx, closed.reportId, messages);
    await ctx.reply(ctx.t('reply.closed_offer', vars), { parse_mode: 'HTML', ...kb.askAgainKeyboard(ctx.t, closed.reportId, opts.menu) });
    return;
  }
  const key = offer.reason === 'duplicate' ? 'reply.closed_duplicate' : offer.reason === 'already_asked' ? 'reply.closed_asked' : opts.key;
  await ctx.reply(ctx.t(key, vars), { parse_mode: 'HTML', ...(opts.menu ? kb.mainMenu(ctx.t) : {}) });
}

/** Held for the tap, after any held earlier for the same report (a new report closed since replaces them). */
function keep(ctx: BotContext, reportId: string, messages: PendingMessage[]): void {
  const held = ctx.session.pendingDispute?.reportId === reportId ? ctx.session.pendingDispute.messages : [];
  ctx.session.pendingDispute = { reportId, messages: [...held, ...messages].slice(0, MAX_KEPT) };
}

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
      return ctx.t('reply.expired');
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
