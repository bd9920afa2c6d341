import { Routes } from '../routes';
import type { Message, User } from 'telegraf/types';
import { asksAboutProcess, saysDangerNow, worriesAboutBeingKnown, worryLanguage } from '../../domain';
import type { Attached, OpenTicket, ReporterMessage, TakeResult } from '../../services/conversation-service';
import type { BotContext, Draft, PendingAnswer, PendingReply } from '../context';
import * as kb from '../keyboards';
import { captionOf, mediaOf } from '../media';
import { answeredAfterClosing } from '../after-closing';
import { answerClosed, laterOfAlbum } from '../closed-answer';
import { answerHeld, passedOnMark, PENDING_FOR_MS, refuse, toMessage, toPending, where } from '../held-answers';
import { beginReport, earlyStory, emergencyNumbers, messageInput, onlyThanks, PART_MIN_CHARS, passedOn, passedOnText, readWord, runWizard, SEND, WIZARD_DATA } from '../wizard';

/**
 * Reporter replies: text, photos, voice (and other files) sent outside the wizard while the
 * reporter has an open ticket go to that ticket's conversation for the agent
 * (`ConversationService`). With several open tickets the reporter picks one; with none the
 * message gets the main menu.
 */
export function repliesFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();

  c.on('message', async (ctx, next) => {
    const message = reporterMessage(ctx.message, ctx.from?.id);
    if (!message) return next();
    if (await thanksAfterReceived(ctx, message)) return;
    const album = albumOf(ctx);
    const answered = album !== undefined && ctx.session.album === album;
    // With one open ticket the message is stored on it in the same call; with several, the reporter picks.
    const result = await ctx.deps.conversation.take(ctx.from.id, message, { chosen: ctx.session.picked, chosenOver: ctx.session.pickedOver });
    if (result.ok) {
      if (!answered) await received(ctx, result, false, message);
      await offerConsent(ctx, result, message.text);
      // Only once the reporter was answered: a first file refused (too big) or failed still speaks for itself.
      ctx.session.album = album;
      return;
    }
    // Danger written now: the numbers at once, before any question about which report or a closed one.
    if (!message.passedOn && message.text !== undefined && saysDangerNow(message.text)) await ctx.reply(emergencyNumbers(ctx, result.reason === 'choose' ? result.tickets[0].category : ''), { parse_mode: 'HTML' });
    if (result.reason === 'no_ticket') {
      // Nothing left to choose from: what waited for a choice has no ticket to go to.
      ctx.session.pendingReply = undefined;
      return noTicket(ctx, next, result, message);
    }
    if (result.reason !== 'choose') return refuse(ctx, result);
    // Each message sent before the choice waits with the ones before it (an album, or two quick texts).
    const waiting = live(ctx, ctx.session.pendingReply)?.messages ?? [];
    const buttons = kb.pickReportKeyboard(ctx.t, result.tickets, result.closed);
    if (waiting.length >= MAX_PENDING) return void (await ctx.reply(ctx.t('reply.pick_first'), buttons));
    const closed = result.closed && { reportId: result.closed.reportId, reference: result.closed.reference };
    ctx.session.pendingReply = { reportIds: result.tickets.map((r) => r.reportId), messages: [...waiting, toPending(message)], at: ctx.now().getTime(), ...(closed ? { closed } : {}) };
    // An album's later files wait with its first, under the one question already asked.
    if (!(answered && waiting.length)) await ctx.reply(ctx.t('reply.pick'), buttons);
    ctx.session.album = album;
  });

  pickRoutes(c);
  return c;
}

/**
 * No open ticket. Someone else's words forwarded begin a report with them (the fallback), as an
 * account of what happened does. About a report closed lately, the answer offers to ask staff to
 * look at it again (src/bot/closed-answer.ts), with this message for them.
 */
