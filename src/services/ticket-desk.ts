import { mayTakeAnother } from '../domain';
import { KeyedSerial } from '../lib/keyed-serial';
import type { Actor, OwedNotice, ReportDoc, Store } from '../store';
import type { Metrics } from '../metrics';
import type { Logger } from '../logger';
import type { ClaimedTicket, TicketDispenser, TicketQueuePort } from './ports';
import type { ReportService } from './report-service';
import { owedNotice, TAKEN_NOTICE } from './owed-notices';

/** `inactive`: the account was deactivated while the take was under way; the ticket went back. */
export type TakeResult = { ok: true; report: ReportDoc } | { ok: false; reason: 'empty' | 'limit' | 'inactive' };

export interface TicketDeskDeps {
  store: Store;
  /** The queue's manual fetch (src/queue). */
  dispenser: TicketDispenser;
  /** Drops the job of a ticket that stopped waiting without a take. */
  tickets: Pick<TicketQueuePort, 'remove'>;
  /** Re-adds a released ticket (enqueue + mark queued; left to the relay when Redis is down). */
  reports: Pick<ReportService, 'queue'>;
  maxPerAgent: number;
  logger: Logger;
  metrics?: Metrics;
}

/** Jobs for reports that no longer wait dropped in one take, at most (each pass drops one). */
const MAX_SKIPS = 1000;

/**
 * Taking and releasing tickets: the queue only says which ticket is next; MongoDB holds the truth.
 * A take pops the next job (two agents never pop the same one), records the claim with a guarded
 * update (received -> assigned), then completes the job: no job is held while a person works
 * (a BullMQ lock lasts lockDuration, far shorter than a case), and a job whose report no longer waits (withdrawn, handled) is
 * dropped, not handed out.
 *
 * Crash recovery: a process dying between pop and completion leaves the job active with an
 * expiring lock; the worker role's stall guard puts it back, and if the claim was already
 * recorded the next take finds the report no longer `received` and drops the job. A job lost
 * altogether is re-added by the outbox relay's reconciliation.
 */
export class TicketDesk {
  /**
   * One take at a time per agent, so a double click cannot exceed the cap. Per process: one agent
   * taking in two console processes at the same instant could hold one over it (harmless).
   */
  private readonly perAgent = new KeyedSerial<string>();

  constructor(private readonly deps: TicketDeskDeps) {}

  /** The per-agent cap a take checks; a hand-over checks the same one. */
  get maxPerAgent(): number {
    return this.deps.maxPerAgent;
  }

  takeNext(agentId: string): Promise<TakeResult> {
    return this.perAgent.run(agentId, () => this.take(agentId));
  }

  private async take(agentId: string): Promise<TakeResult> {
    const cap = mayTakeAnother(await this.deps.store.reports.countAssignedTo(agentId), this.deps.maxPerAgent);
    if (!cap.ok) return { ok: false, reason: 'limit' };
    for (let skipped = 0; skipped < MAX_SKIPS; skipped++) {
      const claim = await this.deps.dispenser.claimNext();
      if (!claim) return { ok: false, reason: 'empty' };
      const report = await this.assign(claim, agentId);
      if (report) return { ok: true, report };
    }
    return { ok: false, reason: 'empty' };
  }

  /** Records the claim in MongoDB and settles the job; null when the report no longer waits. */
  private async assign(claim: ClaimedTicket, agentId: string): Promise<ReportDoc | null> {
    const { store, logger, metrics } = this.deps;
    const actor: Actor = { kind: 'agent', agentId };
    let report: ReportDoc | null;
    try {
      // "Taken" is owed to the reporter in the take's own write (TicketService stores it; the relay if that fails).
      report = await store.reports.transition(claim.reportId, 'assigned', actor, { assignee: agentId, notices: [owedNotice(TAKEN_NOTICE)] });
    } catch (err) {
      // An error does not say the write was not made (a write-concern timeout): a ticket already
      // this agent's is theirs, shown to them, rather than held by someone told "it failed".
      report = await this.assignedAnyway(claim.reportId, agentId);
      if (!report) {
        // MongoDB failed: give the job back now rather than after its lock expires.
        await claim.giveBack().catch((giveBackErr: unknown) => logger.warn({ reportId: claim.reportId, err: giveBackErr }, 'could not give back ticket job'));
        throw err;
      }
      logger.warn({ reportId: claim.reportId, err }, 'ticket take reported an error but was written');
    }
    await this.settle(claim, report ? 'assigned' : 'skipped');
    if (!report) {
      logger.info({ reportId: claim.reportId }, 'dropped ticket job: report no longer waiting');
      return null;
    }
    metrics?.ticketWaitSeconds.observe({ priority: String(report.priority) }, (Date.now() - new Date(report.createdAt).getTime()) / 1000);
    logger.info({ reportId: claim.reportId, reference: report.reference, priority: report.priority }, 'ticket taken');
    return report;
  }

