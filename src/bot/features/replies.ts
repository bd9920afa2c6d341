import { Routes } from '../routes';
import type { Message, User } from 'telegraf/types';
import type { MessageRefusal, ReporterMessage } from '../../services/conversation-service';
import type { BotContext, Draft, PendingAnswer, PendingMessage, PendingReply } from '../context';
import * as kb from '../keyboards';
import { captionOf, mediaOf } from '../media';
import { earlyStory, messageInput, runWizard, type WizardInput } from '../wizard';

/**
 * Reporter replies: text, photos, voice (and other files) sent outside the wizard while the
 * reporter has an open ticket go to that ticket's conversation for the agent
 * (`ConversationService`). With several open tickets the reporter picks one; with none the
 * message gets the main menu.
 */
export function repliesFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();

  c.on('message', async (ctx, next) => {
    const message = reporterMessage(ctx.message);
    if (!message) return next();
    // With one open ticket the message is stored on it in the same call; with several, the reporter picks.
    const result = await ctx.deps.conversation.take(ctx.from.id, message);
    if (result.ok) return received(ctx, result.reference);
    if (result.reason === 'no_ticket') {
      // Nothing left to choose from: what waited for a choice has no ticket to go to.
      ctx.session.pendingReply = undefined;
      if (result.closed && !earlyStory(message.text ?? '')) return void (await ctx.reply(ctx.t('reply.closed', { reference: result.closed }), { parse_mode: 'HTML', ...kb.mainMenu(ctx.t) }));
      return next();
    }
    if (result.reason !== 'choose') return refuse(ctx, result);
    // Each message sent before the choice waits with the ones before it (an album, or two quick texts).
    const waiting = live(ctx, ctx.session.pendingReply)?.messages ?? [];
    if (waiting.length >= MAX_PENDING) return void (await ctx.reply(ctx.t('reply.pick_first'), kb.pickReportKeyboard(ctx.t, result.tickets)));
    ctx.session.pendingReply = { reportIds: result.tickets.map((r) => r.reportId), messages: [...waiting, toPending(message)], at: ctx.now().getTime() };
    await ctx.reply(ctx.t('reply.pick'), kb.pickReportKeyboard(ctx.t, result.tickets));
  });

  // The report's id in the button, so an older "which report?" still names the report it showed;
  // the service checks again that it is this reporter's and open. (`rp:<n>`: buttons sent before.)
  c.action(/^rp:([0-9a-f]{24}|\d{1,2})$/, async (ctx) => {
    const pending = live(ctx, ctx.session.pendingReply);
    const choice = ctx.match[1];
    const reportId = choice.length === 24 ? choice : pending?.reportIds[Number(choice)];
    await ctx.answerCbQuery();
    if (!pending || !reportId) {
      ctx.session.pendingReply = undefined;
      await ctx.reply(ctx.t('reply.expired'), kb.mainMenu(ctx.t));
      return;
    }
    return attachAll(ctx, ctx.from.id, reportId, pending);
  });

  return c;
}

/**
 * Answers to staff: a message sent as a Telegram reply to the bot's message about an open ticket
 * goes to that ticket, before the report wizard sees it. Someone in danger is told staff may write
 * while they finish the report; their answer must reach staff, not become the story. A reply to a
 * staff message older than the report in progress may be a reply box left open: it waits for the
 * reporter to say whom it is for, since the new report may be sent anonymously.
 */
export function staffAnswersFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.on('message', async (ctx, next) => {
    const repliedTo = 'reply_to_message' in ctx.message ? ctx.message.reply_to_message : undefined;
    if (!repliedTo?.from?.is_bot) return next();
    if (forTheReport(ctx)) return next();
    const message = reporterMessage(ctx.message);
    if (!message) return next();
    const draft = ctx.session.draft;
    if (draft) {
      const target = await ctx.deps.conversation.answerTarget(ctx.from.id, repliedTo.message_id);
      if (!target.ok) return next();
      if (!begunBefore(draft, target.writtenAt)) return holdAnswer(ctx, { to: repliedTo.message_id, reference: target.reference, draftId: draft.id }, message);
    }
    const result = await ctx.deps.conversation.answer(ctx.from.id, repliedTo.message_id, message);
    if (result.ok) return sentToStaff(ctx, result.reference);
    if (result.reason === 'not_an_answer') return next();
    return refuse(ctx, result);
  });

  c.action(/^sa:([sr]):(\d{1,12})$/, async (ctx) => {
    // A split story's wait, begun by a held part, ends here: the wizard takes what it has.
    if (ctx.parts.isFlush(ctx.update)) return flushDraft(ctx);
    await ctx.answerCbQuery();
    const held = liveAnswer(ctx);
    if (!held || held.to !== Number(ctx.match[2])) {
      await ctx.reply(ctx.t('reply.expired'), ctx.session.draft ? {} : kb.mainMenu(ctx.t));
      if (ctx.session.draft) await runWizard(ctx, { type: 'show' });
      return;
    }
    ctx.session.pendingAnswer = undefined;
    return ctx.match[1] === 's' ? answerAll(ctx, held) : intoReport(ctx, held);
  });
  return c;
}

