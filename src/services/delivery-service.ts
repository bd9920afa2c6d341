import { heldDangerVerdict, type Priority } from '../domain';
import type { Lang, Translator } from '../i18n';
import { mayReach, type AlertedTicket, type MessageDoc, type ReportDoc, type Store } from '../store';
import { countyName, readingLanguage } from '../domain';
import type { Metrics } from '../metrics';
import type { Logger } from '../logger';
import type { EventBus } from './events';
import { CONSENT_NOTICE, consentButtonData, consentButtons, noticeKey, RATING_NOTICE } from './ticket-actions';
import { owedAt } from './owed-notices';

/** A stored message that is due to go out, and to whom. */
export interface DueMessage {
  messageId: string;
  reportId: string;
  reference: string;
  kind: MessageDoc['kind'];
  /** Pacing key: the reporter's id, never a chat id. */
  recipientKey: string;
  /** The chat as the shared budget and the bot name it (a keyed hash of the chat id): whom a 429 holds is one rule for both. */
  chatKey: string;
  chatId: number;
  message: MessageDoc;
  report: ReportDoc;
}

export type DeliveryPlan = { due: true; message: DueMessage } | { due: false; outcome: 'missing' | 'already' | 'unreachable' };

/**
 * Why a message could not be delivered: blocked by the reporter (403), their chat gone (400 "chat
 * not found"), the message refused (any other 400), retries used up. `blocked` and `gone` both
 * leave the reporter unreachable until they are back.
 */
export type DeliveryFailure = 'blocked' | 'gone' | 'rejected' | 'gave_up';

/** The reporter cannot be written to (not only this message): the ticket says "reporter unreachable". */
const UNREACHABLE: ReadonlySet<DeliveryFailure> = new Set(['blocked', 'gone']);

/** A message to a reporter as it goes out: its words, and its buttons or the reply box it opens. */
export interface ComposedMessage {
  text: string;
  /** The language it is written in (the reporter's when it went out): the console and case file show it so. */
  language: Lang;
  buttons?: { text: string; data: string }[][];
  /** Opens the reporter's reply box on the message, with this hint in it (Telegram allows 64 characters). */
  replyPlaceholder?: string;
}

/** The Bot API `reply_markup` of a composed message (inline buttons, or a reply box), if it has one. */
export function replyMarkupOf(m: ComposedMessage) {
  if (m.buttons) return { inline_keyboard: m.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) };
  if (m.replyPlaceholder) return { force_reply: true as const, input_field_placeholder: m.replyPlaceholder.slice(0, 64) };
  return undefined;
}

/**
 * The ticket says "reporter unreachable" (its history once): a message was refused with 403, or
 * Telegram told the bot it was blocked. An open ticket page shows it at once, not after a reload.
 * False when it already said so.
 */
export async function markUnreachable(store: Store, events: EventBus, reportId: string): Promise<boolean> {
  if (!(await store.reports.setReporterUnreachable(reportId, true))) return false;
  await events.publish({ type: 'ticket', reportId, what: 'status' });
  return true;
}

/** How long a reply that keeps failing for a reason that may pass (our side, Telegram's, the network) is given new delivery jobs. */
export const REDELIVER_FOR_MS = 24 * 3600_000;
/**
 * Staff messages refused while the reporter had blocked the bot are sent once they are back, if
 * this recent: under `REDELIVER_FOR_MS`, so one put back is not given up by the relay at once.
 */
export const RESEND_BLOCKED_FOR_MS = 23 * 3600_000;

export interface DeliveryServiceDeps {
  store: Store;
  translator: Translator;
  events: EventBus;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * What delivering a message to a reporter means, whatever carries it (the `replies` worker in
 * src/queue paces and sends): which stored message is due and to whom, its words in the
 * reporter's language at send time, and what is recorded when it went out or could not.
 */
export class DeliveryService {
  constructor(private readonly deps: DeliveryServiceDeps) {}