async function noTicket(ctx: MessageCtx, next: Next, result: Extract<TakeResult, { reason: 'no_ticket' }>, message: ReporterMessage): Promise<void> {
  const closed = result.closed && result.closedId ? { reportId: result.closedId, reference: result.closed } : undefined;
  // The rest of an album answered "closed" already: with its first, whatever its caption says.
  if (result.closed && laterOfAlbum(ctx, result.closedId, toPending(message))) return;
  // "Did Ripoti help you?" answered in words, or the closing thanked: no call to reopen it.
  if (closed && (await answeredAfterClosing(ctx, closed, message))) return;
  if (result.closed && !message.passedOn && !earlyStory(message.text ?? '')) return answerClosed(ctx, closed ?? { reference: result.closed }, [toPending(message)], { key: 'reply.closed', menu: true });
  if (!closed || message.passedOn) return next();
  // "Why did you reject my report? ..." begins a new one: said first, or they believe it is the old one.
  await answerClosed(ctx, closed, [toPending(message)], { key: 'reply.closed_new', menu: false });
  await next();
}

/** The answers to "which report?": an open report (`rp:`), or the one closed lately (`rc:`). */
function pickRoutes(c: Routes<BotContext>): void {
  // The report's id in the button, so an older "which report?" still names the report it showed;
  // the service checks again that it is this reporter's and open. (`rp:<n>`: buttons sent before.)
  c.action(/^rp:([0-9a-f]{24}|\d{1,2})$/, async (ctx) => {
    const pending = live(ctx, ctx.session.pendingReply);
    const choice = ctx.match[1];
    const reportId = choice.length === 24 ? choice : pending?.reportIds[Number(choice)];
    await ctx.answerCbQuery();
    if (!pending || !reportId) {
      // A second tap on the report just chosen: the messages went, and "sent" was said once.
      if (reportId && ctx.session.picked === reportId) return;
      ctx.session.pendingReply = undefined;
      // After /forget the messages went with the rest, and sent again they would reach no one.
      await ctx.reply(ctx.t(ctx.session.forgotten ? 'reply.forgotten' : 'reply.expired'), { parse_mode: 'HTML', ...kb.mainMenu(ctx.t) });
      return;
    }
    return attachAll(ctx, ctx.from.id, reportId, pending);
  });

  // The report closed lately, chosen: what waited reached no one, and that is said (never sent to another).
  c.action(/^rc:([0-9a-f]{24})$/, async (ctx) => {
    const pending = live(ctx, ctx.session.pendingReply);
    await ctx.answerCbQuery();
    const closed = pending?.closed?.reportId === ctx.match[1] ? pending.closed : undefined;
    if (closed) return keptOnClosed(ctx, closed, undefined);
    // A second tap on the closed report just chosen: its answer and tap were given once.
    if (ctx.session.picked === ctx.match[1]) return;
    ctx.session.pendingReply = undefined;
    await ctx.reply(ctx.t(ctx.session.forgotten ? 'reply.forgotten' : 'reply.expired'), { parse_mode: 'HTML', ...kb.mainMenu(ctx.t) });
  });
}

/**
 * Answers to staff: a message sent as a Telegram reply to the bot's message about an open ticket
 * goes to that ticket, before the report wizard sees it. During a report, a staff message opens
 * the reply box while the reporter types the report, which may go anonymously: such a reply (and
 * what follows it) waits for the reporter to say where it goes. A reply about the report's own
 * urgent ticket goes at once: someone in danger answers staff while they finish the report.
 */