/**
 * The report in progress was begun before the staff message was written (so before it was sent):
 * Telegram's own date has only seconds, too coarse to order it against a report begun that second.
 */
function begunBefore(draft: Draft, writtenAt: Date): boolean {
  return draft.startedAt !== undefined && draft.startedAt < writtenAt.getTime();
}

/** Keeps the message until the reporter says whom it is for; asked once for the messages sent together (an album). */
async function holdAnswer(ctx: BotContext & { message: Message; from: User }, about: Pick<PendingAnswer, 'to' | 'reference' | 'draftId'>, message: ReporterMessage): Promise<void> {
  const waiting = liveAnswer(ctx);
  const same = waiting && waiting.to === about.to && waiting.draftId === about.draftId;
  if (waiting && (!same || waiting.messages.length >= MAX_HELD)) return void (await ctx.reply(ctx.t('reply.whom_first')));
  const input = messageInput(ctx.message, ctx.from.id, { back: ctx.t('btn.back'), cancel: ctx.t('btn.cancel') });
  ctx.session.pendingAnswer = { ...about, messages: [...(waiting?.messages ?? []), toPending(message)], inputs: [...(waiting?.inputs ?? []), input], at: ctx.now().getTime() };
  if (!waiting) await ctx.reply(ctx.t('reply.whom', { reference: about.reference }), { parse_mode: 'HTML', ...kb.answerWhomKeyboard(ctx.t, about.reference, about.to) });
}

/** "To Ripoti staff": each held message to the ticket, then the report's question again. */
async function answerAll(ctx: BotContext & { from: User }, held: PendingAnswer): Promise<void> {
  let reference: string | undefined;
  for (const m of held.messages) {
    const result = await ctx.deps.conversation.answer(ctx.from.id, held.to, toMessage(m));
    if (!result.ok && result.reason === 'not_an_answer') {
      await ctx.reply(ctx.t('reply.closed', { reference: held.reference }), { parse_mode: 'HTML' });
      break;
    }
    if (!result.ok) await refuse(ctx, result);
    else reference = result.reference;
  }
  if (reference) await sentToStaff(ctx, reference);
  else if (ctx.session.draft) await runWizard(ctx, { type: 'show' });
}

/** "For my new report": the held messages go to the wizard in the order sent, as if sent now. */
async function intoReport(ctx: BotContext, held: PendingAnswer): Promise<void> {
  if (ctx.session.draft?.id !== held.draftId) return void (await ctx.reply(ctx.t('reply.expired'), kb.mainMenu(ctx.t)));
  // Each file is counted as it comes (an album's one answer waits on a timer this update cannot own).
  for (const input of held.inputs) await runWizard(ctx, withoutAlbum(input));
  await flushDraft(ctx);
}

function withoutAlbum(input: WizardInput): WizardInput {
  if (input.type !== 'media') return input;
  const { album: _album, ...single } = input;
  return single;
}

/** A split story or an album still waiting is taken as it is. */
async function flushDraft(ctx: BotContext): Promise<void> {
  const d = ctx.session.draft;
  if (d && (d.parts || d.albumPending)) await runWizard(ctx, { type: 'flush', draftId: d.id });
}

async function sentToStaff(ctx: BotContext, reference: string): Promise<void> {
  await received(ctx, reference);
  // A staff message opens the reply box, and a phone app may hide the report's keyboard for
  // it: the question being answered comes back, with its keyboard, under "sent to the staff".
  if (ctx.session.draft) await runWizard(ctx, { type: 'show' });
}

function liveAnswer(ctx: BotContext): PendingAnswer | undefined {
  const held = ctx.session.pendingAnswer;
  return held && ctx.now().getTime() - held.at < PENDING_FOR_MS ? held : undefined;
}

