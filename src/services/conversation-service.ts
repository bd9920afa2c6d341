import { canTransition, checkText, CLOSED_LATELY_MS, CLOSED_STATUSES, isAgency, isOpen, LIMITS, mayRate, saysDangerNow, type Agency, type Rating, type Status } from '../domain';
import type { Logger } from '../logger';
import { Types } from 'mongoose';
import { type Evidence, type MessageDoc, type ReportDoc, type ReportSummary, type Store } from '../store';
import { markUnreachable, RESEND_BLOCKED_FOR_MS } from './delivery-service';
import type { EventBus } from './events';
import { reporterMessageId } from './reply-id';
import type { DangerAlertPort, TicketQueuePort } from './ports';
import type { SlaService } from './sla-service';
import type { HeldDangerService } from './held-danger-service';
import type { TicketDesk } from './ticket-desk';
import { CONSENT_NOTICE, RATING_NOTICE } from './ticket-actions';

/** What a reporter sends outside the wizard: text, a file (with its caption), or both. */
export interface ReporterMessage {
  text?: string;
  media?: Evidence;
  /** The Telegram message it came in: taken twice, it is stored once. */
  telegram?: { messageId: number; date: number };
  /** Forwarded from someone else: staff and agencies read it as passed on, not as the reporter's words. */
  passedOn?: MessageDoc['passedOn'];
}

export interface OpenTicket {
  reportId: string;
  reference: string;
  category: string;
  /** Shown on "which report?" so two reports of one kind can be told apart. */
  createdAt?: Date;
  anonymous?: boolean;
  /** The place and the story's opening as the reporter gave them: for telling two of one kind and day apart. */
  place?: string;
  story?: string;
}

/** How much of a story "which report?" may show: its first words are picked from this. */
const STORY_OPENING_CHARS = 60;

/** Why a message cannot be taken, whatever ticket it is for. */
export type MessageRefusal = { ok: false; reason: 'empty' | 'too_long'; max: number } | { ok: false; reason: 'too_big'; maxBytes: number };
export type MessageCheck = { ok: true } | MessageRefusal;

/**
 * A message attached to an open ticket. `waiting`: nobody has taken the ticket yet. `danger`: the
 * message says someone is in danger now (domain `saysDangerNow`), with the report's category for
 * its emergency numbers; `raised` when that put the waiting ticket first.
 */
/** `named`: the report was sent with the reporter's phone number (not anonymous), so its staff may call them; never the number itself. */
export type Attached = { ok: true; reportId: string; reference: string; kind: MessageDoc['kind']; waiting?: true; named?: true; danger?: { raised: boolean; category: string } };

/** What became of a message outside the wizard (`take`). */
export type TakeResult =
  | Attached
  | MessageRefusal
  /**
   * No open ticket: the message is not for a ticket (`closed`: the reference of their latest closed
   * one, if any; `lately`: it closed within CLOSED_LATELY_MS, and `closedId` is its id, for
   * "ask staff to look at it again").
   */
  | { ok: false; reason: 'no_ticket'; closed?: string; lately?: true; closedId?: string }
  /**
   * Several open tickets, or one and a report closed lately (the message may be about that one):
   * the reporter picks one, then `attach`. `closed`: that report, offered as closed.
   */
  | { ok: false; reason: 'choose'; tickets: OpenTicket[]; closed?: OpenTicket };

/** A message stored on a ticket: said to be closed when the ticket closed as it was written (it then reaches no one). */
type Stored = Attached | { ok: false; reason: 'closed'; reference: string; reportId: string };

/** What became of a Telegram reply to one of the bot's messages (`answer`). */
export type AnswerResult =
  | Attached
  | MessageRefusal
  /** Not a reply to a message about one of the reporter's tickets (a wizard question, say). */
  | { ok: false; reason: 'not_an_answer' }
  /** A reply to a message about one of the reporter's tickets that is closed: it reaches no one, and goes nowhere else. */
  | { ok: false; reason: 'closed'; reference: string; reportId: string };

/** The ticket a Telegram reply would reach (`answerTarget`). */
export type AnswerTarget = { ok: true; reference: string } | { ok: false; reason: 'not_an_answer' };

export type AttachResult =
  | Attached
  | MessageRefusal
  | { ok: false; reason: 'not_yours' }
  /**
   * `reference`, and `closed` as "which report?" shows it: the report chosen, when it is this
   * reporter's (closed since the choice was offered). `stored`: the message is kept on `closed`,
   * which closed as it was written (or had it already, from an earlier choice): it can go to no
   * other report, since a Telegram message is stored once.
   */
  | { ok: false; reason: 'not_open'; reference?: string; closed?: OpenTicket; stored?: true };