export function staffAnswersFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.on('message', async (ctx, next) => {
    if (forTheReport(ctx)) return next();
    const message = reporterMessage(ctx.message, ctx.from?.id);
    // A phone number shared sends the report: not while messages for it wait (it is shared again after the choice).
    const waiting = liveAnswer(ctx);
    if ('contact' in ctx.message && waiting && waiting.draftId === ctx.session.draft?.id) return void (await askWhom(ctx, waiting, 'reply.whom_before_send'));
    if (!message) return next();
    const repliedTo = 'reply_to_message' in ctx.message && ctx.message.reply_to_message?.from?.is_bot ? ctx.message.reply_to_message.message_id : undefined;
    const draft = ctx.session.draft;
    if (draft) return duringReport(ctx, next, { draft, message, repliedTo });
    if (repliedTo === undefined) return next();
    return answerNow(ctx, next, repliedTo, message);
  });

  // The report is not sent while messages for it wait on "where should it go?": they would be left out.
  c.action(WIZARD_DATA, async (ctx, next) => {
    const waiting = liveAnswer(ctx);
    const [, draftId, step, value] = ctx.match;
    if (waiting?.draftId !== draftId || step !== 'review' || !SEND.includes(value)) return next();
    await ctx.answerCbQuery();
    await askWhom(ctx, waiting, 'reply.whom_before_send');
  });

  c.action(/^sa:([sr]):(\d{1,12})$/, async (ctx) => {
    // An album's or a split story's wait, begun by a held message replayed below, ends here.
    if (ctx.parts.isFlush(ctx.update)) return flushDraft(ctx);
    const to = Number(ctx.match[2]);
    const held = liveAnswer(ctx);
    await ctx.answerCbQuery();
    if (!held || held.to !== to) {
      // A second tap on buttons already answered: the same answer, nothing to send again.
      if (ctx.session.answered === to) return;
      await ctx.reply(ctx.t('reply.expired'), ctx.session.draft ? {} : kb.mainMenu(ctx.t));
      if (ctx.session.draft) await runWizard(ctx, { type: 'show' });
      return;
    }
    ctx.session.answered = to;
    return release(ctx, held, ctx.match[1] === 's');
  });
  return c;
}

type Next = () => Promise<void>;
type MessageCtx = BotContext & { message: Message; from: User };

async function answerNow(ctx: MessageCtx, next: Next, repliedTo: number, message: ReporterMessage): Promise<void> {
  const result = await ctx.deps.conversation.answer(ctx.from.id, repliedTo, message);
  if (result.ok) {
    await received(ctx, result, false, message);
    await offerConsent(ctx, result, message.text);
    return backToReport(ctx);
  }
  if (result.reason === 'not_an_answer') return next();
  if (result.reason === 'closed') {
    // An account written in reply to a closed ticket's message starts a new report with it, as
    // one sent without a reply does (never another open ticket: see ConversationService.answer).
    // Text only: a photo's caption is `text` too, and a file would not go with the story.
    const story = ctx.session.draft || message.media || message.passedOn ? undefined : earlyStory(message.text ?? '');
    const closed = { reportId: result.reportId, reference: result.reference };
    if (laterOfAlbum(ctx, closed.reportId, toPending(message))) return;
    if (!ctx.session.draft && (await answeredAfterClosing(ctx, closed, message))) return;
    if (story) {
      await answerClosed(ctx, closed, [toPending(message)], { key: 'reply.closed_new', menu: false });
      return void (await beginReport(ctx, undefined, story));
    }
    // During a report the wizard's question stays the one to answer; elsewhere, the menu.
    await answerClosed(ctx, closed, [toPending(message)], { key: 'reply.closed', menu: !ctx.session.draft });
    if (ctx.session.draft) await runWizard(ctx, { type: 'show' });
    return;
  }
  return refuse(ctx, result);
}

/** A message during a report: the report's own, an answer to its urgent ticket, or one that waits for "where should it go?". */
async function duringReport(ctx: MessageCtx, next: Next, m: { draft: Draft; message: ReporterMessage; repliedTo?: number }): Promise<void> {
  const target = m.repliedTo === undefined ? undefined : await ctx.deps.conversation.answerTarget(ctx.from.id, m.repliedTo);
  const staff = target?.ok && m.repliedTo !== undefined ? { to: m.repliedTo, reference: target.reference } : undefined;
  // Someone in danger answers staff about this very report at once, whatever else waits.
  if (staff && staff.reference === m.draft.urgent) return answerNow(ctx, next, staff.to, m.message);
  const waiting = liveAnswer(ctx);
  // While the question waits, the report's next words wait behind it, in order.
  if (waiting?.draftId === m.draft.id) return holdAnswer(ctx, waiting, staff);
  if (!staff) return next();
  // A batch from an earlier report still waits for its answer: that question first.
  if (waiting?.held.length) return void (await askWhom(ctx, waiting, 'reply.whom_first'));
  return holdAnswer(ctx, { ...staff, draftId: m.draft.id, held: [], at: 0 }, staff);
}

/**
 * Keeps the message until the reporter says where it goes (`staff`: what it replied to, if a staff
 * message): asked once for messages sent together, and again under what comes later. A reply to
 * another staff message meanwhile, or one message too many, is not kept: the reporter is asked to choose first.
 */
