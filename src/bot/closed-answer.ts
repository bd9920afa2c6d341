import type { User } from 'telegraf/types';
import type { BotContext, PendingMessage } from './context';
import * as kb from './keyboards';

/**
 * "Your report is closed", for every path a message about a closed report takes (a message
 * outside a report, a Telegram reply to staff, replies held during a report, a choice on "which
 * report?"), with "Ask staff to look at it again" where the rule allows; the tap itself is
 * src/bot/features/reopen.ts. Apart from that feature so that held-answers.ts can say it too.
 */

/** Messages kept for one tap at most (as many as wait for "which report?"); later ones are answered, not kept. */
const MAX_KEPT = 20;

/** The report a "closed" answer is about (`reportId` unknown: a report closed long ago, never offered the tap). */
export type ClosedReport = { reportId?: string; reference: string };

/**
 * The answer to messages about a report closed lately (`key`: `reply.closed`, or `reply.closed_new`
 * when they begin a new report too). When its reporter may have it looked at again
 * (ReopenService.offer, the domain rule), the answer carries "Ask staff to look at it again" and
 * the messages wait in the session for that tap; a duplicate or a report they already asked about
 * is said so instead. `menu`: the main menu goes with it (not when a report is being written or begins).
 * The first file of an album to arrive is answered for the whole album (`laterOfAlbum`).
 */
export async function answerClosed(ctx: BotContext & { from: User }, closed: ClosedReport, messages: PendingMessage[], opts: { key: 'reply.closed' | 'reply.closed_new'; menu: boolean }): Promise<void> {
  await answerOnce(ctx, closed, messages, opts);
  // Marked once answered: a first file whose answer failed leaves the next to speak for the album.
  const album = albumOf(ctx);
  if (album) ctx.session.closedAlbum = album;
}

async function answerOnce(ctx: BotContext & { from: User }, closed: ClosedReport, messages: PendingMessage[], opts: { key: 'reply.closed' | 'reply.closed_new'; menu: boolean }): Promise<void> {
  const vars = { reference: closed.reference };
  const plain = (key: string) => ctx.reply(ctx.t(key, vars), { parse_mode: 'HTML', ...(opts.menu ? kb.mainMenu(ctx.t) : {}) });
  // An account that begins a new report is in that report: the tap would put the same words in a
  // second ticket, and tie an anonymous new report to a named old one. Only other messages wait for it.
  if (opts.key === 'reply.closed_new' || !closed.reportId) return void (await plain(opts.key));
  const offer = await ctx.deps.reopen.offer(ctx.from.id, closed.reportId);
  if (offer.ok) {
    keep(ctx, closed.reportId, messages);
    await ctx.reply(ctx.t('reply.closed_offer', vars), { parse_mode: 'HTML', ...kb.askAgainKeyboard(ctx.t, closed.reportId, opts.menu) });
    return;
  }
  await plain(offer.reason === 'duplicate' ? 'reply.closed_duplicate' : offer.reason === 'already_asked' ? 'reply.closed_asked' : opts.key);
}

/**
 * A later file of an album whose first file to arrive was answered "closed" (Telegram sends an
 * album as one update per file, each with its media_group_id, in no promised order): not answered
 * again, and kept with the first for the tap when the tap was offered on this report, so every
 * photo reaches staff. The mark is in the session, which every bot process reads in turn (a
 * reporter's updates are handled one at a time), as `album` marks an album answered "added".
 * Not begun as a new report either, even with a story for its caption: the album was answered.
 */
export function laterOfAlbum(ctx: BotContext, reportId: string | undefined, message: PendingMessage): boolean {
  const album = albumOf(ctx);
  if (!album || ctx.session.closedAlbum !== album) return false;
  if (reportId && ctx.session.pendingDispute?.reportId === reportId) keep(ctx, reportId, [message]);
  return true;
}

function albumOf(ctx: BotContext): string | undefined {
  return ctx.message && 'media_group_id' in ctx.message ? ctx.message.media_group_id : undefined;
}

/**
 * Held for the tap, after any held earlier for the same report (a new report closed since replaces
 * them), in the order written (an album's files may come in any order; message ids rise in a chat).
 */
function keep(ctx: BotContext, reportId: string, messages: PendingMessage[]): void {
  const held = ctx.session.pendingDispute?.reportId === reportId ? ctx.session.pendingDispute.messages : [];
  const ordered = [...held, ...messages].sort((a, b) => (a.tg?.[0] ?? 0) - (b.tg?.[0] ?? 0));
  ctx.session.pendingDispute = { reportId, messages: ordered.slice(0, MAX_KEPT) };
}
