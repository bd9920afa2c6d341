import type { MessageDoc, RaisedTicket, Store, WaitingCursor, WaitingTicket } from '../store';
import type { Metrics } from '../metrics';
import type { Service } from '../lifecycle';
import type { Logger } from '../logger';
import type { ReportService } from './report-service';
import type { TriageService } from './triage-service';
import type { SlaService } from './sla-service';
import type { DangerAlertRequeuePort, ReplyPort, TicketJobState, TicketQueuePort } from './ports';
import { REDELIVER_FOR_MS } from './delivery-service';
import { storeOwedNotices } from './owed-notices';

export interface OutboxRelayOptions {
  store: Store;
  reports: Pick<ReportService, 'enqueue'>;
  tickets: TicketQueuePort;
  replies: ReplyPort;
  logger: Logger;
  metrics?: Metrics;
  /** Pause between passes (default 5 s). */
  intervalMs?: number;
  /** Leave rows this young alone: intake is probably queuing them right now (default 2 s). */
  graceMs?: number;
  /** How often to check that waiting tickets still have their job (default 60 s). */
  reconcileEveryMs?: number;
  /** Waiting tickets checked per page (default 500); a check reads up to 4 pages, the next one resuming after the last. */
  reconcilePage?: number;
  /** Restarts the SLA clock of a waiting ticket whose check was lost, at the reconcile's pace; none: not done. */
  sla?: Pick<SlaService, 'restartIfLost'>;
  /** Links reports the Confirm could not link (issue 16), at the reconcile's pace; none: not done. */
  triage?: Pick<TriageService, 'link'>;
  /** Leave a report alone this long after it last changed: its Confirm may still be linking it (default 60 s). */
  relinkAfterMs?: number;
  /** Queues the supervisors' alerts a raise by danger left owed, at the reconcile's pace; none: not done (no group). */
  supervisors?: DangerAlertRequeuePort | null;
}

/** Pages of waiting tickets one reconcile checks: 2,000 tickets by default, about 35 ms of Redis CPU (measured). */
const PAGES_PER_RECONCILE = 4;
const STATES_AT_ONCE = 100;


/**
 * Tickets raised by their reporter's danger checked per reconcile, the latest raised first. They
 * are few (a raise needs a message saying so to a ticket nobody holds); in a surge of urgent
 * tickets MongoDB scans the waiting urgent ones' index entries to find them, and Redis answers
 * one hash field each, in one round of commands per hundred.
 */
const RAISED_PER_RECONCILE = 200;
/** An alert still owed this long after its raise is dropped: the ticket may have been taken and released since, and "in danger now" would be old news. */
const DANGER_ALERT_FOR_MS = 60 * 60_000;

/** How far back (by creation) reports left unlinked are looked for. */
const RELINK_HOURS = 48;

export interface RelayPass {
  /** Reports queued that intake could not queue (Redis was down). */
  tickets: number;
  /** Pending messages whose job was gone (never queued, lost, finished or failed), queued; or marked failed after a day. */
  messages: number;
  /** Reports whose status change's notices to the reporter failed to be stored, stored now. */
  notices: number;
  /** Waiting tickets whose job had vanished, re-added. */
  restored: number;
  /** Waiting tickets whose SLA check was lost, run again. */
  clocks: number;
  /** Waiting tickets raised by danger whose job still held a lower priority (a Redis error during the raise), put right. */
  reprioritised: number;
  /** Supervisors' alerts a raise by danger left owed, queued (not counted: one whose job was still there). */
  alerted: number;
  /** Reports left untriaged by their Confirm (a database error while linking), triaged now (with or without links). */
  relinked: number;
}

/**
 * The outbox relay (README "Tickets and messages"): MongoDB is the truth, so a periodic pass re-adds
 * work Redis should have but does not: reports stored with queuedAt null, outgoing messages still
 * pending, and (less often) waiting tickets whose job is gone; it also links reports whose
 * Confirm could not link them. Every add uses the same job id as the original, so nothing is
 * queued twice. Runs in the worker role, beside the queue's stall guard
 * (src/queue/stall-guard.ts), which puts back ticket jobs a dying console left half-taken.
 */
export class OutboxRelay implements Service {
  readonly name = 'outbox-relay';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  private lastReconcile = 0;
  /** Where the walk through the waiting tickets resumes (undefined: from the oldest). */
  private reconcileFrom: WaitingCursor | undefined;