  /**
   * The message if it is still to be sent and someone can receive it. A message whose reporter
   * is gone (purged by retention, or asked to be forgotten: a /forget under way included) is
   * marked failed here: nobody is left to send to.
   */
  async prepare(messageId: string): Promise<DeliveryPlan> {
    const { store } = this.deps;
    const message = await store.messages.findById(messageId);
    if (!message || message.direction !== 'to_reporter') return { due: false, outcome: 'missing' };
    if (message.delivery !== 'pending') return { due: false, outcome: 'already' };
    const report = await store.reports.findById(message.reportId);
    const identity = report ? await store.reporters.recipientOf(report.reporterId) : null;
    if (!report || !identity) {
      await this.noRecipient({ messageId, message, report });
      return { due: false, outcome: 'unreachable' };
    }
    // The pacing keys in Redis name the reporter by a keyed hash, as every other key does: an operator
    // reading Redis cannot tell which messages go to one person.
    const recipientKey = store.cipher.keyedHash('chat-pace', report.reporterId.toString());
    // As src/bot/transport.ts names the chat in the shared budget.
    const chatKey = store.cipher.keyedHash('send-budget', String(identity.chatId));
    const due: DueMessage = { messageId, reportId: report._id.toString(), reference: report.reference, kind: message.kind, recipientKey, chatKey, chatId: identity.chatId, message, report };
    return { due: true, message: due };
  }

  /**
   * Nobody to send it to: the message failed. The ticket's history says why, except an anonymous
   * report's: its reporter was forgotten or purged along with their named reports, and a line at
   * this moment, beside theirs, would tell staff who sent it (its message reads "not delivered").
   */
  async noRecipient(to: { messageId: string; message: MessageDoc; report: ReportDoc | null }): Promise<void> {
    const { store, metrics, logger } = this.deps;
    const { messageId, message, report } = to;
    await store.messages.markFailed(message._id);
    // No live event either: only the pages of their open named tickets are told (ForgetService).
    if (report && !report.anonymous) await store.reports.addEvent(report._id, 'delivery_failed', { kind: 'system' }, { messageId, reason: 'no_recipient' });
    metrics?.deliveries.inc({ outcome: 'no_recipient' });
    logger.warn({ messageId, reportId: message.reportId.toString(), reference: report?.reference }, 'reporter identity unavailable; message not delivered');
  }

  /**
   * An earlier message to this reporter about the same report is still to go: this one waits
   * behind it. Jobs run side by side, and a slower read (or a retry, or the outbox relay's
   * re-queue) could otherwise send "Stay there" before "Where are you?".
   */
  behindAnother(due: DueMessage): Promise<boolean> {
    return this.deps.store.messages.pendingBefore(due.message);
  }

  /**
   * A notice owed to the reporter since before this message was written is not stored yet (its
   * store failed, as at the agent's reply; the outbox relay stores it): this one must not go
   * ahead of it. Once stored, it is placed at the time it was owed (`addNoticeOnce`), and this
   * one waits behind it as behind any earlier message. From the report `prepare` read, no round trip.
   * A notice still listed as owed itself (stored, not yet taken off the list) waits for none listed
   * before it: they are stored in the list's order (`storeOwedNotices`), so they were stored before it
   * and `behindAnother` orders them; nor for one owed with it (the rating question after the close).
   */
  owedFirst(due: DueMessage): boolean {
    const owed = due.report.noticesOwed ?? [];
    const written = due.message.createdAt.getTime();
    const own = owed.findIndex((n) => n._id.equals(due.message._id));
    if (own >= 0) return owed.slice(own + 1).some((n) => owedAt(n).getTime() < written);
    return owed.some((n) => owedAt(n).getTime() <= written);
  }

  /** The message that waits behind this one (`behindAnother`), to be woken once this one went. */
  async nextAfter(due: DueMessage): Promise<string | null> {
    return (await this.deps.store.messages.nextPending(due.message))?.toString() ?? null;
  }

  /**
   * The words to send, at the moment of sending (after any wait for a turn), in the reporter's
   * current language (an anonymous report's own, `readingLanguage`): notices are rendered now, agent text framed with the reference; for the
   * consent question, its Yes / No buttons (`cs:<reportId>:<agency>:<q>:<y|n>`); for the rating
   * question, Helped / Did not help (`rt:<reportId>:<h|n>`). The bot checks both. Null when the
   * reporter can no longer be reached, as they asked to be forgotten (or were purged) since the
   * message was prepared. One read, the one the language needs anyway.
   */
  async composeIfReachable(due: DueMessage): Promise<ComposedMessage | null> {
    const reporter = await this.deps.store.reporters.findById(due.report.reporterId);
    if (!reporter || !mayReach(reporter)) return null;
    return this.composeIn(due, readingLanguage(due.report, reporter.language));
  }