async function holdAnswer(ctx: MessageCtx, into: PendingAnswer, staff: { to: number } | undefined): Promise<void> {
  if ((staff && staff.to !== into.to) || into.held.length >= MAX_HELD) return void (await askWhom(ctx, into, 'reply.whom_first'));
  const input = messageInput(ctx.message, ctx.from.id, { back: ctx.t('btn.back'), cancel: ctx.t('btn.cancel') });
  const now = ctx.now().getTime();
  // An album's files, or a paste Telegram split, come together: asked once. The rest of a reply's
  // album, or of its paste (a part as long as Telegram cuts them), is part of that reply.
  const album = 'media_group_id' in ctx.message && Boolean(ctx.message.media_group_id);
  const together = album || now - into.at < ASK_AGAIN_AFTER_MS;
  const last = into.held.at(-1);
  const cut = last?.input.type === 'text' && [...last.input.text].length >= PART_MIN_CHARS;
  const reply = staff !== undefined || (last?.r === true && together && (album || cut));
  const item = { input, tg: [ctx.message.message_id, ctx.message.date] as [number, number], ...(reply ? { r: true as const } : {}) };
  ctx.session.pendingAnswer = { ...into, held: [...into.held, item], at: now };
  if (!into.held.length) return void (await askWhom(ctx, into, 'reply.whom'));
  if (!together) await askWhom(ctx, into, reply ? 'reply.whom' : 'reply.whom_wait');
}

function askWhom(ctx: BotContext, about: PendingAnswer, key: string): Promise<unknown> {
  return ctx.reply(ctx.t(key, { reference: about.reference }), { parse_mode: 'HTML', ...kb.answerWhomKeyboard(ctx.t, about.reference, about.to) });
}

/**
 * The answer: `toStaff`, the replies go to the ticket and what was typed after them into the
 * report; otherwise everything into the report. In the order sent; each leaves once taken, so an
 * error half-way keeps only the rest (a retried reply is stored once, by its Telegram id).
 */
async function release(ctx: BotContext & { from: User }, pending: PendingAnswer, toStaff: boolean): Promise<void> {
  const intoReport = ctx.session.draft?.id === pending.draftId;
  // "Into my new report": the replies are the report's now, so a cancel among the words replayed
  // into it does not send the rest to staff (answersLeftByCancel sends only those marked).
  if (!toStaff) pending.held = pending.held.map(({ r: _reply, ...item }) => item);
  const done = { reference: undefined as string | undefined, danger: undefined as Attached['danger'], closed: false, replayed: false, dropped: false };
  while (pending.held.length) {
    const item = pending.held[0];
    if (toStaff && item.r) {
      const result = done.closed ? undefined : await answerHeld(ctx, pending, item);
      pending.held.shift();
      if (result?.ok) [done.reference, done.danger] = [result.reference, withDanger(done.danger, result.danger)];
      else if (result?.reason === 'closed') done.closed = true;
    } else {
      pending.held.shift();
      if (intoReport) await runWizard(ctx, item.input);
      done[intoReport ? 'replayed' : 'dropped'] = true;
    }
  }
  ctx.session.pendingAnswer = undefined;
  // An album's one answer, or a split story, waits on a timer this update cannot own: taken now.
  await flushDraft(ctx);
  if (done.dropped) await ctx.reply(ctx.t('reply.expired'), ctx.session.draft ? {} : kb.mainMenu(ctx.t));
  if (done.reference) return sentToStaff(ctx, { reference: done.reference, danger: done.danger });
  if (!done.replayed && ctx.session.draft) await runWizard(ctx, { type: 'show' });
}

/** A split story or an album still waiting is taken as it is. */
async function flushDraft(ctx: BotContext): Promise<void> {
  const d = ctx.session.draft;
  if (d && (d.parts || d.albumPending)) await runWizard(ctx, { type: 'flush', draftId: d.id });
}

async function sentToStaff(ctx: BotContext, sent: Pick<Attached, 'reference' | 'danger'>): Promise<void> {
  await received(ctx, sent);
  await backToReport(ctx);
}

