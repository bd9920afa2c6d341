import type { Types } from 'mongoose';
import { checkText, isAgency, LIMITS, mayHandle, oversees, type Agency, type RejectReason } from '../domain';
import type { Actor, MessageDoc, ReportDoc, Store } from '../store';
import type { Logger } from '../logger';
import type { EventBus } from './events';
import type { AgentRef, AgentStatus, TakeResult, TicketActions } from './ticket-actions';

/** The queue side TicketService drives (src/queue TicketDesk and ReplyQueue). */
export interface TicketDeskPort {
  takeNext(agent: { id: string }): Promise<TakeResult>;
  release(reportId: string, actor: Actor, opts?: { requireAssignee?: string }): Promise<ReportDoc | null>;
}
export interface ReplyPort {
  deliver(messageId: Types.ObjectId | string): Promise<void>;
}

export interface TicketServiceDeps {
  store: Store;
  desk: TicketDeskPort;
  replies: ReplyPort;
  events: EventBus;
  logger: Logger;
}

/** Notice keys (locales/<lang>/notices.json), rendered in the reporter's language when sent. */
const NOTICE_FOR_STATUS: Partial<Record<AgentStatus, string>> = {
  waiting_reporter: 'notices:waitingReporter',
  resolved: 'notices:resolved',
  rejected: 'notices:closed',
};

const AGENT_STATUSES: readonly AgentStatus[] = ['in_progress', 'waiting_reporter', 'resolved', 'rejected'];

/**
 * What agents do to tickets (the console calls exactly `TicketActions`). Guards: an agent acts
 * only on a ticket assigned to them, supervisors and admins on any; status changes follow the
 * domain transition table, enforced atomically by `store.reports.transition`. Every action is
 * written to the audit trail, publishes a live event, and tells the reporter where it matters
 * (taken, needs more information, referred, closed) through a stored notice on `replies`.
 */
export class TicketService implements TicketActions {
  constructor(private readonly deps: TicketServiceDeps) {}

  async takeNext(agent: AgentRef): Promise<TakeResult> {
    const result = await this.deps.desk.takeNext(agent);
    if (result.ok) {
      await this.notify(result.report, 'notices:taken');
      await this.publishStatus(result.report._id, true);
    }
    return result;
  }

  async release(reportId: string, agent: AgentRef): Promise<boolean> {
    const report = await this.find(reportId);
    if (!report || !this.mayAct(report, agent)) return false;
    const released = await this.deps.desk.release(reportId, actorOf(agent), { requireAssignee: this.isSupervisor(agent) ? undefined : agent.id });
    if (!released) return false;
    await this.publishStatus(released._id, true);
    return true;
  }

  async changeStatus(reportId: string, agent: AgentRef, to: AgentStatus, opts: { rejectReason?: RejectReason; note?: string } = {}): Promise<boolean> {
    if (!AGENT_STATUSES.includes(to)) return false;
    if (opts.rejectReason !== undefined && opts.rejectReason !== 'spam' && opts.rejectReason !== 'duplicate') return false;
    const note = opts.note === undefined ? undefined : checkText(opts.note, LIMITS.noteMaxChars);
    if (note && !note.ok) return false;
    const report = await this.find(reportId);
    if (!report || !this.mayAct(report, agent)) return false;
    const eventData: Record<string, unknown> = {};
    if (opts.rejectReason) eventData.rejectReason = opts.rejectReason;
    if (note?.ok) eventData.note = note.text;
    const updated = await this.deps.store.reports.transition(reportId, to, actorOf(agent), {
      requireAssignee: this.isSupervisor(agent) ? undefined : agent.id,
      eventData,
    });
    if (!updated) return false;
    const notice = NOTICE_FOR_STATUS[to];
    if (notice) await this.notify(updated, notice);
    await this.publishStatus(updated._id, report.status === 'received');
    return true;
  }

