import { CLOSED_LATELY_MS, mayReporterReopen, type ReopenDecision, type ReopenRefusal } from '../domain';
import type { Logger } from '../logger';
import type { ReportDoc, Store } from '../store';
import type { ConversationService, ReporterMessage } from './conversation-service';
import type { EventBus } from './events';
import { leaveIncident } from './leave-incident';
import type { ReportService } from './report-service';

/** Whether "Ask staff to look at it again" is offered under "your report is closed": yes, or why not. */
export type ReopenOffer = { ok: true; reference: string } | { ok: false; reason: ReopenRefusal; reference?: string };

/**
 * What became of the tap. `reopened`: this tap put the ticket back (false: an earlier tap had,
 * and only the messages went now); `sent`: how many of the reporter's messages reached it.
 * A refusal names the report when it is the reporter's own (never someone else's reference).
 */
export type AskAgainResult = { ok: true; reference: string; reopened: boolean; sent: number } | { ok: false; reason: ReopenRefusal; reference?: string };

/**
 * A reporter who disagrees with a closure ("but nothing was done!") asks staff to look at the
 * ticket again with one tap under "your report is closed" (src/domain/reopen.ts decides when):
 * the ticket goes back in the queue, unheld, with the message(s) that got the "closed" answer in
 * its conversation and a history entry saying why. Nothing about who they are is written or logged.
 */
export class ReopenService {
  /**
   * `reports`: queues the reopened ticket at once (without it, or with Redis down, the outbox relay
   * does: the ticket is stored unqueued). `conversation`: the messages go to the ticket as any the
   * reporter writes to an open one (stored once per Telegram message, checked against the limits).
   */
  constructor(private readonly deps: { store: Store; events: Pick<EventBus, 'publish'>; logger: Logger; conversation: Pick<ConversationService, 'attach'>; reports?: Pick<ReportService, 'queue'> }) {}

  /** Whether the button is offered under the "closed" answer about this report. */
  async offer(telegramUserId: number, reportId: string): Promise<ReopenOffer> {
    const read = await this.read(telegramUserId, reportId);
    return read.decision.ok ? { ok: true, reference: read.report!.reference } : { ...read.decision, ...(read.theirs ? { reference: read.report!.reference } : {}) };
  }

  /**
   * The tap: reopens the ticket (once, whatever the taps) and sends the messages to it. A ticket
   * its reporter already had reopened, still open, takes the messages still waiting (a tap again
   * after a failure half-way: each message is stored once); otherwise the refusal, for the bot to say.
   */
  askAgain(telegramUserId: number, reportId: string, messages: readonly ReporterMessage[]): Promise<AskAgainResult> {
    return this.reopen(telegramUserId, reportId, messages, false);
  }

  /** `raced`: read again after another tap reopened it between the read and the write. */
  private async reopen(telegramUserId: number, reportId: string, messages: readonly ReporterMessage[], raced: boolean): Promise<AskAgainResult> {
    const read = await this.read(telegramUserId, reportId);
    if (!read.theirs) return { ok: false, reason: 'not_yours' };
    const report = read.report!;
    if (!read.decision.ok) return this.refused(telegramUserId, report, read.decision, messages);
    const before = await this.deps.store.reports.reopenForReporter(report._id, report.reporterId, new Date(Date.now() - CLOSED_LATELY_MS));
    // Another tap (another device) reopened it since the read: answered as the tap that came second.
    if (!before) return raced ? { ok: false, reason: 'open', reference: report.reference } : this.reopen(telegramUserId, reportId, messages, true);
    // Out of its incident before anything else: the relay may queue it (its queued mark is unset).
    await this.outOfIncident(before);
    const sent = await this.send(telegramUserId, reportId, messages);
    const queued = await this.backInQueue(reportId);
    this.deps.logger.info({ reportId, reference: report.reference, from: report.status, sent, queued, outcome: 'reopened_by_reporter' }, 'reporter asked staff to look at a closed ticket again: back in the queue');
    return { ok: true, reference: report.reference, reopened: true, sent };
  }

  /**
   * What follows the reopening, each step safe to repeat (a tap again after a failure half-way
   * finishes it): out of its incident, queued, the console told.
   */
  private async backInQueue(reportId: string): Promise<boolean> {
    // Read again: a message that says someone is in danger now put the waiting ticket first.
    const reopened = await this.deps.store.reports.findById(reportId);
    if (!reopened || reopened.status !== 'received') return false;
    await this.outOfIncident(reopened);
    // At the front of its priority's line, as a release is: it waited before the tickets there now.
    const queued = !this.deps.reports ? false : reopened.queuedAt ? true : await this.deps.reports.queue(reopened, { front: true });
    await this.deps.events.publish({ type: 'ticket', reportId, what: 'status' });
    await this.deps.events.publish({ type: 'queue' });
    return queued;
  }

  /**
   * Back in the queue it is no longer the incident holder's: whoever takes it next reads it alone.
   * `r` as read last: leaving is guarded on the incident named, so an older read only finds it gone.
   */
  private async outOfIncident(r: Pick<ReportDoc, '_id' | 'reference' | 'incident'>): Promise<void> {
    if (r.incident) await leaveIncident(this.deps, r, r.incident.id, { kind: 'system' }, { reopened: true });
  }

  /** Open again by the reporter's earlier tap: what a failure half-way left undone is finished, the messages still waiting go to it; else the refusal. */
  private async refused(telegramUserId: number, report: ReportDoc, decision: { ok: false; reason: ReopenRefusal }, messages: readonly ReporterMessage[]): Promise<AskAgainResult> {
    // Its history line first: the reopening's own write of it may have failed (once, whatever the taps).
    if (decision.reason === 'open' && report.reopenedByReporterAt) await this.deps.store.reports.recordReporterReopen(report);
    if (decision.reason === 'open' && report.reopenedByReporterAt && !report.assignee) await this.backInQueue(report._id.toString());
    if (decision.reason === 'open' && report.reopenedByReporterAt && messages.length) {
      const sent = await this.send(telegramUserId, report._id.toString(), messages);
      if (sent) return { ok: true, reference: report.reference, reopened: false, sent };
    }
    return { ...decision, reference: report.reference };
  }

  /** Each message in the order written; one the limits refuse (a file too big) is left out. */
  private async send(telegramUserId: number, reportId: string, messages: readonly ReporterMessage[]): Promise<number> {
    let sent = 0;
    for (const m of messages) {
      const attached = await this.deps.conversation.attach(telegramUserId, reportId, m);
      if (attached.ok) sent++;
    }
    return sent;
  }

  /** The report, whether it is the asker's own, and the rule's answer on it as stored now. */
  private async read(telegramUserId: number, reportId: string): Promise<{ report?: ReportDoc; theirs: boolean; decision: ReopenDecision }> {
    const { store } = this.deps;
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await store.reports.findById(reportId) : null;
    const reporter = report ? await store.reporters.findByTelegramUser(telegramUserId) : null;
    const theirs = Boolean(report && reporter && report.reporterId.equals(reporter._id));
    if (!report || !theirs) return { theirs: false, decision: mayReporterReopen({ status: 'resolved' }, { theirs: false, now: new Date() }) };
    const rejectReason = report.status === 'rejected' ? await store.reports.rejectReasonOf(report._id) : undefined;
    return { report, theirs, decision: mayReporterReopen({ ...report, ...(rejectReason ? { rejectReason } : {}) }, { theirs, now: new Date() }) };
  }
}