/**
 * A staff message opens the reply box, and a phone app may hide the report's keyboard for it:
 * the question being answered comes back, with its keyboard, under "sent to the staff".
 */
async function backToReport(ctx: BotContext): Promise<void> {
  if (ctx.session.draft) await runWizard(ctx, { type: 'show' });
}

/** Messages that wait for "where should it go?" (until answered: they are never dropped unsaid). */
function liveAnswer(ctx: BotContext): PendingAnswer | undefined {
  const held = ctx.session.pendingAnswer;
  return held && Array.isArray(held.held) && held.held.length ? held : undefined;
}

/**
 * Text, a file with its caption, or a location or place shared (staff ask "where are you now?"),
 * kept as words and a map link they can read and open; undefined for a command or anything else
 * (a sticker; a contact card, which could be the reporter's own number on an anonymous report).
 */
function reporterMessage(msg: Message, fromId: number | undefined): ReporterMessage | undefined {
  const telegram = { messageId: msg.message_id, date: msg.date };
  const shared = sharedPlace(msg);
  if (shared) return { text: shared, telegram };
  const media = mediaOf(msg);
  const text = 'text' in msg ? msg.text : captionOf(msg);
  if (!media && !('text' in msg)) return undefined;
  const fwd = passedOn(msg, fromId) ? passedOnText(msg, text ?? '') : undefined;
  // A forwarded text that begins with "/" is someone else's words, not a command.
  if ('text' in msg && msg.text.startsWith('/') && !fwd) return undefined;
  return { ...(text !== undefined ? { text } : {}), ...(media ? { media } : {}), telegram, ...(fwd ? { passedOn: passedOnMark(fwd) } : {}) };
}