  constructor(private readonly opts: OutboxRelayOptions) {}

  async runOnce(opts: { reconcile?: boolean } = {}): Promise<RelayPass> {
    const before = new Date(Date.now() - (this.opts.graceMs ?? 2000));
    const pass: RelayPass = { tickets: 0, messages: 0, notices: 0, restored: 0, clocks: 0, reprioritised: 0, alerted: 0, relinked: 0 };
    try {
      await this.work(pass, before, opts);
    } catch (err) {
      // The last good pass's numbers would read as current: dropped until a pass sets them again.
      // The error is the caller's to report (the loop logs it once).
      this.dropGauges();
      throw err;
    } finally {
      // Said even when the pass stopped early (Redis away) or failed: the operator sees what it did before.
      if (Object.values(pass).some((n) => n > 0)) this.opts.logger.info({ ...pass }, 'outbox relay did work');
    }
    await this.updateGauges();
    return pass;
  }

  /** The pass's work, counted into `pass` as it goes. */
  private async work(pass: RelayPass, before: Date, opts: { reconcile?: boolean }): Promise<void> {
    const queued = (await this.queueUnqueued(pass, before)) && (await this.redeliverPending(pass, before));
    // Owed notices need only MongoDB: stored while Redis is down too (their queueing fails fast and
    // they stay pending, queued by a pass once it is back): the replies held behind them go as soon as Redis is back.
    pass.notices = await this.storeOwedNotices(before);
    if (!queued) return; // Redis still down: the rest next pass
    const reconcileEvery = this.opts.reconcileEveryMs ?? 60_000;
    if (opts.reconcile ?? Date.now() - this.lastReconcile >= reconcileEvery) {
      Object.assign(pass, await this.repairRaised(before));
      Object.assign(pass, await this.reconcile(new Date(Date.now() - Math.min(reconcileEvery, 60_000))));
      pass.relinked = await this.relink(new Date(Date.now() - (this.opts.relinkAfterMs ?? 60_000)));
      this.lastReconcile = Date.now();
    }
  }

  /**
   * Reports stored but never queued (Redis was down, or the process died): their tickets added.
   * False when Redis refused one: the rest wait for the next pass. One whose ticket was added but
   * whose "queued" mark failed (MongoDB; logged by `enqueue`) is marked next pass, and does not
   * keep the others from being queued.
   */
  private async queueUnqueued(pass: RelayPass, before: Date): Promise<boolean> {
    for (const report of await this.opts.store.reports.findUnqueued(200, before)) {
      // Never taken by an agent: never queued before (a crash or Redis stopped it), so its first history entries may be missing too.
      const outcome = await this.opts.reports.enqueue(report, { first: !report.assignedAt });
      if (outcome === 'redis_down') return false;
      if (outcome === 'queued') pass.tickets++;
    }
    return true;
  }

  /** Pending messages to reporters given a job again. False when one could not be (Redis away): the rest wait for the next pass. */
  private async redeliverPending(pass: RelayPass, before: Date): Promise<boolean> {
    for (const msg of await this.opts.store.messages.findPendingOutgoing(200, before)) {
      try {
        // A message failing for a reason that may pass is tried again for a day, then marked failed for the agent to see.
        const retryFailed = Date.now() - msg.createdAt.getTime() < REDELIVER_FOR_MS;
        const outcome = await this.opts.replies.redeliver(msg._id.toString(), { retryFailed });
        if (outcome === 'gave_up') await this.giveUp(msg);
        // Counted only when something was done: one whose job waits its turn (paced, parked) is normal.
        if (outcome === 'queued' || outcome === 'gave_up') pass.messages++;
      } catch (err) {
        this.opts.logger.warn({ messageId: msg._id.toString(), err }, 'could not queue message; will retry');
        return false;
      }
    }
    return true;
  }

