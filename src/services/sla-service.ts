import { escalate, slaCheckDueAt, waitGeneration, type Priority, type WaitFacts } from '../domain';
import type { ReportDoc, Store } from '../store';
import type { Logger } from '../logger';
import type { EventBus } from './events';
import type { SlaCheck, SlaSchedulerPort, SupervisorAlertPort, TicketClock, TicketQueuePort } from './ports';

export type SlaOutcome = 'escalated' | 'taken' | 'stale';

/** How long after a raise a check that finds it already done counts as that raise's retry (its retries last 68 minutes). */
const RETRY_WINDOW_MS = 70 * 60_000;
/** A check this long past due, with no escalation since, is looked for in the queue (the worker may just be busy). */
const LOST_AFTER_MS = 60_000;

export interface SlaServiceDeps {
  store: Store;
  events: EventBus;
  logger: Logger;
  /** The `tickets` queue, whose waiting job gets the raised priority. */
  tickets: Pick<TicketQueuePort, 'reprioritise'>;
  scheduler: SlaSchedulerPort;
  /** Set when TELEGRAM_SUPERVISORS_CHAT_ID is: supervisors get the reference in Telegram. */
  supervisors?: SupervisorAlertPort | null;
  /** Minutes an untaken ticket of priority 1..4 may wait (config.tickets.slaMinutes). */
  slaMinutes: readonly [number, number, number, number];
  /** Overrides slaMinutes, in ms (tests use tiny values). */
  slaMs?: (priority: Priority) => number;
}

/**
 * SLA escalation: one delayed check per waiting period of a ticket. When it fires and the ticket
 * is still untaken, its priority goes up one step (domain `escalate`, never to danger-now), the
 * waiting job is re-prioritised, the escalation recorded, supervisors told, and the next check
 * set at the new priority's SLA.
 *
 * A check names its waiting period (`generation`: `waitGeneration`, its last take or reopening, 0 before the
 * first take) and the escalation count it saw. Intake and the relay may start the same clock
 * twice (one check); a release starts a new generation, so a check left over from before a take
 * does nothing, and of two deliveries of one check only one escalates (guarded in MongoDB).
 */
export class SlaService {
  constructor(private readonly deps: SlaServiceDeps) {}

  slaMsFor(priority: Priority): number {
    return this.deps.slaMs ? this.deps.slaMs(priority) : this.deps.slaMinutes[priority - 1] * 60_000;
  }

  /** Starts the clock of a waiting ticket (called once its job exists), from `clock` when given (no read). */
  async startClock(reportId: string, clock?: TicketClock): Promise<void> {
    const report = clock ?? (await this.deps.store.reports.findById(reportId));
    if (!report || report.status !== 'received') return;
    const generation = waitGeneration(report);
    // The first wait started at submission (the relay may queue late); a release or a reopening starts now.
    const since = generation === 0 ? report.createdAt.getTime() : Date.now();
    const delay = Math.max(0, since + this.slaMsFor(report.priority) - Date.now());
    await this.deps.scheduler.schedule({ reportId, generation, escalations: report.escalations, priority: report.priority }, delay);
  }

  /**
   * The relay's look at a waiting ticket: a check due over a minute ago that neither ran (no
   * escalation since) nor still waits in the `sla` queue was lost (Redis lost it; it failed
   * through every retry), and the ticket would wait unescalated for good: it runs now. True then.
   */
  async restartIfLost(t: WaitFacts & { _id: { toString(): string }; priority: Priority }, now = Date.now()): Promise<boolean> {
    const overdue = (r: WaitFacts & { priority: Priority }) => now >= slaCheckDueAt(r, this.slaMsFor(r.priority)) + LOST_AFTER_MS;
    if (!overdue(t)) return false;
    // The relay's page may be old: a check that ran since (and, done, left no job) is not run again.
    const fresh = await this.deps.store.reports.findById(t._id.toString());
    if (!fresh || fresh.status !== 'received' || !overdue(fresh)) return false;
    const reportId = fresh._id.toString();
    const generation = waitGeneration(fresh);
    const check = { reportId, generation, escalations: fresh.escalations, priority: fresh.priority, restarted: true as const };
    const restarted = await this.deps.scheduler.restart(check);
    if (restarted) this.deps.logger.warn({ reportId, priority: fresh.priority, escalations: fresh.escalations }, 'waiting ticket\'s SLA check was lost: run now');
    return restarted;
  }