/**
 * `replaced`: the same question was asked again since (its newest buttons answer it), or an
 * unmarked button from before marks while the questions asked differ. `repeated`: the same
 * answer to the same question again (a double tap, a retry): nothing new was recorded.
 */
export type ConsentAnswerResult = { ok: true; reference: string; agency: Agency; name?: string; repeated?: true } | { ok: false; reason: 'not_yours' | 'not_asked' | 'replaced' };

type AskedData = Record<string, unknown>;

/** A report as "which report?" shows it. */
const ticketOf = (r: ReportSummary): OpenTicket => ({
  reportId: r._id.toString(),
  reference: r.reference,
  category: r.category,
  createdAt: r.createdAt,
  anonymous: r.anonymous,
  ...(r.place ? { place: r.place } : {}),
  ...(r.description?.text ? { story: [...r.description.text].slice(0, STORY_OPENING_CHARS).join('') } : {}),
});

/** A report closed this recently may be what a message is about ("why was it closed?"): asked, not assumed (src/domain/reopen.ts). */
export { CLOSED_LATELY_MS };

const sameQuestion = (a: AskedData, b: AskedData) => a.covers === b.covers && a.name === b.name;

/**
 * Which consent question a tap answers: the one with the button's mark, unless the same question
 * was asked again since (its newer buttons decide: an older Yes, tapped while scrolling, must not
 * undo a No given to the newer one); unmarked, the only one asked (or all alike).
 */
function questionAnswered(asked: AskedData[], question: string | undefined): { ok: true; data: AskedData } | { ok: false; reason: 'not_asked' | 'replaced' } {
  if (question) {
    const i = asked.findIndex((d) => d.q === question);
    if (i < 0) return { ok: false, reason: 'not_asked' };
    return asked.slice(i + 1).some((d) => sameQuestion(d, asked[i])) ? { ok: false, reason: 'replaced' } : { ok: true, data: asked[i] };
  }
  const latest = asked.at(-1);
  if (!latest) return { ok: false, reason: 'not_asked' };
  const alike = asked.every((d) => sameQuestion(d, latest));
  return alike ? { ok: true, data: latest } : { ok: false, reason: 'replaced' };
}

/** A consent question not answered yet: its agency, its mark (for its buttons) and, for "another agency", its name. */
export type WaitingConsent = { agency: Agency; q?: string; name?: string };

/** A reporter's withdrawal: done, or why not (a report already with an agency is stopped by writing to the staff). */
export type WithdrawResult = { ok: true; reference: string } | { ok: false; reason: 'not_yours' | 'closed' } | { ok: false; reason: 'referred'; reference: string; agency: Agency };

/** `first` is false for a later tap: the answer given first stands and the bot says nothing more. */
export type RatingResult = { ok: true; reference: string; first: boolean; rating: Rating } | { ok: false; reason: 'not_yours' | 'not_closed' };
/** Whether "did Ripoti help you?" still waits for this reporter's answer: never asked (closed as spam), or answered already. */
export type RatingWait = { ok: true; reference: string } | { ok: false; reason: 'not_yours' | 'not_closed' | 'not_asked' | 'answered' };

/**
 * The reporter's side of a ticket's conversation (the agent's side is `TicketService.reply`):
 * which tickets a reporter may write to, and attaching a message to one of them, checked again
 * on the server whatever the client says.
 */
export class ConversationService {
  /** `desk`: drops a withdrawn report's queue job at once (without it, "take next" skips the job). */
  /**
   * `tickets` and `sla`: a waiting ticket's job, put first when its reporter writes of danger now,
   * and its SLA check brought forward to danger-now's time (without them, only MongoDB's priority changes).
   */
  /** `supervisors`: their Telegram group is told of a ticket so raised (set when TELEGRAM_SUPERVISORS_CHAT_ID is). */
  /** `heldDanger`: danger written to a ticket an agent holds is watched, for the group if its holder does not open it. */
  constructor(
    private readonly deps: {
      store: Store;
      events: EventBus;
      logger: Logger;
      desk?: Pick<TicketDesk, 'dropWaiting'>;
      tickets?: Pick<TicketQueuePort, 'reprioritise'>;
      sla?: Pick<SlaService, 'hurry'>;
      supervisors?: DangerAlertPort | null;
      heldDanger?: Pick<HeldDangerService, 'watch'>;
    },
  ) {}