  async refer(reportId: string, agent: AgentRef, agency: Agency, note?: string): Promise<boolean> {
    if (!isAgency(agency)) return false;
    const checked = note === undefined || note.trim() === '' ? undefined : checkText(note, LIMITS.noteMaxChars);
    if (checked && !checked.ok) return false;
    const report = await this.find(reportId);
    if (!report || !this.mayAct(report, agent)) return false;
    const updated = await this.deps.store.reports.transition(reportId, 'referred', actorOf(agent), {
      requireAssignee: this.isSupervisor(agent) ? undefined : agent.id,
      referral: checked?.ok ? { agency, note: checked.text } : { agency },
    });
    if (!updated) return false;
    await this.notify(updated, 'notices:referred', { agency });
    await this.publishStatus(updated._id, false);
    return true;
  }

  async reply(reportId: string, agent: AgentRef, text: string): Promise<MessageDoc | null> {
    const checked = checkText(text, LIMITS.replyMaxChars);
    if (!checked.ok) return null;
    const report = await this.find(reportId);
    if (!report || !this.mayAct(report, agent) || report.status === 'withdrawn' || report.purgedAt) return null;
    const msg = await this.deps.store.messages.addOutgoing(report._id, { text: checked.text, agentId: agent.id });
    await this.deps.store.reports.addEvent(report._id, 'reply_queued', actorOf(agent), { messageId: msg._id.toString() });
    await this.queueDelivery(msg, report);
    await this.deps.events.publish({ type: 'ticket', reportId: report._id.toString(), what: 'message' });
    return msg;
  }

  async addNote(reportId: string, agent: AgentRef, text: string): Promise<boolean> {
    const checked = checkText(text, LIMITS.noteMaxChars);
    if (!checked.ok) return false;
    const report = await this.find(reportId);
    if (!report || !this.mayAct(report, agent)) return false;
    await this.deps.store.reports.addEvent(report._id, 'note', actorOf(agent), { text: checked.text });
    await this.deps.events.publish({ type: 'ticket', reportId: report._id.toString(), what: 'note' });
    return true;
  }

  async recordView(reportId: string, agent: AgentRef): Promise<void> {
    const report = await this.find(reportId);
    if (report) await this.deps.store.reports.addEvent(report._id, 'viewed', actorOf(agent));
  }

  private isSupervisor(agent: AgentRef): boolean {
    return oversees(agent.role);
  }

  /** Agents act on tickets they hold (taking is how they get one); supervisors on any. */
  private mayAct(report: ReportDoc, agent: AgentRef): boolean {
    return mayHandle(agent, report).ok;
  }

  private async find(reportId: string): Promise<ReportDoc | null> {
    if (!/^[0-9a-f]{24}$/i.test(reportId)) return null;
    return this.deps.store.reports.findById(reportId);
  }

  /**
   * Stores a notice and queues it. The action already happened, so a failure here is logged,
   * not thrown: a stored notice is queued later by the relay, and a missing one is only a
   * missing courtesy message.
   */
  private async notify(report: ReportDoc, key: string, vars?: Record<string, string>): Promise<void> {
    try {
      const msg = await this.deps.store.messages.addOutgoing(report._id, { notice: { key, ...(vars ? { vars } : {}) } });
      await this.queueDelivery(msg, report);
    } catch (err) {
      this.deps.logger.error({ reportId: report._id.toString(), reference: report.reference, notice: key, err: errMessage(err) }, 'could not store notice for reporter');
    }
  }

  private async queueDelivery(msg: MessageDoc, report: ReportDoc): Promise<void> {
    try {
      await this.deps.replies.deliver(msg._id);
    } catch (err) {
      // Stored as pending: the outbox relay queues it when Redis is back.
      this.deps.logger.warn({ reportId: report._id.toString(), messageId: msg._id.toString(), err: errMessage(err) }, 'could not queue message; relay will retry');
    }
  }

  private async publishStatus(reportId: Types.ObjectId, queueChanged: boolean): Promise<void> {
    await this.deps.events.publish({ type: 'ticket', reportId: reportId.toString(), what: 'status' });
    if (queueChanged) await this.deps.events.publish({ type: 'queue' });
  }
}

function actorOf(agent: AgentRef): Actor {
  return { kind: 'agent', agentId: agent.id };
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createTicketService(deps: TicketServiceDeps): TicketService {
  return new TicketService(deps);
}
