import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { escalate, isPriority, type Priority } from '../domain';
import type { Store } from '../store';
import type { EventBus } from '../services/events';
import type { Service } from '../lifecycle';
import type { Logger } from '../logger';
import type { SlaStarter } from './ticket-queue';
import { SLA_QUEUE, type QueueConnection, type SlaJobData } from './types';

/** Tells supervisors in Telegram (implemented by ReplyQueue.notifySupervisors). */
export interface SupervisorNotifier {
  notifySupervisors(reportId: string, escalations: number): Promise<void>;
}

export interface SlaClockOptions extends QueueConnection {
  store: Store;
  events: EventBus;
  logger: Logger;
  /** The `tickets` queue, whose waiting job gets the raised priority (TicketQueue). */
  tickets: { reprioritise(reportId: string, priority: Priority): Promise<boolean> };
  /** Minutes an untaken ticket of priority 1..4 may wait (config.tickets.slaMinutes). */
  slaMinutes: readonly [number, number, number, number];
  /** Overrides slaMinutes, in ms (tests use tiny values). */
  slaMs?: (priority: Priority) => number;
  /** Set when config.telegram.supervisorsChatId is: supervisors get the reference in Telegram. */
  supervisors?: SupervisorNotifier | null;
  /** Blocking connection for the worker (maxRetriesPerRequest null); only the worker role needs it. */
  workerConnection?: Redis;
  concurrency?: number;
}

/**
 * SLA escalation: one delayed job per waiting period of a ticket. When it fires and the ticket
 * is still untaken, its priority goes up one step (domain `escalate`, never to danger-now), the
 * waiting `tickets` job is re-prioritised, the escalation is recorded, supervisors are told, and
 * the next check is set at the new priority's SLA.
 *
 * Job ids are deterministic: `<reportId>-<generation>-<escalations>` where generation is the
 * report's last assignedAt (0 before the first take). Intake and the relay may start the same
 * clock twice (one job); a release starts a new generation, so a clock left over from before a
 * take sees a different generation and does nothing.
 */
export class SlaClock implements SlaStarter, Service {
  readonly name = 'sla-worker';
  /** The BullMQ queue, for the supervisors' board and tests. */
  readonly queue: Queue<SlaJobData>;
  private worker: Worker<SlaJobData> | null = null;

  constructor(private readonly opts: SlaClockOptions) {
    this.queue = new Queue<SlaJobData>(SLA_QUEUE, {
      connection: opts.connection,
      prefix: opts.prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 }, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
    });
    this.queue.on('error', (err) => opts.logger.warn({ err, queue: SLA_QUEUE }, 'sla queue error'));
  }

  slaMsFor(priority: Priority): number {
    return this.opts.slaMs ? this.opts.slaMs(priority) : this.opts.slaMinutes[priority - 1] * 60_000;
  }

  async startClock(reportId: string): Promise<void> {
    const report = await this.opts.store.reports.findById(reportId);
    if (!report || report.status !== 'received') return;
    const generation = report.assignedAt ? report.assignedAt.getTime() : 0;
    // The first wait started at submission (the relay may queue late); a release starts now.
    const since = generation === 0 ? report.createdAt.getTime() : Date.now();
    const delay = Math.max(0, since + this.slaMsFor(report.priority) - Date.now());
    await this.schedule({ reportId, generation, escalations: report.escalations, priority: report.priority }, delay);
  }

  private async schedule(data: SlaJobData, delay: number): Promise<void> {
    await this.queue.add('sla', data, { jobId: `${data.reportId}-${data.generation}-${data.escalations}`, delay });
  }

  /** One SLA check; public so tests and operators can run it directly. Returns what happened. */
  async check(data: SlaJobData): Promise<'escalated' | 'taken' | 'stale'> {
    const { store, events, logger } = this.opts;
    const report = await store.reports.findById(data.reportId);
    if (!report || report.status !== 'received') return 'taken';
    const generation = report.assignedAt ? report.assignedAt.getTime() : 0;
    if (generation !== data.generation || report.escalations !== data.escalations) return 'stale';
    const to = escalate(report.priority);
    const updated = await store.reports.escalate(report._id, to, { escalations: data.escalations });
    if (!updated) return 'stale'; // taken or escalated by a concurrent delivery of this job
    const log = logger.child({ reportId: data.reportId, reference: report.reference });
    if (to !== report.priority) await this.reprioritise(data.reportId, to, log);
    log.warn({ from: report.priority, to, escalations: updated.escalations }, 'ticket not taken within SLA: escalated');
    await events.publish({ type: 'escalated', reportId: data.reportId, priority: to });
    await events.publish({ type: 'ticket', reportId: data.reportId, what: 'escalated' });
    await events.publish({ type: 'queue' });
    if (this.opts.supervisors) await this.opts.supervisors.notifySupervisors(data.reportId, updated.escalations);
    await this.schedule({ reportId: data.reportId, generation, escalations: updated.escalations, priority: to }, this.slaMsFor(to));
    return 'escalated';
  }

  private async reprioritise(reportId: string, priority: Priority, log: Logger): Promise<void> {
    try {
      await this.opts.tickets.reprioritise(reportId, priority);
    } catch (err) {
      // Taken by an agent between reading its state and changing its priority: nothing left to raise.
      log.debug({ err }, 'could not re-prioritise ticket job');
    }
  }

  async start(): Promise<void> {
    const connection = this.opts.workerConnection;
    if (!connection) throw new Error('SlaClock needs a workerConnection to run its worker');
    this.worker = new Worker<SlaJobData>(
      SLA_QUEUE,
      async (job: Job<SlaJobData>) => {
        if (!isPriority(job.data.priority)) throw new Error('bad sla job');
        return this.check(job.data);
      },
      { connection, prefix: this.opts.prefix, concurrency: this.opts.concurrency ?? 5 },
    );
    this.worker.on('error', (err) => this.opts.logger.warn({ err, queue: SLA_QUEUE }, 'sla worker error'));
    this.worker.on('failed', (job, err) => this.opts.logger.error({ reportId: job?.data.reportId, err }, 'sla check failed'));
    await this.worker.waitUntilReady();
  }

  async stop(): Promise<void> {
    // close() lets an in-flight check finish.
    await this.worker?.close();
    this.worker = null;
  }

  async close(): Promise<void> {
    await this.stop();
    await this.queue.close();
  }
}