  /**
   * A message outside the wizard: stored at once on the reporter's only open ticket, or the open
   * tickets to choose from. The ticket was read as theirs and open in this same call, so unlike
   * `attach` (after a choice, later) nothing is read twice: two reads and one round of writes.
   */
  /**
   * `chosen`: the report the reporter last chose on "which report?", and `chosenOver` the closed
   * report offered beside it then: a choice made before that report closed says nothing about it.
   */
  async take(telegramUserId: number, message: ReporterMessage, opts: { chosen?: string; chosenOver?: string } = {}): Promise<TakeResult> {
    const { reporterId, tickets, closed } = await this.writableOf(telegramUserId);
    // A report closed this week was read with the open ones: no second read for it.
    if (reporterId && !tickets.length && closed) return { ok: false, reason: 'no_ticket', closed: closed.reference, lately: true, closedId: closed.reportId };
    if (!reporterId || !tickets.length) return this.noTicket(reporterId);
    const check = this.check(message);
    if (!check.ok) return check;
    // "Why was it closed?" with another report open is about the closed one: never passed on to
    // the open one unasked (the closed one may have been named, the open one anonymous). Once
    // the reporter chose the open one, their messages go to it.
    const ask = closed && !(tickets[0].reportId === opts.chosen && closed.reportId === opts.chosenOver);
    if (tickets.length > 1 || ask) return { ok: false, reason: 'choose', tickets, ...(closed ? { closed } : {}) };
    const stored = await this.store(reporterId, tickets[0], message);
    // Closed as it was written: it just closed, so lately, and the reporter may be offered the tap.
    return stored.ok ? stored : { ok: false, reason: 'no_ticket', closed: stored.reference, lately: true, closedId: stored.reportId };
  }

  /** As `openOf`, with their latest report closed in the last week, if any. */
  private async writableOf(telegramUserId: number): Promise<{ reporterId?: Types.ObjectId; tickets: OpenTicket[]; closed?: OpenTicket }> {
    const reporter = await this.deps.store.reporters.findByTelegramUser(telegramUserId);
    if (!reporter) return { tickets: [] };
    const found = await this.deps.store.reports.findWritableByReporter(reporter._id, new Date(Date.now() - CLOSED_LATELY_MS));
    const closed = found.find((r) => CLOSED_STATUSES.includes(r.status));
    return { reporterId: reporter._id, tickets: found.filter((r) => !CLOSED_STATUSES.includes(r.status)).map(ticketOf), ...(closed ? { closed: ticketOf(closed) } : {}) };
  }

  /** The reporter with this Telegram id and their open tickets, newest first (none for someone unknown). */
  private async openOf(telegramUserId: number): Promise<{ reporterId?: Types.ObjectId; tickets: OpenTicket[] }> {
    const reporter = await this.deps.store.reporters.findByTelegramUser(telegramUserId);
    if (!reporter) return { tickets: [] };
    const open = await this.deps.store.reports.findOpenSummariesByReporter(reporter._id);
    return { reporterId: reporter._id, tickets: open.map(ticketOf) };
  }

  /**
   * A message the reporter sent as a Telegram reply to one the bot delivered about an open ticket
   * (an agent's message, or a notice such as "taken"): stored on that ticket, wherever the
   * reporter is, even in the middle of a new report. Anything else is `not_an_answer`.
   */
  async answer(telegramUserId: number, repliedTo: number, message: ReporterMessage): Promise<AnswerResult> {
    const target = await this.answered(telegramUserId, repliedTo);
    if (!target) return { ok: false, reason: 'not_an_answer' };
    // Never passed on to another open ticket: the closed one may have been anonymous, the open one not.
    if ('closed' in target) return { ok: false, reason: 'closed', reference: target.closed.reference, reportId: target.closed.reportId };
    const check = this.check(message);
    if (!check.ok) return check;
    return this.store(target.reporterId, target.ticket, message);
  }

  /** The open ticket a reply to this bot message would go to (nothing is stored): `not_an_answer` as for `answer`. */
  async answerTarget(telegramUserId: number, repliedTo: number): Promise<AnswerTarget> {
    const target = await this.answered(telegramUserId, repliedTo, { open: true });
    return target && 'ticket' in target ? { ok: true, reference: target.ticket.reference } : { ok: false, reason: 'not_an_answer' };
  }