  private composeIn(due: DueMessage, lang: Lang): ComposedMessage {
    const t = this.deps.translator;
    const { message, reference } = due;
    // An answer written in both languages (an incident's answer to all) goes out in the reporter's.
    // A staff message opens the reporter's reply box on it: an answer typed in the middle of a
    // report ("where are you now?") is then a reply, which goes to the staff, not into the report.
    if (message.kind !== 'notice' || !message.notice) {
      return { text: t.t(lang, 'notices:agentReply', { reference, text: message.texts?.[lang] ?? message.text ?? '' }), language: lang, replyPlaceholder: t.t(lang, 'notices:replyPlaceholder') };
    }
    const text = t.t(lang, noticeKey(message.notice), { ...(message.notice.vars ?? {}), reference });
    if (message.notice.key === RATING_NOTICE) return { text, language: lang, buttons: [[{ text: t.t(lang, 'notices:ratingHelped'), data: `rt:${due.reportId}:h` }, { text: t.t(lang, 'notices:ratingNotHelped'), data: `rt:${due.reportId}:n` }]] };
    const agency = message.notice.vars?.agency;
    if (message.notice.key !== CONSENT_NOTICE || !agency) return { text, language: lang };
    const data = (a: 'y' | 'n') => consentButtonData(due.reportId, agency, message.notice?.vars?.q, a);
    return { text, language: lang, buttons: consentButtons((key) => t.t(lang, key), data) };
  }

  /**
   * The send about to happen is this one's alone (`by`, for `forMs`): MongoDB, not Redis, says so,
   * because the case it guards is Redis having lost the job while its send was in flight, and the
   * outbox relay having queued the still-pending message again. Not claimed: when to look again
   * (the other send's claim runs out then; its record, or its failure, normally comes first).
   */
  async claimSend(due: DueMessage, by: string, forMs: number): Promise<{ ok: true } | { ok: false; lookAgainAt: Date }> {
    const now = new Date();
    const claim = await this.deps.store.messages.claimSend(due.message._id, by, new Date(now.getTime() + forMs), now);
    return claim.claimed ? { ok: true } : { ok: false, lookAgainAt: claim.until ?? now };
  }

  /** The send claimed by `by` failed: its claim goes, so a retry sends without waiting for it to run out. */
  async releaseSend(due: DueMessage, by: string): Promise<void> {
    await this.deps.store.messages.releaseSend(due.message._id, by);
  }

  /** Telegram accepted it: recorded once (a redelivered job finds it sent and stops). */
  async sent(due: DueMessage, telegramMessageId: number, language?: Lang): Promise<void> {
    const { store, events } = this.deps;
    if (await store.messages.markSent(due.message._id, telegramMessageId, language)) {
      await store.reports.addEvent(due.report._id, 'reply_delivered', { kind: 'system' }, { messageId: due.messageId });
      await events.publish({ type: 'ticket', reportId: due.reportId, what: 'delivery' });
      // Reached after all (they unblocked the bot): the ticket no longer says "unreachable", and
      // what was refused meanwhile goes too (after this one: it was no longer pending before it).
      if (due.report.reporterUnreachable && (await store.reports.setReporterUnreachable(due.report._id, false))) {
        const again = await store.messages.sendAgainAfterBlock(due.report._id, new Date(Date.now() - RESEND_BLOCKED_FOR_MS));
        await events.publish({ type: 'ticket', reportId: due.reportId, what: 'status' });
        // The page shows them "sending" now, not "not delivered" until each has gone (as ConversationService.backInReach).
        if (again) await events.publish({ type: 'ticket', reportId: due.reportId, what: 'delivery' });
      }
    }
  }

  /**
   * Every attempt of a delivery job failed on a transient error (Telegram down, the network): the
   * message stays pending while the outbox relay still gives it new jobs (`REDELIVER_FOR_MS`), and
   * is marked failed, for the agent to see, only after that.
   */
  async gaveUp(due: DueMessage): Promise<'failed' | 'left_pending'> {
    if (Date.now() - due.message.createdAt.getTime() < REDELIVER_FOR_MS) return 'left_pending';
    await this.failed(due, 'gave_up');
    return 'failed';
  }

  /**
   * It will not go out: the message failed, and a reporter who blocked the bot (or whose chat is
   * gone) is unreachable; what they were refused is sent once they are back, as after a block.
   */
  async failed(due: DueMessage, reason: DeliveryFailure): Promise<void> {
    const { store, events } = this.deps;
    const unreachable = UNREACHABLE.has(reason);
    await store.messages.markFailed(due.message._id, unreachable ? 'blocked' : undefined);
    // Straight after the failure, and not before it: a reporter back in reach between the two writes
    // has the message sent again (reachableAgain), and its delivery clears a mark written late.
    if (unreachable) await markUnreachable(store, events, due.reportId);
    await store.reports.addEvent(due.report._id, 'delivery_failed', { kind: 'system' }, { messageId: due.messageId, reason });
    await events.publish({ type: 'ticket', reportId: due.reportId, what: 'delivery' });
  }