  /**
   * The report, when it is assigned to this agent after all (null when it is not, or cannot be
   * read); the history gets its "assigned" line if the error came between the two writes.
   */
  private async assignedAnyway(reportId: string, agentId: string): Promise<ReportDoc | null> {
    const { reports } = this.deps.store;
    let report: ReportDoc | null;
    let history: { type: string; at: Date }[] | null;
    try {
      report = await reports.findById(reportId);
      if (report?.status !== 'assigned' || report.assignee?.toString() !== agentId) return null;
      history = await reports.history(report._id).catch(() => null);
    } catch {
      return null;
    }
    const since = report.assignedAt ?? report.updatedAt;
    if (history && !history.some((e) => e.type === 'assigned' && e.at >= since)) {
      // Still failing: the ticket is theirs all the same, only its line is missing.
      await reports.addEvent(report._id, 'assigned', { kind: 'agent', agentId }, { from: 'received', to: 'assigned', recovered: true }).catch((err: unknown) => this.deps.logger.warn({ reportId, err }, 'could not write the history line of a recovered take'));
    }
    return report;
  }

  private async settle(claim: ClaimedTicket, outcome: 'assigned' | 'skipped'): Promise<void> {
    try {
      await claim.complete(outcome);
    } catch (err) {
      // The claim is already in MongoDB; a leftover active job stalls back to waiting and is dropped then.
      this.deps.logger.warn({ reportId: claim.reportId, err }, 'could not complete ticket job');
    }
  }

  /**
   * A ticket that stopped waiting without a take (rejected from the queue, joined into an
   * incident): its job is dropped now, so the queue's count and the supervisors' board show only
   * what waits, and a surge of such tickets does not fill the head of the queue for takes to wade
   * through. Best effort: a job a take holds at this instant, or one left while Redis is away, is
   * dropped by the take that pops it, as before.
   */
  async dropWaiting(reportId: string): Promise<void> {
    try {
      await this.deps.tickets.remove(reportId);
    } catch (err) {
      this.deps.logger.warn({ reportId, err }, 'could not drop the job of a ticket that no longer waits');
    }
  }

  /**
   * Puts a ticket back in the queue: status back to received (guarded: held by `requireAssignee`
   * when given), then the job re-added at the report's current priority. Null if the guard refused.
   */
  /** `requireAssignee`: the holder it must still have (null: none, a supervisor's page showed it waiting). */
  /** `notices`: what the release owes its reporter (taken back from an agency), written with it. */
  async release(reportId: string, actor: Actor, opts: { requireAssignee?: string | null; reason?: string; notices?: readonly OwedNotice[] } = {}): Promise<ReportDoc | null> {
    const { store } = this.deps;
    const report = await store.reports.transition(reportId, 'received', actor, {
      requireAssignee: opts.requireAssignee,
      eventData: opts.reason ? { reason: opts.reason } : undefined,
      notices: opts.notices,
    });
    if (!report) return null;
    await store.reports.markUnqueued(report._id);
    // It was taken before the tickets of its priority now waiting were queued: it goes to the front
    // of its line, as the Waiting list (by age) shows it in the usual case.
    await this.deps.reports.queue(report, { front: true });
    this.deps.logger.info({ reportId, reference: report.reference }, 'ticket released');
    return report;
  }
}
