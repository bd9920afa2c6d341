import type { User } from 'telegraf/types';
import type { Attached, MessageRefusal, ReporterMessage } from '../services/conversation-service';
import { answerClosed } from './closed-answer';
import type { BotContext, PendingAnswer, PendingMessage } from './context';
import type { WizardInput } from './wizard/types';
import * as kb from './keyboards';
import { SESSION_TTL_SEC } from './session-store';

/**
 * Messages held during a report on "where should it go?" (src/bot/features/replies.ts), as staff
 * read them, and their delivery; also what is left when the report is cancelled before the answer,
 * and messages that wait for "which report?" when a report ends.
 */

/**
 * How long messages wait for "which report?" after the last one: as long as the conversation is
 * kept. A reporter who went quiet and comes back still has their words (a photo may be gone from
 * the phone by then); the choice names each report, and the service checks it is still open.
 */
export const PENDING_FOR_MS = SESSION_TTL_SEC * 1000;

/**
 * A report just sent or cancelled while messages waited for "which report?" (the reporter began
 * it instead of answering), or the language changed (/language): the question again, under the
 * report's end or "language set", with every open report to choose from (the new one too), so the
 * waiting messages are neither forgotten nor joined unseen with the next one. True when asked.
 */
export async function askWhichReportAgain(ctx: BotContext): Promise<boolean> {
  const waiting = ctx.session.pendingReply;
  if (!ctx.from || !waiting?.messages?.length || ctx.now().getTime() - waiting.at >= PENDING_FOR_MS) return false;
  const tickets = await ctx.deps.conversation.openTickets(ctx.from.id);
  if (!tickets.length) return false;
  await ctx.reply(ctx.t('reply.pick_again'), kb.pickReportKeyboard(ctx.t, tickets));
  return true;
}

/**
 * The report was cancelled while messages waited on "where should it go?": the replies to staff
 * among them go to the staff (they were written to them, and the reporter would never be asked
 * again); the rest were the report's own words and went with it. Each leaves once taken.
 */
export async function answersLeftByCancel(ctx: BotContext, draftId: string | undefined): Promise<void> {
  const pending = ctx.session.pendingAnswer;
  if (!ctx.from || !draftId || pending?.draftId !== draftId || !Array.isArray(pending.held)) return;
  const withFrom = ctx as BotContext & { from: User };
  pending.held = pending.held.filter((item) => item.r);
  let reference: string | undefined;
  while (pending.held.length) {
    const result = await answerHeld(withFrom, pending, pending.held[0]);
    pending.held.shift();
    if (result.ok) reference = result.reference;
    else if (result.reason === 'closed') break;
  }
  ctx.session.pendingAnswer = undefined;
  if (!reference) return;
  // Stored, as `received` in src/bot/features/replies.ts says it.
  ctx.state.stored = true;
  await ctx.reply(ctx.t('reply.received', { reference }), { parse_mode: 'HTML' });
}

/**
 * One held reply to staff (`pending.held[0]`), stored on the ticket; refused when the message broke
 * a limit (said why), or when the ticket closed: then said once, as a message about a closed report
 * is anywhere (src/bot/closed-answer.ts), with the tap when the rule allows, which sends this
 * reply and the replies held after it (the caller sends none of them on). The main menu goes with
 * it unless a report is being written (its question comes back instead).
 */
export async function answerHeld(ctx: BotContext & { from: User }, pending: PendingAnswer, item: PendingAnswer['held'][number]): Promise<{ ok: true; reference: string; danger?: Attached['danger'] } | { ok: false; reason: 'closed' | 'refused' }> {
  const message = heldMessage(item.input, item.tg);
  if (!message) return { ok: false, reason: 'refused' };
  const result = await ctx.deps.conversation.answer(ctx.from.id, pending.to, message);
  if (result.ok) return { ok: true, reference: result.reference, ...(result.danger ? { danger: result.danger } : {}) };
  if (result.reason === 'not_an_answer' || result.reason === 'closed') {
    // Not an answer any more (the report is no longer theirs to find): closed, without the tap.
    const closed = result.reason === 'closed' ? { reportId: result.reportId, reference: result.reference } : { reference: pending.reference };
    const replies = pending.held.filter((i) => i.r).flatMap((i) => heldMessage(i.input, i.tg) ?? []);
    await answerClosed(ctx, closed, replies.map(toPending), { key: 'reply.closed', menu: !ctx.session.draft });
    return { ok: false, reason: 'closed' };
  }
  await refuse(ctx, result);
  return { ok: false, reason: 'refused' };
}

/** A held message as staff read it: its words, its file, or the place shared. */
function heldMessage(input: WizardInput, [messageId, date]: [number, number]): ReporterMessage | undefined {
  const telegram = { messageId, date };
  if (input.type === 'text') return { text: input.text, telegram };
  if (input.type === 'passedOn') return { text: input.text, telegram, passedOn: passedOnMark(input) };
  if (input.type === 'media') return { ...(input.caption !== undefined ? { text: input.caption } : {}), media: input.media, telegram, ...(input.forwarded ? { passedOn: passedOnMark(input.forwarded) } : {}) };
  if (input.type === 'location') return { text: `📍 ${where(input)}`, telegram };
  return undefined;
}

/** Forwarded from someone else, as a message to the staff is stored: who sent it, and when. */
export function passedOnMark(p: { from?: string; at?: number }): NonNullable<ReporterMessage['passedOn']> {
  return { ...(p.from ? { from: p.from } : {}), ...(p.at !== undefined ? { sentAt: new Date(p.at) } : {}) };
}

/** Coordinates staff can read, and a map link they can open. */
export function where(l: { lat: number; lon: number }): string {
  const [lat, lon] = [l.lat.toFixed(5), l.lon.toFixed(5)];
  return `${lat}, ${lon} https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

export async function refuse(ctx: BotContext, why: MessageRefusal): Promise<void> {
  if (why.reason === 'too_big') await ctx.reply(ctx.t('ev.too_big', { mb: why.maxBytes / (1024 * 1024) }));
  else await ctx.reply(ctx.t(`reply.${why.reason}`, { max: why.max }));
}

/** A message kept in the session, as the services take it. */
export function toMessage(p: PendingMessage): ReporterMessage {
  const fwd = p.fwd ? { passedOn: passedOnMark(p.fwd) } : {};
  return { ...(p.text !== undefined ? { text: p.text } : {}), ...(p.media ? { media: p.media } : {}), ...(p.tg ? { telegram: { messageId: p.tg[0], date: p.tg[1] } } : {}), ...fwd };
}

/** A message as the session keeps it until it goes somewhere. */
export function toPending(m: ReporterMessage): PendingMessage {
  const fwd = m.passedOn ? { fwd: { ...(m.passedOn.from ? { from: m.passedOn.from } : {}), ...(m.passedOn.sentAt ? { at: m.passedOn.sentAt.getTime() } : {}) } } : {};
  return { ...(m.text !== undefined ? { text: m.text } : {}), ...(m.media ? { media: m.media } : {}), ...(m.telegram ? { tg: [m.telegram.messageId, m.telegram.date] } : {}), ...fwd };
}