  /**
   * What an alert is ordered by in the pending set (an escalation by its latest one, a reporter's
   * danger by when it was said), or null when it has nothing to say any more: a waiting ticket
   * taken or gone, a held one opened by its holder, handed over or closed.
   */
  async supervisorAlertEntry(alert: SupervisorAlert): Promise<{ priority: Priority; raisedAt: number } | null> {
    const report = await this.deps.store.reports.findById(alert.reportId);
    if (!report) return null;
    if (isHeldDangerAlert(alert)) {
      return heldDangerVerdict(report, alert.held, Date.now()).alert ? { priority: 1, raisedAt: alert.held.saidAt } : null;
    }
    if (report.status !== 'received') return null;
    const at = isDangerAlert(alert) ? report.dangerSaidAt : report.lastEscalatedAt;
    return { priority: report.priority, raisedAt: (at ?? report.updatedAt).getTime() };
  }

  /**
   * The group's message carried these alerts, or they are news to nobody any more (`gone`): a
   * reporter's danger alert is owed no more. Until then it stays owed in MongoDB, so an alert Redis
   * lost (its job, or the pending set) is queued again by the outbox relay.
   */
  async supervisorAlertsDone(alerts: readonly SupervisorAlert[]): Promise<void> {
    const ids = [...new Set(alerts.filter(isDangerAlert).map((a) => a.reportId))];
    if (ids.length) await this.deps.store.reports.clearDangerAlerts(ids);
  }

  /**
   * The supervisors' message for the alerts pending (most urgent first): staff language, references,
   * kind, category and county, and for a held ticket its holder's name (staff the supervisors
   * answer for); nothing of the reporter and never their words (the group is outside the console's
   * access control). Tickets a reporter's
   * danger put first come first, each said as such (one line says it for a ticket also escalated
   * meanwhile: it is Urgent now either way); then held tickets whose holder has not opened the
   * reporter's danger; then the escalations, one alert as before, several as one digest, since the
   * group takes 20 messages a minute and a surge raises hundreds. An alert that is news to nobody
   * any more (taken meanwhile; for a held one, opened, handed over or closed) is left out (`gone`).
   * `text` is null when nothing is left to say.
   */
  async supervisorsMessage(alerts: SupervisorAlert[]): Promise<{ text: string | null; included: SupervisorAlert[]; gone: SupervisorAlert[] }> {
    const others = alerts.filter((a) => !isHeldDangerAlert(a));
    const [waitingList, held] = await Promise.all([this.deps.store.reports.findWaitingAmong([...new Set(others.map((a) => a.reportId))]), this.heldUnopened(alerts.filter(isHeldDangerAlert))]);
    const waiting = new Map(waitingList.map((r) => [r._id.toString(), r]));
    const isIncluded = (a: SupervisorAlert) => (isHeldDangerAlert(a) ? held.alerts.has(a) : waiting.has(a.reportId));
    const included = alerts.filter(isIncluded);
    const danger = new Set(included.filter(isDangerAlert).map((a) => a.reportId));
    // A ticket raised twice before the message is one line, at its latest escalation.
    const escalated = new Set(included.filter((a) => !isHeldDangerAlert(a) && !danger.has(a.reportId)).map((a) => a.reportId));
    const of = (ids: Iterable<string>) => [...ids].map((id) => waiting.get(id)!);
    const { listed, more } = shareDigestPlaces([danger.size, held.lines.length, escalated.size]);
    const parts = [
      this.dangerText(of(danger).slice(0, listed[0]), danger.size),
      this.heldText(held.lines.slice(0, listed[1]), held.lines.length),
      this.escalatedText(of(escalated).slice(0, listed[2]), escalated.size),
      more ? this.deps.translator.t(STAFF_LANG, 'notices:supervisors.digest_more', { count: more }) : null,
    ].filter((p): p is string => p !== null);
    return { text: parts.length ? parts.join('\n') : null, included, gone: alerts.filter((a) => !isIncluded(a)) };
  }

  /**
   * Held-danger alerts still true as the message is written (the holder may have opened the ticket
   * while it waited for the group's turn): those alerts, and one line per ticket with its holder's name.
   */
  private async heldUnopened(alerts: HeldDangerAlert[]): Promise<{ alerts: Set<SupervisorAlert>; lines: HeldLine[] }> {
    const { store } = this.deps;
    const tickets = new Map((await store.reports.findHeldAmong([...new Set(alerts.map((a) => a.reportId))])).map((r) => [r._id.toString(), r]));
    const now = Date.now();
    const still = alerts.filter((a) => {
      const t = tickets.get(a.reportId);
      return t !== undefined && heldDangerVerdict(t, a.held, now).alert;
    });
    const names = await store.agents.namesByIds(still.map((a) => a.held.holderId));
    const unknown = this.deps.translator.t(STAFF_LANG, 'notices:supervisors.holder_unknown');
    const lines = [...new Map(still.map((a) => [a.reportId, { reference: tickets.get(a.reportId)!.reference, holder: names.get(a.held.holderId) ?? unknown }])).values()];
    return { alerts: new Set(still), lines };
  }