/**
 * Text, a file with its caption, or a location or place shared (staff ask "where are you now?"),
 * kept as words and a map link they can read and open; undefined for a command or anything else
 * (a sticker; a contact card, which could be the reporter's own number on an anonymous report).
 */
function reporterMessage(msg: Message): ReporterMessage | undefined {
  const telegram = { messageId: msg.message_id, date: msg.date };
  const shared = sharedPlace(msg);
  if (shared) return { text: shared, telegram };
  const media = mediaOf(msg);
  const text = 'text' in msg ? msg.text : captionOf(msg);
  if (!media && !('text' in msg)) return undefined;
  if ('text' in msg && msg.text.startsWith('/')) return undefined;
  return { ...(text !== undefined ? { text } : {}), ...(media ? { media } : {}), telegram };
}

function sharedPlace(msg: Message): string | undefined {
  const where = (l: { latitude: number; longitude: number }) => {
    const [lat, lon] = [l.latitude.toFixed(5), l.longitude.toFixed(5)];
    return `${lat}, ${lon} https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  };
  if ('venue' in msg) return `📍 ${[msg.venue.title, msg.venue.address].filter(Boolean).join(', ')}\n${where(msg.venue.location)}`;
  if ('location' in msg) return `📍 ${where(msg.location)}`;
  return undefined;
}

/**
 * A reply box opened on a staff message does not make the report's own answers staff answers:
 * the report keyboard's Back and Cancel, and a location shared at the "where" question.
 */
function forTheReport(ctx: BotContext): boolean {
  const d = ctx.session.draft;
  if (!d || !ctx.message) return false;
  if ('location' in ctx.message && !('venue' in ctx.message)) return d.step === 'place';
  return 'text' in ctx.message && [ctx.t('btn.back'), ctx.t('btn.cancel')].includes(ctx.message.text);
}

/** Messages waiting for "which report?" at most; more are refused until the reporter chooses. */
const MAX_PENDING = 20;
/** Messages waiting for "whom is this for?" at most (an album is ten). */
const MAX_HELD = 10;
/** How long messages wait for "which report?" after the last one: an hour later, a choice is not about them. */
const PENDING_FOR_MS = 3600_000;

function live(ctx: BotContext, pending: PendingReply | undefined): PendingReply | undefined {
  return pending && ctx.now().getTime() - pending.at < PENDING_FOR_MS ? pending : undefined;
}

function toMessage(p: PendingMessage): ReporterMessage {
  return { ...(p.text !== undefined ? { text: p.text } : {}), ...(p.media ? { media: p.media } : {}), ...(p.tg ? { telegram: { messageId: p.tg[0], date: p.tg[1] } } : {}) };
}

function toPending(m: ReporterMessage): PendingMessage {
  return { ...(m.text !== undefined ? { text: m.text } : {}), ...(m.media ? { media: m.media } : {}), ...(m.telegram ? { tg: [m.telegram.messageId, m.telegram.date] } : {}) };
}

async function refuse(ctx: BotContext, why: MessageRefusal): Promise<void> {
  if (why.reason === 'too_big') await ctx.reply(ctx.t('ev.too_big', { mb: why.maxBytes / (1024 * 1024) }));
  else await ctx.reply(ctx.t(`reply.${why.reason}`, { max: why.max }));
}

async function received(ctx: BotContext, reference: string): Promise<void> {
  await ctx.reply(ctx.t('reply.received', { reference }), { parse_mode: 'HTML' });
}

/**
 * Every waiting message to the report chosen, in the order sent. Each leaves the session once
 * stored, so an error half-way (the session is saved even then) keeps only the rest waiting, and
 * a second tap neither loses nor doubles any.
 */
async function attachAll(ctx: BotContext, telegramUserId: number, reportId: string, pending: PendingReply): Promise<void> {
  let reference: string | undefined;
  while (pending.messages.length) {
    // The service checks again that the report is still this reporter's and still open.
    const result = await ctx.deps.conversation.attach(telegramUserId, reportId, toMessage(pending.messages[0]));
    pending.messages.shift();
    if (!result.ok) {
      ctx.session.pendingReply = undefined;
      if (result.reason === 'not_yours' || result.reason === 'not_open') return void (await ctx.reply(ctx.t('reply.expired'), kb.mainMenu(ctx.t)));
      return refuse(ctx, result);
    }
    reference = result.reference;
  }
  ctx.session.pendingReply = undefined;
  if (reference) await received(ctx, reference);
}