  /** The ticket the replied-to bot message was about: open, or (unless `open`) closed. */
  private async answered(telegramUserId: number, repliedTo: number, only: { open?: boolean } = {}): Promise<{ reporterId: Types.ObjectId; ticket: OpenTicket } | { closed: { reportId: string; reference: string } } | undefined> {
    const { reporterId, tickets } = await this.openOf(telegramUserId);
    if (!reporterId) return undefined;
    const reportId = await this.deps.store.messages.reportOfDelivered(tickets.map((t) => t.reportId), repliedTo);
    const ticket = reportId ? tickets.find((t) => t.reportId === reportId.toString()) : undefined;
    if (ticket) return { reporterId, ticket };
    if (only.open) return undefined;
    const closed = await this.deps.store.reports.findClosedSummariesByReporter(reporterId);
    const of = await this.deps.store.messages.reportOfDelivered(closed.map((r) => r._id), repliedTo);
    const report = of ? closed.find((r) => r._id.equals(of)) : undefined;
    return report ? { closed: { reportId: report._id.toString(), reference: report.reference } } : undefined;
  }

  /** Someone who reported before is told their report is closed: a message to it would reach nobody. */
  private async noTicket(reporterId: Types.ObjectId | undefined): Promise<TakeResult> {
    const closed = reporterId ? await this.deps.store.reports.findLatestClosedByReporter(reporterId) : null;
    return closed ? { ok: false, reason: 'no_ticket', closed: closed.reference } : { ok: false, reason: 'no_ticket' };
  }

  /**
   * The reporter blocked the bot (Telegram's `my_chat_member`): their open tickets say "reporter
   * unreachable" now, as the first refused message would have made them, so an agent does not
   * write and wait in vain. Closed ones are left as they are: nobody writes to them. So are the
   * anonymous ones: marked at the same moment as the named ones, they would tell staff whose they
   * are; a refused message marks one on its own. How many were marked.
   */
  async unreachableNow(telegramUserId: number): Promise<number> {
    const { store, events, logger } = this.deps;
    const { tickets } = await this.openOf(telegramUserId);
    let marked = 0;
    for (const t of tickets.filter((open) => !open.anonymous)) {
      if (!(await markUnreachable(store, events, t.reportId))) continue;
      marked++;
      logger.info({ reportId: t.reportId, reference: t.reference, outcome: 'reporter_unreachable' }, 'reporter blocked the bot');
    }
    return marked;
  }

  /**
   * The reporter unblocked the bot (Telegram's `my_chat_member`): their tickets no longer say
   * "unreachable", and what the staff wrote meanwhile is sent. How many tickets were marked. An
   * anonymous one changing with the named ones would tell staff whose it is: it comes back with its
   * own next delivery (DeliveryService.sent) or the reporter's next message on it.
   */
  async reachableAgain(telegramUserId: number): Promise<number> {
    const reporter = await this.deps.store.reporters.findByTelegramUser(telegramUserId);
    if (!reporter) return 0;
    let back = 0;
    // Every named report of theirs, marked or not: a message delivered since (which clears the mark)
    // must not leave the ones refused before it failed for good.
    for (const r of await this.deps.store.reports.namedReachOf(reporter._id)) {
      const cleared = r.reporterUnreachable && (await this.deps.store.reports.setReporterUnreachable(r._id, false));
      if ((await this.backInReach(r._id.toString(), r.reference, cleared)) || cleared) back++;
    }
    return back;
  }

  /**
   * A ticket whose reporter had blocked the bot is in reach again: the staff's messages refused
   * meanwhile (the last 23 hours'; older ones would arrive out of date) are pending again, for the
   * outbox relay to send in order, and the ticket page shows the changes. How many were.
   */
  private async backInReach(reportId: string, reference: string, cleared: boolean): Promise<number> {
    const { store, events, logger } = this.deps;
    const again = await store.messages.sendAgainAfterBlock(reportId, new Date(Date.now() - RESEND_BLOCKED_FOR_MS));
    if (cleared) await events.publish({ type: 'ticket', reportId, what: 'status' });
    if (again) await events.publish({ type: 'ticket', reportId, what: 'delivery' });
    if (cleared || again) logger.info({ reportId, reference, sentAgain: again, outcome: 'reporter_reachable' }, 'reporter reachable again');
    return again;
  }

  /** Open tickets of the reporter with this Telegram id, newest first; none for someone unknown. */
  async openTickets(telegramUserId: number): Promise<OpenTicket[]> {
    return (await this.openOf(telegramUserId)).tickets;
  }