  /**
   * A waiting ticket raised to priority 1 by its reporter's danger (not an escalation): its clock's
   * check, set for the old priority's time, is brought forward to priority 1's, so supervisors hear
   * of it as soon as of any danger-now ticket. `before`: the report as the raise found it.
   */
  async hurry(before: TicketClock & { _id: { toString(): string } }): Promise<void> {
    const generation = waitGeneration(before);
    await this.deps.scheduler.hurry({ reportId: before._id.toString(), generation, escalations: before.escalations, priority: before.priority }, this.slaMsFor(1));
  }

  /** One SLA check; public so tests and operators can run it directly. Returns what happened. */
  async check(data: SlaCheck): Promise<SlaOutcome> {
    const report = await this.deps.store.reports.findById(data.reportId);
    if (!report || report.status !== 'received') return 'taken';
    const generation = waitGeneration(report);
    if (generation !== data.generation) return 'stale';
    // Raised already by this very check (its id is unique per escalation count) moments ago, which
    // then failed before it was done: finish its work, or the ticket's clock would stop for good.
    // (BullMQ retries a check for up to 68 minutes, src/queue/sla.ts; an older raise is a stale
    // copy of the check, re-added.)
    if (!data.restarted && report.escalations === data.escalations + 1 && Date.now() - (report.lastEscalatedAt?.getTime() ?? 0) < RETRY_WINDOW_MS) {
      await this.deps.store.reports.recordEscalation(report);
      await this.followUp(report, generation, null);
      return 'escalated';
    }
    if (report.escalations !== data.escalations) return 'stale';
    const updated = await this.deps.store.reports.escalate(report._id, escalate(report.priority), { escalations: data.escalations, from: report.priority });
    if (!updated) return 'stale'; // taken or escalated by a concurrent delivery of this check
    await this.followUp(updated, generation, report.priority);
    return 'escalated';
  }

  /**
   * What follows an escalation, each step safe to repeat: the next check first (so a failure in
   * what comes after cannot stop the clock), the waiting job's priority, the console, supervisors.
   */
  private async followUp(updated: ReportDoc, generation: number, from: Priority | null): Promise<void> {
    const { events } = this.deps;
    const reportId = updated._id.toString();
    const to = updated.priority;
    await this.deps.scheduler.schedule({ reportId, generation, escalations: updated.escalations, priority: to }, this.slaMsFor(to));
    const log = this.deps.logger.child({ reportId, reference: updated.reference });
    // Every time, not only when the priority rose: a job left at the old one (a Redis error last
    // time, or a retry of this check) is put right; a job at it already is left in its place.
    await this.reprioritise(reportId, to, log);
    log.warn({ from, to, escalations: updated.escalations }, 'ticket not taken within SLA: escalated');
    await events.publish({ type: 'escalated', reportId, priority: to });
    await events.publish({ type: 'ticket', reportId, what: 'escalated' });
    await events.publish({ type: 'queue' });
    if (this.deps.supervisors) await this.deps.supervisors.notifySupervisors(reportId, updated.escalations);
  }

  private async reprioritise(reportId: string, priority: Priority, log: Logger): Promise<void> {
    try {
      // No waiting job (not in Redis): the relay re-adds it at the new priority from MongoDB.
      await this.deps.tickets.reprioritise(reportId, priority);
    } catch (err) {
      // Taken by an agent between reading its state and changing its priority: nothing left to raise.
      log.debug({ err }, 'could not re-prioritise ticket job');
    }
  }
}
