import { randomUUID } from 'node:crypto';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Actor, ReportDoc, Store } from '../store';
import type { ReportService } from '../services/report-service';
import type { TakeResult } from '../services/ticket-actions';
import type { Metrics } from '../metrics';
import type { Logger } from '../logger';
import { TICKETS_QUEUE, type TicketJobData } from './types';

export interface TicketDeskOptions {
  /** Connection for the manual-fetch worker (maxRetriesPerRequest null). */
  connection: Redis;
  prefix: string;
  store: Store;
  /** Re-adds a released ticket (enqueue + mark queued; left to the relay when Redis is down). */
  reports: Pick<ReportService, 'queue'>;
  maxPerAgent: number;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * Agents take tickets through BullMQ manual fetching: `getNextJob` atomically moves the next job
 * (highest priority, then first added) to active for this call only, so two agents can never pop
 * the same job; the claim is then recorded in MongoDB (received -> assigned, guarded on status)
 * and the job completed. No job is held while a human works (a BullMQ lock lasts lockDuration, far shorter than a case).
 *
 * Crash recovery, chosen: a process dying between `getNextJob` and `moveToCompleted` leaves the
 * job active with an expiring lock. The worker role's stall guard (OutboxRelay) runs BullMQ's
 * stalled-job check on `tickets` and moves it back to waiting; if the crash came after the MongoDB
 * assign, the next take finds the report no longer `received` and drops the job. Should the job
 * be lost altogether (failed, Redis flushed), the relay's reconciliation re-adds every
 * `received` ticket without a waiting job.
 */
export class TicketDesk {
  private readonly worker: Worker<TicketJobData>;
  /**
   * Per-agent serialisation, so one agent double-clicking cannot exceed the cap. The cap is
   * checked per process: one agent taking in two console processes at the same instant could
   * hold one ticket over it (harmless; they can release it).
   */
  private readonly agentLocks = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: TicketDeskOptions) {
    // No processor and no autorun: this worker only serves getNextJob calls.
    this.worker = new Worker<TicketJobData>(TICKETS_QUEUE, null, { connection: opts.connection, prefix: opts.prefix, autorun: false });
    this.worker.on('error', (err) => opts.logger.warn({ err: err.message, queue: TICKETS_QUEUE }, 'ticket desk error'));
  }

  takeNext(agent: { id: string }): Promise<TakeResult> {
    // The chain's tail never rejects, so one failed take does not block the agent's next one.
    const prev = this.agentLocks.get(agent.id) ?? Promise.resolve();
    const run = prev.then(() => this.take(agent.id));
    const tail = run.catch(() => undefined);
    this.agentLocks.set(agent.id, tail);
    void tail.then(() => {
      if (this.agentLocks.get(agent.id) === tail) this.agentLocks.delete(agent.id);
    });
    return run;
  }

  private async take(agentId: string): Promise<TakeResult> {
    const { store, logger, metrics } = this.opts;
    if ((await store.reports.countAssignedTo(agentId)) >= this.opts.maxPerAgent) return { ok: false, reason: 'limit' };
    const actor: Actor = { kind: 'agent', agentId };
    // Bounded: each pass drops a job whose report is no longer waiting (withdrawn, handled).
    for (let skipped = 0; skipped < 1000; skipped++) {
      const token = randomUUID();
      const job = await this.worker.getNextJob(token, { block: false });
      if (!job) return { ok: false, reason: 'empty' };
      const reportId = job.data.reportId;
      let report: ReportDoc | null;
      try {
        report = await store.reports.transition(reportId, 'assigned', actor, { assignee: agentId });
      } catch (err) {
        // MongoDB failed: give the job back now rather than after the lock expires.
        await job.moveToWait(token).catch(() => undefined);
        throw err;
      }
      await this.complete(job, token, report ? 'assigned' : 'skipped');
      if (!report) {
        logger.info({ reportId }, 'dropped ticket job: report no longer waiting');
        continue;
      }
      metrics?.ticketWaitSeconds.observe({ priority: String(report.priority) }, (Date.now() - new Date(report.createdAt).getTime()) / 1000);
      logger.info({ reportId, reference: report.reference, priority: report.priority }, 'ticket taken');
      return { ok: true, report };
    }
    return { ok: false, reason: 'empty' };
  }

  private async complete(job: Job<TicketJobData>, token: string, outcome: string): Promise<void> {
    try {
      await job.moveToCompleted(outcome, token, false);
    } catch (err) {
      // The claim is already in MongoDB; a leftover active job stalls back to waiting and is dropped then.
      this.opts.logger.warn({ reportId: job.data.reportId, err: err instanceof Error ? err.message : String(err) }, 'could not complete ticket job');
    }
  }

  /**
   * Puts a ticket back in the queue: status back to received (guarded: held by `requireAssignee`
   * when given), then the job re-added at the report's current priority. Returns null if refused.
   */
  async release(reportId: string, actor: Actor, opts: { requireAssignee?: string; reason?: string } = {}): Promise<ReportDoc | null> {
    const { store } = this.opts;
    const report = await store.reports.transition(reportId, 'received', actor, {
      requireAssignee: opts.requireAssignee,
      eventData: opts.reason ? { reason: opts.reason } : undefined,
    });
    if (!report) return null;
    await store.reports.markUnqueued(report._id);
    await this.opts.reports.queue(report);
    this.opts.logger.info({ reportId, reference: report.reference }, 'ticket released');
    return report;
  }

  async close(): Promise<void> {
    await this.worker.close();
  }
}