  /**
   * Whether nothing was written yet to the reporter on their open report `reference` (no staff
   * message, no notice): until then a bare "ok" or "asante" answers no one, and is not passed on.
   */
  async unanswered(telegramUserId: number, reference: string): Promise<{ ok: true } | { ok: false; reason: 'not_open' | 'answered' }> {
    const ticket = (await this.openOf(telegramUserId)).tickets.find((t) => t.reference === reference);
    if (!ticket) return { ok: false, reason: 'not_open' };
    return (await this.deps.store.messages.hasOutgoing(ticket.reportId)) ? { ok: false, reason: 'answered' } : { ok: true };
  }

  /** The limits every message meets: a text within the reply length, a file within the size Telegram lets us fetch. */
  check(message: ReporterMessage): MessageCheck {
    if (message.media) {
      const size = message.media.size;
      return size !== undefined && size > LIMITS.evidenceMaxBytes ? { ok: false, reason: 'too_big', maxBytes: LIMITS.evidenceMaxBytes } : { ok: true };
    }
    const check = checkText(message.text, LIMITS.reporterMessageMaxChars);
    return check.ok ? { ok: true } : check;
  }

  async attach(telegramUserId: number, reportId: string, message: ReporterMessage): Promise<AttachResult> {
    const check = this.check(message);
    if (!check.ok) return check;
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await this.deps.store.reports.findById(reportId) : null;
    const reporter = report ? await this.deps.store.reporters.findByTelegramUser(telegramUserId) : null;
    // One answer for "no such report" and "someone else's": the reporter learns nothing about others' reports.
    if (!report || !reporter || !report.reporterId.equals(reporter._id)) return { ok: false, reason: 'not_yours' };
    const closed = { ok: false, reason: 'not_open', reference: report.reference, closed: ticketOf(report) } as const;
    if (!isOpen(report.status)) return closed;
    const stored = await this.store(reporter._id, { reportId, reference: report.reference, category: report.category, anonymous: report.anonymous }, message);
    if (stored.ok) return stored;
    // The report the message is on, which may be another one chosen before: named as "which report?" shows it.
    const on = stored.reportId === reportId ? report : await this.deps.store.reports.findById(stored.reportId);
    return { ok: false, reason: 'not_open', reference: stored.reference, closed: ticketOf(on ?? report), stored: true };
  }

  /**
   * The message, then its history entry under the message's own id. A message from Telegram has
   * an id fixed by it: taken again (a retried update, a second tap on "which report?"), it is the
   * one stored, on the report it went to first, and its entry is not written twice. Its danger is
   * acted on again: a process that died between the write and the raise (or the watch) left it
   * undone, and Telegram's redelivery is the only other chance. Both are once-only by themselves
   * (`raiseToUrgent` changes nothing on a ticket first already; a watch keeps one check per
   * episode), and the reporter, never answered the first time, gets the emergency numbers.
   */
  private async store(reporterId: Types.ObjectId, ticket: OpenTicket, message: ReporterMessage): Promise<Stored> {
    const { store, events, logger } = this.deps;
    const id = message.telegram ? reporterMessageId(reporterId.toString(), message.telegram) : new Types.ObjectId();
    const content = { ...(message.text !== undefined ? { text: message.text } : {}), ...(message.media ? { media: message.media } : {}), ...(message.passedOn ? { passedOn: message.passedOn } : {}) };
    const { message: stored, created } = await store.messages.addIncomingOnce(id, ticket.reportId, { ...content, ...(message.telegram ? { telegramMessageId: message.telegram.messageId } : {}) });
    const on = created ? ticket : await this.ticketOf(stored.reportId);
    const [, reachable, now] = await Promise.all([
      store.reports.addEvent(on.reportId, 'reporter_message', { kind: 'reporter' }, { messageId: id.toString(), kind: stored.kind }, id),
      // Someone who writes to us can be written to: a ticket marked unreachable (they had blocked the bot) is not any more.
      store.reports.setReporterUnreachable(on.reportId, false),
      // Read after the message is written: a ticket closed since it was read as open is said to be closed.
      store.reports.statusOf(on.reportId),
    ]);
    await events.publish({ type: 'ticket', reportId: on.reportId, what: 'message' });
    if (reachable) await this.backInReach(on.reportId, on.reference, true);
    const open = now !== null && isOpen(now);
    logger.info({ reportId: on.reportId, reference: on.reference, outcome: created ? (open ? 'reply_attached' : 'reply_after_close') : 'reply_already_attached', kind: stored.kind }, 'reporter message attached');
    if (!open) return { ok: false, reason: 'closed', reference: on.reference, reportId: on.reportId };
    const danger = message.text !== undefined && !message.passedOn && saysDangerNow(message.text) ? { raised: await this.onDanger(on.reportId, now, stored, created), category: on.category } : undefined;
    // Nobody has taken it yet: the reporter is told it waits with the report, not that someone has it.
    const named = on.anonymous === false ? { named: true as const } : {};
    return { ok: true, reportId: on.reportId, reference: on.reference, kind: stored.kind, ...(now === 'received' ? { waiting: true as const } : {}), ...named, ...(danger ? { danger } : {}) };
  }