  /**
   * A waiting ticket whose job is missing, finished or failed gets it back (Redis lost data, a job
   * failed), and one whose SLA check was lost gets it run. With more waiting than one check reads
   * (2,000), each check goes on from where the last stopped, so newer tickets are reached too, not
   * only the oldest.
   */
  private async reconcile(queuedBefore: Date): Promise<Pick<RelayPass, 'restored' | 'clocks'>> {
    const page = this.opts.reconcilePage ?? 500;
    const done = { restored: 0, clocks: 0 };
    for (let i = 0; i < PAGES_PER_RECONCILE; i++) {
      const waiting = await this.opts.store.reports.findQueuedWaiting(page, queuedBefore, this.reconcileFrom);
      done.restored += await this.restoreGone(waiting);
      done.clocks += await this.restartLostClocks(waiting);
      this.reconcileFrom = waiting.length < page ? undefined : waiting[waiting.length - 1];
      if (!this.reconcileFrom) break; // the newest checked: the next check starts from the oldest again
    }
    return done;
  }

  /**
   * Waiting tickets their reporter's danger raised to priority 1 (`ConversationService`): a job
   * left at its old priority (the raise's re-prioritising failed: a Redis blip) would keep a
   * person in danger behind every ticket of that priority until taken, so it is put right, only
   * ever upwards (`reprioritise` never lowers a job); and an alert the raise could not queue is
   * queued. Every other waiting ticket is queued at MongoDB's priority, and an SLA escalation's
   * next check re-prioritises its job again, so only these are compared here, all at once.
   */
  private async repairRaised(settled: Date): Promise<Pick<RelayPass, 'reprioritised' | 'alerted'>> {
    const raised = await this.opts.store.reports.findRaisedWaiting(RAISED_PER_RECONCILE);
    const held: (number | null)[] = [];
    for (let i = 0; i < raised.length; i += STATES_AT_ONCE) held.push(...(await this.opts.tickets.jobPriorities(raised.slice(i, i + STATES_AT_ONCE).map((t) => t._id.toString()))));
    let reprioritised = 0;
    for (const [i, t] of raised.entries()) {
      const was = held[i];
      if (was === null || was === undefined || was <= t.priority) continue;
      const reportId = t._id.toString();
      try {
        // Taken since the read (no job waits), or raised since (the raise's own change landed late): nothing done.
        if ((await this.opts.tickets.reprioritise(reportId, t.priority)) !== 'raised') continue;
        reprioritised++;
        this.opts.logger.warn({ reportId, from: was, to: t.priority }, 'waiting ticket\'s job held a lower priority than its report: raised');
      } catch (err) {
        this.opts.logger.warn({ reportId, err }, 'could not raise a waiting ticket\'s job; will retry');
      }
    }
    return { reprioritised, alerted: await this.queueOwedAlerts(raised, settled) };
  }

  /**
   * Alerts owed since before `settled` (younger ones: the raise may be queuing them now), if not too
   * old to say. Owed until a message to the group carried it (the replies worker marks it), so one
   * Redis lost after it was queued is queued again; one still in Redis is not added twice (its job
   * id, kept a day), and its message is not sent twice (its place in the pending set).
   */
  private async queueOwedAlerts(raised: RaisedTicket[], settled: Date): Promise<number> {
    const { store, supervisors, logger } = this.opts;
    if (!supervisors) return 0;
    let alerted = 0;
    for (const t of raised) {
      const at = t.dangerSaidAt?.getTime() ?? 0;
      if (!t.dangerAlertOwed || at > settled.getTime()) continue;
      const reportId = t._id.toString();
      try {
        if (Date.now() - at >= DANGER_ALERT_FOR_MS) {
          await store.reports.clearDangerAlert(reportId);
          continue;
        }
        // Counted only when added: one whose job still waits for the group's turn is no work done.
        if (await supervisors.requeueDangerSaid(reportId)) alerted++;
      } catch (err) {
        logger.warn({ reportId, err }, 'could not queue a supervisors\' alert for a ticket raised by danger; will retry');
      }
    }
    return alerted;
  }

  /**
   * Notices a status change owes its reporter that its caller could not store (MongoDB failed, or
   * the process died, after the change was written): stored and queued now, each once (under the
   * id the change gave it). One that fails again is tried next pass.
   */
  private async storeOwedNotices(settled: Date): Promise<number> {
    const { store, logger } = this.opts;
    let stored = 0;
    for (const report of await store.reports.findOwedNotices(100, settled)) {
      try {
        await storeOwedNotices(this.opts, report, report.noticesOwed ?? []);
        stored++;
      } catch (err) {
        logger.warn({ reportId: report._id.toString(), err }, 'could not store the notices a status change owes its reporter; will retry');
      }
    }
    return stored;
  }