function sharedPlace(msg: Message): string | undefined {
  const at = (l: { latitude: number; longitude: number }) => where({ lat: l.latitude, lon: l.longitude });
  if ('venue' in msg) return `📍 ${[msg.venue.title, msg.venue.address].filter(Boolean).join(', ')}\n${at(msg.venue.location)}`;
  if ('location' in msg) return `📍 ${at(msg.location)}`;
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

/** How long after "received" a bare thanks is taken as one to it. */
const THANKS_WINDOW_MS = 30 * 60_000;

/**
 * "Ok", "asante", "👍" right after "received", before anyone has written to the reporter: a thanks
 * for "received", not a message for staff (it would mark the ticket as written to, and with
 * several open reports ask "which report?"). Answered once; later ones are taken in silence.
 */
async function thanksAfterReceived(ctx: MessageCtx, message: ReporterMessage): Promise<boolean> {
  const sent = ctx.session.lastSubmitted;
  if (!sent?.at || message.media || message.passedOn || !onlyThanks(message.text ?? '')) return false;
  if (ctx.now().getTime() - sent.at > THANKS_WINDOW_MS) return false;
  if (!(await ctx.deps.conversation.unanswered(ctx.from.id, sent.reference)).ok) return false;
  if (sent.thanked) return true;
  ctx.session.lastSubmitted = { ...sent, thanked: true };
  await ctx.reply(ctx.t('reply.thanks', { reference: sent.reference }), { parse_mode: 'HTML' });
  return true;
}

/** Messages waiting for "which report?" at most; more are refused until the reporter chooses. */
const MAX_PENDING = 20;
/** Messages waiting for "where should it go?" at most (an album is ten). */
const MAX_HELD = 10;
/** Messages sent this long after the last one held are not of the same batch: the question is asked again under them. */
const ASK_AGAIN_AFTER_MS = 3000;

function live(ctx: BotContext, pending: PendingReply | undefined): PendingReply | undefined {
  return pending && ctx.now().getTime() - pending.at < PENDING_FOR_MS ? pending : undefined;
}

/** An album comes as one update per file, each with its id: the reporter is answered once for it. */
function albumOf(ctx: MessageCtx): string | undefined {
  return 'media_group_id' in ctx.message ? ctx.message.media_group_id : undefined;
}

/** Sent: to the staff member who has the report, or (nobody has taken it yet) with the report, for whoever takes it. */
/** Danger said in any of several messages is said once, raised if any raise went through. */
function withDanger(sofar: Attached['danger'], next: Attached['danger']): Attached['danger'] {
  return next ? { raised: next.raised || sofar?.raised === true, category: next.category } : sofar;
}

/**
 * "Added to your report". A message that says someone is in danger now gets the emergency
 * numbers first (unless they were given as it arrived, before "which report?"), and is told when
 * it put the waiting report first.
 */
async function received(ctx: BotContext, sent: Pick<Attached, 'reference' | 'waiting' | 'named' | 'danger'>, numbersShown = false, about?: Pick<ReporterMessage, 'text' | 'passedOn'>): Promise<void> {
  const { reference, waiting, danger } = sent;
  // Stored: from here on an apology (the session not saved) would contradict the truth (src/bot/middleware/session.ts).
  ctx.state.stored = true;
  if (danger && !numbersShown) await ctx.reply(emergencyNumbers(ctx, danger.category), { parse_mode: 'HTML' });
  const key = danger?.raised ? 'reply.received_urgent' : waiting ? 'reply.received_waiting' : 'reply.received';
  const more = beingKnown(ctx, sent, about) || (waiting && !danger?.raised ? whatNext(ctx, sent, about) : '');
  await ctx.reply(ctx.t(key, { reference }) + more, { parse_mode: 'HTML' });
}

/**
 * "Naogopa watanijua", "will the police know I reported?" (`worriesAboutBeingKnown`) typed after
 * sending: it goes to staff, who must see a frightened reporter, and is answered at once under
 * "added" about this report, from what storing it told (`named`, no lookup): whether it went with
 * the name and number (never shown here), who reads it, and that an agency gets them only with a
 * yes (src/domain/consent.ts: never on an anonymous report). Answered whoever holds the report:
 * the fear cannot wait for someone to take it.
 */
function beingKnown(ctx: BotContext, sent: Pick<Attached, 'named'>, about: Pick<ReporterMessage, 'text' | 'passedOn'> | undefined): string {
  if (!about?.text || about.passedOn || !worriesAboutBeingKnown(about.text)) return '';
  // In the language the fear is said in, as on a first message (`worryLanguage`); the receipt above stays in the reporter's.
  return `\n\n${ctx.deps.translator.t(worryLanguage(about.text, ctx.lang), `bot:${sent.named ? 'reply.fear_named' : 'reply.fear_anonymous'}`)}`;
}

/**
 * "What happens next?", "mtanipigia lini?" (`asksAboutProcess`) while nobody holds the report:
 * stored for staff as any message, and answered under "added" (it went unanswered until someone
 * took the report): who reads it, that they write here, the reference, and who may call: sent
 * with the phone number (`named`), the staff member handling it may call that number (never shown
 * here); sent anonymously, nobody calls. Never a time promised. Once a staff member holds it, they answer it.
 */
function whatNext(ctx: BotContext, sent: Pick<Attached, 'reference' | 'named'>, about: Pick<ReporterMessage, 'text' | 'passedOn'> | undefined): string {
  if (!about?.text || about.passedOn || !asksAboutProcess(about.text)) return '';
  return `\n\n${ctx.t('reply.next', { reference: sent.reference })} ${ctx.t(sent.named ? 'reply.next_named' : 'reply.next_anonymous')}`;
}

/**
 * A yes or no typed while a consent question waits may answer it or the staff member's own
 * question: it went to the staff, and the consent question's buttons come again, since only a
 * tap records that answer.
 */
async function offerConsent(ctx: BotContext, sent: { reportId: string; reference: string }, text: string | undefined): Promise<void> {
  const word = text === undefined ? undefined : readWord(text);
  if (word !== 'yes' && word !== 'no' && word !== 'ack') return;
  const waiting = await ctx.deps.conversation.waitingConsent(sent.reportId);
  if (!waiting) return;
  const vars = { reference: sent.reference, agency: waiting.agency, ...(waiting.name ? { name: waiting.name } : {}) };
  await ctx.reply(ctx.t(waiting.name ? 'consent.typed_named' : 'consent.typed', vars), kb.consentKeyboard(ctx.t, sent.reportId, waiting));
}

/**
 * Every waiting message to the report chosen, in the order sent. Each leaves the session once
 * stored, so an error half-way (the session is saved even then) keeps only the rest waiting, and
 * a second tap neither loses nor doubles any.
 */
async function attachAll(ctx: BotContext & { from: User }, telegramUserId: number, reportId: string, pending: PendingReply): Promise<void> {
  let reference: string | undefined;
  let waiting: true | undefined;
  let named: true | undefined;
  let danger: Attached['danger'];
  const lastOne = pending.messages.at(-1);
  const last = lastOne?.text;
  while (pending.messages.length) {
    // The service checks again that the report is still this reporter's and still open.
    const result = await ctx.deps.conversation.attach(telegramUserId, reportId, toMessage(pending.messages[0]));
    // Kept on a report that closed as it was written: that report's, said once, with the tap.
    if (!result.ok && result.reason === 'not_open' && result.closed && result.stored) return keptOnClosed(ctx, result.closed, reference);
    // Closed since the choice was offered: the messages wait on, for another report or none.
    if (!result.ok && result.reason === 'not_open' && result.closed) return chosenClosed(ctx, telegramUserId, result.closed, reference);
    pending.messages.shift();
    if (!result.ok) {
      ctx.session.pendingReply = undefined;
      if (result.reason === 'not_yours' || result.reason === 'not_open') return void (await ctx.reply(ctx.t('reply.expired'), kb.mainMenu(ctx.t)));
      return refuse(ctx, result);
    }
    reference = result.reference;
    waiting = result.waiting;
    named = result.named;
    danger = withDanger(danger, result.danger);
  }
  ctx.session.pendingReply = undefined;
  ctx.session.picked = reportId;
  ctx.session.pickedOver = pending.closed?.reportId;
  if (!reference) return;
  // Held for "which report?": any numbers were given when the message came.
  // Someone else's words passed on ask nothing of us.
  await received(ctx, { reference, waiting, named, danger }, true, lastOne?.fwd ? undefined : { text: last });
  await offerConsent(ctx, { reportId, reference }, last);
}

/**
 * The report chosen closed before the messages reached it (while they waited for the choice, or
 * between the tap and the sending): said so, and asked again among the reports still open, the
 * closed one offered beside them as closed (never sent on to one unasked: it may be anonymous where
 * the chosen one was not); with none open, the closed answer, with "Ask staff to look at it again"
 * as a message about it gets when the rule allows (src/bot/closed-answer.ts), the messages kept for it.
 */
async function chosenClosed(ctx: BotContext & { from: User }, telegramUserId: number, closed: OpenTicket, sentTo: string | undefined): Promise<void> {
  if (sentTo) await received(ctx, { reference: sentTo });
  const open = await ctx.deps.conversation.openTickets(telegramUserId);
  const pending = ctx.session.pendingReply;
  if (open.length) {
    if (pending) ctx.session.pendingReply = { ...pending, reportIds: open.map((r) => r.reportId), closed: { reportId: closed.reportId, reference: closed.reference } };
    return void (await ctx.reply(ctx.t('reply.chosen_closed', { reference: closed.reference }), { parse_mode: 'HTML', ...kb.pickReportKeyboard(ctx.t, open, closed) }));
  }
  return keptOnClosed(ctx, closed, undefined);
}

/**
 * The waiting messages end on the closed report (chosen, with none open; or the first of them
 * was stored on it as it closed, and so can go to no other): "closed" said once, with "Ask staff
 * to look at it again" when the rule allows, the messages kept for that tap (the one already
 * stored is not stored again). The choice is answered: tapped again, it says nothing more.
 */
async function keptOnClosed(ctx: BotContext & { from: User }, closed: Pick<OpenTicket, 'reportId' | 'reference'>, sentTo: string | undefined): Promise<void> {
  if (sentTo) await received(ctx, { reference: sentTo });
  const pending = ctx.session.pendingReply;
  ctx.session.pendingReply = undefined;
  ctx.session.picked = closed.reportId;
  // Made for a closed report: it lets no later message go anywhere unasked (ConversationService.take).
  ctx.session.pickedOver = undefined;
  await answerClosed(ctx, { reportId: closed.reportId, reference: closed.reference }, pending?.messages ?? [], { key: 'reply.closed', menu: true });
}