  /** Held tickets whose holder has not opened the reporter's danger: the holder and the reference, nothing of the reporter. */
  private heldText(listed: HeldLine[], count: number): string | null {
    if (!listed.length) return null;
    const t = this.deps.translator;
    if (count === 1) return t.t(STAFF_LANG, 'notices:supervisors.held_danger', { count, ...listed[0] });
    const list = listed.map((l) => t.t(STAFF_LANG, 'notices:supervisors.held_danger_line', l)).join('\n');
    return t.t(STAFF_LANG, 'notices:supervisors.held_danger', { count, list });
  }

  /** Tickets a reporter's danger put first (`count` in all, `listed` named): one sentence for one, a list for several. */
  private dangerText(listed: AlertedTicket[], count: number): string | null {
    if (!listed.length) return null;
    const t = this.deps.translator;
    const line = (r: AlertedTicket) => ({
      reference: r.reference,
      kind: t.t(STAFF_LANG, `common:kind.${r.kind}`),
      category: t.t(STAFF_LANG, `common:category.${r.category}`),
      county: r.county ? countyName(r.county, STAFF_LANG) : t.t(STAFF_LANG, 'notices:supervisors.county_not_given'),
    });
    if (count === 1) return t.t(STAFF_LANG, 'notices:supervisors.danger', line(listed[0]));
    const list = listed.map((r) => t.t(STAFF_LANG, 'notices:supervisors.danger_line', line(r))).join('\n');
    return t.t(STAFF_LANG, 'notices:supervisors.danger_digest', { count, list });
  }

  /** Tickets not taken in time (`count` in all, `listed` named): as the escalation alerts always read. */
  private escalatedText(listed: AlertedTicket[], count: number): string | null {
    // None named (the danger lines took every place): the closing "…and N more" counts them.
    if (!listed.length) return null;
    const t = this.deps.translator;
    const line = (r: AlertedTicket) => ({ reference: r.reference, priority: t.t(STAFF_LANG, `common:priority.${r.priority}`), escalations: r.escalations });
    if (count === 1) return t.t(STAFF_LANG, 'notices:supervisors.escalated', line(listed[0]));
    const list = listed.map((r) => t.t(STAFF_LANG, 'notices:supervisors.digest_line', line(r))).join('\n');
    return t.t(STAFF_LANG, 'notices:supervisors.digest', { count, list });
  }
}

/**
 * One supervisors' alert: a ticket raised for the `escalations`-th time by its SLA clock, or put
 * first because its reporter wrote that someone is in danger now (`danger`; once per ticket), or
 * held by an agent who has not opened its reporter's danger (`held`; once per holding episode).
 */
export type SupervisorAlert = { reportId: string; escalations: number } | { reportId: string; danger: true } | HeldDangerAlert;
export type HeldDangerAlert = { reportId: string; held: { holderId: string; saidAt: number } };

export const isDangerAlert = (a: SupervisorAlert): a is { reportId: string; danger: true } => 'danger' in a;
export const isHeldDangerAlert = (a: SupervisorAlert): a is HeldDangerAlert => 'held' in a;

/** A held ticket's line: its reference and who holds it. */
type HeldLine = { reference: string; holder: string };

/**
 * How many of each part's tickets one message names, earlier parts first, DIGEST_LISTS in all;
 * `more`: those left unnamed (the closing "…and N more" counts them).
 */
function shareDigestPlaces(counts: readonly number[]): { listed: number[]; more: number } {
  let room = DIGEST_LISTS;
  const listed = counts.map((n) => {
    const named = Math.min(n, room);
    room -= named;
    return named;
  });
  return { listed, more: counts.reduce((sum, n, i) => sum + n - listed[i], 0) };
}

/**
 * The supervisors' group is one chat for staff of either language (the console speaks each one's
 * own): its alerts are in English, as the escalation alerts have always been.
 */
const STAFF_LANG = 'en';

/** References named in one digest; the rest are counted (a Telegram message holds 4,096 characters). */
const DIGEST_LISTS = 15;