  /**
   * Danger written to an open ticket: a waiting one is put first (`raise`; true when it was); a
   * held one is watched (HeldDangerService), so the group hears of it if its holder is away. A
   * watch that fails leaves the message stored and the numbers said: the holder still sees it.
   */
  private async onDanger(reportId: string, status: Status, message: MessageDoc, created: boolean): Promise<boolean> {
    if (status === 'received') return this.raise(reportId, message._id.toString(), created);
    await this.deps.heldDanger?.watch(reportId, message.createdAt).catch((err: unknown) => this.deps.logger.warn({ err, reportId }, 'danger on a held ticket not watched'));
    return false;
  }

  /**
   * Danger written to a waiting ticket puts it first (priority 1, which only danger reaches), as
   * if said in the report: MongoDB, its job, its SLA check at danger-now's time. Not an escalation
   * (nobody waited too long), and the supervisors' group is told (`alertSupervisors`). A raise
   * that fails leaves the message stored and the numbers said. False when taken or first already.
   * `created` false: the message was stored before (`store`), and the raise is done now, late.
   */
  private async raise(reportId: string, messageId: string, created: boolean): Promise<boolean> {
    const { store, events, logger, tickets, sla, supervisors } = this.deps;
    try {
      // The alert is marked owed in the raise's own write: a process that dies before queuing it leaves it to the relay.
      const before = await store.reports.raiseToUrgent(reportId, messageId, { alertOwed: !!supervisors });
      if (!before) return false;
      // Not re-prioritised (a Redis blip): the relay's look at raised tickets puts the job at 1; no job: it re-adds it at 1.
      await tickets?.reprioritise(reportId, 1).catch((err: unknown) => logger.warn({ err, reportId }, 'raised ticket\'s job not re-prioritised'));
      await sla?.hurry(before).catch((err: unknown) => logger.warn({ err, reportId }, 'raised ticket\'s SLA check not brought forward'));
      await this.alertSupervisors(reportId);
      // `takenAgain`: raised late, by the message stored before and taken again.
      logger.warn({ reportId, from: before.priority, to: 1, outcome: 'danger_said', ...(created ? {} : { takenAgain: true }) }, 'reporter wrote of danger now: waiting ticket put first');
      await events.publish({ type: 'ticket', reportId, what: 'escalated' });
      await events.publish({ type: 'queue' });
      return true;
    } catch (err) {
      logger.error({ err, reportId }, 'a waiting ticket whose reporter wrote of danger could not be raised');
      return false;
    }
  }

  /**
   * The supervisors' group hears of a ticket a reporter's danger put first, once (only a raise
   * alerts, and a ticket is raised once), with its reference, kind, category and county. Only a
   * ticket nobody holds is raised, and so alerted at once: one an agent holds has a person
   * answerable for it, who sees the message arrive live on its page and as unread in their list;
   * the group is where work nobody holds is flagged (an escalation's alert, and this one, is left
   * out of the message if an agent takes the ticket first), and a supervisor reaching the same
   * reporter beside the agent holding the case would cost more (two people asking, each unaware)
   * than it saves. Only a holder who has not opened the ticket by priority 1's SLA time is named
   * to the group (`onDanger`, HeldDangerService). It stays owed until a message to the group
   * carries it (the replies worker marks it so): not queued (Redis), or queued and then lost with
   * Redis, the outbox relay queues it again.
   */
  private async alertSupervisors(reportId: string): Promise<void> {
    const { logger, supervisors } = this.deps;
    if (!supervisors) return;
    try {
      await supervisors.notifyDangerSaid(reportId);
    } catch (err) {
      logger.warn({ err, reportId }, 'supervisors\' alert for a raised ticket not queued; the outbox relay queues it');
    }
  }

  /** The ticket a message already stored went to (a report is never deleted while its messages are kept). */
  private async ticketOf(reportId: Types.ObjectId): Promise<OpenTicket> {
    const report = await this.deps.store.reports.findById(reportId);
    if (!report) throw new Error('a stored message names a report that is gone');
    return { reportId: reportId.toString(), reference: report.reference, category: report.category, anonymous: report.anonymous };
  }