  /** Only tickets past their check's due time are looked up in Redis: normally none. */
  private async restartLostClocks(waiting: WaitingTicket[]): Promise<number> {
    const { sla, logger } = this.opts;
    if (!sla) return 0;
    let restarted = 0;
    for (const t of waiting) {
      try {
        if (await sla.restartIfLost(t)) restarted++;
      } catch (err) {
        logger.warn({ reportId: t._id.toString(), err }, 'could not check a waiting ticket\'s SLA clock; will retry');
      }
    }
    return restarted;
  }

  private async restoreGone(waiting: WaitingCursor[]): Promise<number> {
    const states: TicketJobState[] = [];
    // A hundred states at a time share the connection's round trips; the worker role's event loop
    // (maybe the bot's too) stays free between them: 2,000 in about 40 ms, the loop held at most
    // 3 ms, against 10 ms for 500 at a time and 190 ms for one at a time (measured).
    for (let i = 0; i < waiting.length; i += STATES_AT_ONCE) {
      states.push(...(await Promise.all(waiting.slice(i, i + STATES_AT_ONCE).map((r) => this.opts.tickets.jobState(r._id.toString())))));
    }
    let restored = 0;
    for (const [i, report] of waiting.entries()) {
      if (states[i] !== 'gone') continue;
      const id = report._id.toString();
      try {
        if (await this.restore(id)) restored++;
      } catch (err) {
        // One ticket that cannot be restored must not keep the rest of the walk from going on.
        this.opts.logger.warn({ reportId: id, err }, 'could not restore a waiting ticket\'s job; will retry');
      }
    }
    return restored;
  }

  private async restore(id: string): Promise<boolean> {
    const { store, tickets, logger } = this.opts;
    // Re-check both: an agent may have taken it, or a release re-added its job, since the page was read.
    const fresh = await store.reports.findById(id);
    if (!fresh || fresh.status !== 'received') return false;
    if ((await tickets.jobState(id)) !== 'gone') return false;
    // A finished or failed job keeps its id taken: drop it first (nothing to drop is fine).
    await tickets.remove(id).catch((err: unknown) => logger.debug({ reportId: id, err }, 'could not remove old ticket job'));
    await tickets.enqueue(id, fresh.priority);
    logger.warn({ reportId: id, reference: fresh.reference }, 'waiting ticket had no job: re-queued');
    return true;
  }

  /**
   * Reports whose Confirm could not link them (triage never throws on a Confirm; a database error
   * leaves `triagedAt` unset), linked now, newest first. One that fails again is tried next time.
   */
  private async relink(settled: Date): Promise<number> {
    const { store, triage, logger } = this.opts;
    if (!triage) return 0;
    let linked = 0;
    for (const report of await store.reports.findUntriaged(100, new Date(Date.now() - RELINK_HOURS * 3600_000), settled)) {
      try {
        await triage.link(report);
        linked++;
      } catch (err) {
        logger.warn({ err, reportId: report._id.toString() }, 'could not link report to similar ones; will retry');
      }
    }
    return linked;
  }

  private async giveUp(msg: Pick<MessageDoc, '_id' | 'reportId'>): Promise<void> {
    await this.opts.store.messages.markFailed(msg._id);
    await this.opts.store.reports.addEvent(msg.reportId, 'delivery_failed', { kind: 'system' }, { messageId: msg._id.toString(), reason: 'gave_up' });
    this.opts.logger.warn({ messageId: msg._id.toString(), reportId: msg.reportId.toString() }, 'message failed on our side for a day: marked failed');
  }

  private async updateGauges(): Promise<void> {
    const m = this.opts.metrics;
    if (!m) return;
    try {
      m.queueDepth.set({ queue: 'tickets' }, await this.opts.tickets.waitingCount());
      m.queueDepth.set({ queue: 'replies' }, await this.opts.replies.waitingCount());
    } catch {
      // Redis down (the pass has said so): no number rather than an old one, until it is back.
      this.dropGauges();
    }
  }

  /** A dashboard shows no data (not the last numbers, as if current) until a pass reads them again. */
  private dropGauges(): void {
    this.opts.metrics?.queueDepth.reset();
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((err: unknown) => this.opts.logger.warn({ err }, 'outbox relay pass failed'))
        .finally(() => {
          this.running = null;
          this.schedule(this.opts.intervalMs ?? 5000);
        });
    }, delay);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
