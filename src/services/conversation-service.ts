import { checkText, isAgency, isOpen, LIMITS, mayRate, type Agency, type Rating } from '../domain';
import type { Logger } from '../logger';
import type { Evidence, MessageDoc, Store } from '../store';
import type { EventBus } from './events';

/** What a reporter sends outside the wizard: text, a file (with its caption), or both. */
export interface ReporterMessage {
  text?: string;
  media?: Evidence;
}

export interface OpenTicket {
  reportId: string;
  reference: string;
  category: string;
}

/** Why a message cannot be taken, whatever ticket it is for. */
export type MessageRefusal = { ok: false; reason: 'empty' | 'too_long'; max: number } | { ok: false; reason: 'too_big'; maxBytes: number };
export type MessageCheck = { ok: true } | MessageRefusal;

export type AttachResult =
  | { ok: true; reportId: string; reference: string; kind: MessageDoc['kind'] }
  | MessageRefusal
  | { ok: false; reason: 'not_yours' }
  | { ok: false; reason: 'not_open' };

/**
 * The reporter's side of a ticket's conversation (the agent's side is `TicketService.reply`):
 * which tickets a reporter may write to, and attaching a message to one of them, checked again
 * on the server whatever the client says.
 */
export type ConsentAnswerResult = { ok: true; reference: string; agency: Agency } | { ok: false; reason: 'not_yours' | 'not_asked' };

/** `first` is false for a later tap: the answer given first stands and the bot says nothing more. */
export type RatingResult = { ok: true; reference: string; first: boolean; rating: Rating } | { ok: false; reason: 'not_yours' | 'not_closed' };

export class ConversationService {
  constructor(private readonly deps: { store: Store; events: EventBus; logger: Logger }) {}

  /** Open tickets of the reporter with this Telegram id, newest first; none for someone unknown. */
  async openTickets(telegramUserId: number): Promise<OpenTicket[]> {
    const reporter = await this.deps.store.reporters.findByTelegramUser(telegramUserId);
    if (!reporter) return [];
    const open = await this.deps.store.reports.findOpenByReporter(reporter._id);
    return open.map((r) => ({ reportId: r._id.toString(), reference: r.reference, category: r.category }));
  }

  /** The limits every message meets: a text within the reply length, a file within the size Telegram lets us fetch. */
  check(message: ReporterMessage): MessageCheck {
    if (message.media) {
      const size = message.media.size;
      return size !== undefined && size > LIMITS.evidenceMaxBytes ? { ok: false, reason: 'too_big', maxBytes: LIMITS.evidenceMaxBytes } : { ok: true };
    }
    const check = checkText(message.text, LIMITS.replyMaxChars);
    return check.ok ? { ok: true } : check;
  }

  async attach(telegramUserId: number, reportId: string, message: ReporterMessage): Promise<AttachResult> {
    const check = this.check(message);
    if (!check.ok) return check;
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await this.deps.store.reports.findById(reportId) : null;
    const reporter = report ? await this.deps.store.reporters.findByTelegramUser(telegramUserId) : null;
    // One answer for "no such report" and "someone else's": the reporter learns nothing about others' reports.
    if (!report || !reporter || !report.reporterId.equals(reporter._id)) return { ok: false, reason: 'not_yours' };
    if (!isOpen(report.status)) return { ok: false, reason: 'not_open' };
    const { store, events, logger } = this.deps;
    const stored = await store.messages.addIncoming(report._id, { ...(message.text !== undefined ? { text: message.text } : {}), ...(message.media ? { media: message.media } : {}) });
    await store.reports.addEvent(report._id, 'reporter_message', { kind: 'reporter' }, { messageId: stored._id.toString(), kind: stored.kind });
    await events.publish({ type: 'ticket', reportId, what: 'message' });
    logger.info({ reportId, reference: report.reference, outcome: 'reply_attached', kind: stored.kind }, 'reporter message attached');
    return { ok: true, reportId, reference: report.reference, kind: stored.kind };
  }

  /**
   * The reporter's Yes or No to "may <agency> have your phone number?", from the bot's buttons:
   * only the report's own reporter, only for an agency they were asked about. Recorded in the
   * audit trail; the latest answer for an agency decides (src/domain/consent.ts).
   */
  async answerConsent(telegramUserId: number, reportId: string, agency: string, answer: 'yes' | 'no'): Promise<ConsentAnswerResult> {
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await this.deps.store.reports.findById(reportId) : null;
    const reporter = report ? await this.deps.store.reporters.findByTelegramUser(telegramUserId) : null;
    if (!report || !reporter || !report.reporterId.equals(reporter._id) || !isAgency(agency)) return { ok: false, reason: 'not_yours' };
    const history = await this.deps.store.reports.history(report._id);
    if (!history.some((e) => e.type === 'consent_asked' && e.data?.agency === agency)) return { ok: false, reason: 'not_asked' };
    await this.deps.store.reports.addEvent(report._id, 'consent_answered', { kind: 'reporter' }, { agency, answer });
    await this.deps.events.publish({ type: 'ticket', reportId, what: 'message' });
    this.deps.logger.info({ reportId, reference: report.reference, agency, answer, outcome: 'consent_answered' }, 'reporter answered the consent question');
    return { ok: true, reference: report.reference, agency };
  }

  /**
   * The reporter's one tap after their ticket closed ("did we help?"): only the report's own
   * reporter, only once it is closed; the first answer is kept and later taps change nothing.
   * Anonymous reporters answer the same way: what is stored names only the report's category.
   */
  async rate(telegramUserId: number, reportId: string, rating: Rating): Promise<RatingResult> {
    const { store, events, logger } = this.deps;
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await store.reports.findById(reportId) : null;
    const reporter = report ? await store.reporters.findByTelegramUser(telegramUserId) : null;
    if (!report || !reporter || !report.reporterId.equals(reporter._id)) return { ok: false, reason: 'not_yours' };
    const may = mayRate(report.status);
    if (!may.ok) return may;
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