  /**
   * The reporter's Yes or No to "may <agency> have your name and phone number?", from the bot's
   * buttons: only the report's own reporter, only to a question that was asked. The answer is to
   * the question the buttons belong to (their mark `q`): what it asked for and, for "another
   * agency", which one, even if a question about another one was asked since; the same question
   * asked again is answered by its newest buttons only. Buttons sent before questions had marks
   * answer the only question asked for that agency, or every one asked alike; otherwise the
   * reporter is asked to answer the newest. Recorded in the audit trail; the latest answer for
   * an agency decides (src/domain/consent.ts).
   */
  async answerConsent(telegramUserId: number, reportId: string, agency: string, answer: 'yes' | 'no', question?: string): Promise<ConsentAnswerResult> {
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await this.deps.store.reports.findById(reportId) : null;
    const reporter = report ? await this.deps.store.reporters.findByTelegramUser(telegramUserId) : null;
    if (!report || !reporter || !report.reporterId.equals(reporter._id) || !isAgency(agency)) return { ok: false, reason: 'not_yours' };
    const history = await this.deps.store.reports.history(report._id);
    let asked = questionAnswered(history.filter((e) => e.type === 'consent_asked' && e.data?.agency === agency).map((e) => e.data ?? {}), question);
    if (!asked.ok && asked.reason === 'not_asked' && question) asked = await this.askedByMessage(report._id, agency, question, history);
    if (!asked.ok) return asked;
    const name = typeof asked.data.name === 'string' ? asked.data.name : undefined;
    // Which question it answers (`q`) goes into the trail with the answer.
    const scope = { ...(asked.data.covers === 'name_phone' ? { covers: 'name_phone' } : {}), ...(name ? { name } : {}), ...(typeof asked.data.q === 'string' ? { q: asked.data.q } : {}) };
    // The same answer to the same question again (a double tap, a retry after an error) is recorded once.
    const last = history.filter((e) => e.type === 'consent_answered' && e.data?.agency === agency).at(-1);
    const repeated = last?.data?.answer === answer && last.data.q === scope.q;
    if (!repeated) await this.deps.store.reports.addEvent(report._id, 'consent_answered', { kind: 'reporter' }, { agency, answer, ...scope });
    await this.deps.events.publish({ type: 'ticket', reportId, what: 'consent' });
    if (repeated) return { ok: true, reference: report.reference, agency, ...(name ? { name } : {}), repeated: true };
    this.deps.logger.info({ reportId, reference: report.reference, agency, answer, outcome: 'consent_answered' }, 'reporter answered the consent question');
    return { ok: true, reference: report.reference, agency, ...(name ? { name } : {}) };
  }

  /**
   * A marked question with no "asked" line: an older release's outbox relay stored the owed
   * question without it (a rolling deploy). Its own message, found by its mark and agency, says
   * what it asked (every marked question asks for name and phone number, and names "another
   * agency"). The same question asked again since it was owed (dated by its id, to the second:
   * a tie counts as since, so the newest buttons decide) replaces it, as any other.
   */
  private async askedByMessage(reportId: Types.ObjectId, agency: Agency, question: string, history: { type: string; at: Date; data?: AskedData }[]): Promise<ReturnType<typeof questionAnswered>> {
    const msg = await this.deps.store.messages.findNotice(reportId, CONSENT_NOTICE, { agency, q: question });
    if (!msg) return { ok: false, reason: 'not_asked' };
    const name = msg.notice?.vars?.name;
    const data: AskedData = { agency, covers: 'name_phone', q: question, ...(name ? { name } : {}) };
    const owed = msg._id.getTimestamp().getTime();
    const since = history.filter((e) => e.type === 'consent_asked' && e.data?.agency === agency && e.at.getTime() >= owed);
    return since.some((e) => sameQuestion(e.data ?? {}, data)) ? { ok: false, reason: 'replaced' } : { ok: true, data };
  }

  /**
   * The consent question on a report that still waits for its answer (none given since it was
   * last asked): a yes or no typed instead of tapped is offered that question's buttons, since
   * only a tap records it (a typed "yes" may answer the staff member's own question instead).
   */
  async waitingConsent(reportId: string): Promise<WaitingConsent | undefined> {
    const history = /^[0-9a-f]{24}$/i.test(reportId) ? await this.deps.store.reports.history(new Types.ObjectId(reportId)) : [];
    const at = history.map((e) => e.type).lastIndexOf('consent_asked');
    const asked = at < 0 ? {} : (history[at].data ?? {});
    if (!isAgency(asked.agency) || history.slice(at + 1).some((e) => e.type === 'consent_answered' && e.data?.agency === asked.agency)) return undefined;
    return { agency: asked.agency, ...(typeof asked.q === 'string' ? { q: asked.q } : {}), ...(typeof asked.name === 'string' ? { name: asked.name } : {}) };
  }

  /**
   * The reporter withdraws a report of theirs (from /status): it closes as `withdrawn`, the staff
   * stop, nobody writes about it again. Not once it has gone to an agency: that is stopped by
   * writing to the staff. Anyone but its reporter gets "not yours", as for an unknown reference.
   */
  async withdraw(telegramUserId: number, reference: string): Promise<WithdrawResult> {
    const { store, events, logger } = this.deps;
    const report = await store.reports.findByReference(reference);
    const reporter = report ? await store.reporters.findByTelegramUser(telegramUserId) : null;
    if (!report || !reporter || !report.reporterId.equals(reporter._id)) return { ok: false, reason: 'not_yours' };
    // Once an agency has had it (even if the ticket was taken back since), the staff stop it.
    if (report.referral) return { ok: false, reason: 'referred', reference: report.reference, agency: report.referral.agency };
    if (!canTransition(report.status, 'withdrawn')) return { ok: false, reason: 'closed' };
    const done = await store.reports.transition(report._id, 'withdrawn', { kind: 'reporter' });
    if (!done) return { ok: false, reason: 'closed' };
    if (report.status === 'received') await this.deps.desk?.dropWaiting(report._id.toString());
    await events.publish({ type: 'ticket', reportId: report._id.toString(), what: 'status' });
    await events.publish({ type: 'queue' });
    logger.info({ reportId: report._id.toString(), reference: report.reference, outcome: 'withdrawn' }, 'reporter withdrew the report');
    return { ok: true, reference: report.reference };
  }

  /** This reporter's own report, closed so that "did we help?" may be answered: shared by a typed answer and a tap. */
  private async rateable(telegramUserId: number, reportId: string): Promise<{ ok: true; report: ReportDoc } | { ok: false; reason: 'not_yours' | 'not_closed' }> {
    const { store } = this.deps;
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await store.reports.findById(reportId) : null;
    const reporter = report ? await store.reporters.findByTelegramUser(telegramUserId) : null;
    if (!report || !reporter || !report.reporterId.equals(reporter._id)) return { ok: false, reason: 'not_yours' };
    const may = mayRate(report.status);
    return may.ok ? { ok: true, report } : may;
  }

  /**
   * A word typed after the closing notice may answer the rating question instead of a tap: only
   * when that question was sent for this reporter's closed report and nothing was answered yet.
   */
  async ratingWaits(telegramUserId: number, reportId: string): Promise<RatingWait> {
    const { store } = this.deps;
    const found = await this.rateable(telegramUserId, reportId);
    if (!found.ok) return found;
    const { report } = found;
    if (!(await store.messages.hasNotice(report._id, RATING_NOTICE))) return { ok: false, reason: 'not_asked' };
    if (await store.ratings.findByReport(report._id)) return { ok: false, reason: 'answered' };
    return { ok: true, reference: report.reference };
  }

  /**
   * The reporter's one tap after their ticket closed ("did we help?"): only the report's own
   * reporter, only once it is closed; the first answer is kept and later taps change nothing.
   * Anonymous reporters answer the same way: what is stored names only the report's category.
   */
  async rate(telegramUserId: number, reportId: string, rating: Rating): Promise<RatingResult> {
    const { store, events, logger } = this.deps;
    const found = await this.rateable(telegramUserId, reportId);
    if (!found.ok) return found;
    const { report } = found;
    const outcome = await store.ratings.record(report._id, report.category, rating);
    if (outcome === 'already') {
      const kept = await store.ratings.findByReport(report._id);
      return { ok: true, reference: report.reference, first: false, rating: kept?.rating ?? rating };
    }
    await store.reports.addEvent(report._id, 'rated', { kind: 'reporter' }, { rating });
    await events.publish({ type: 'ticket', reportId, what: 'message' });
    logger.info({ reportId, reference: report.reference, category: report.category, rating, outcome: 'rated' }, 'reporter rated the help');
    return { ok: true, reference: report.reference, first: true, rating };
  }
}
