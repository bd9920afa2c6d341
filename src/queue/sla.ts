import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isPriority } from '../domain';
import type { SlaCheck, SlaSchedulerPort } from '../services/ports';
import type { Service } from '../lifecycle';
import type { Logger } from '../logger';
import { SLA_QUEUE, type QueueConnection, type SlaJobData } from './types';

export interface SlaClockOptions extends QueueConnection {
  logger: Logger;
  /** Blocking connection for the worker (maxRetriesPerRequest null); only the worker role needs it. */
  workerConnection?: Redis;
  concurrency?: number;
}

/** One job per check: scheduling the same check twice keeps one. */
const checkId = (check: SlaCheck) => `${check.reportId}-${check.generation}-${check.escalations}`;
/** States of a job that will not run again by itself ('unknown': removed as it was read). */
const FINISHED: readonly string[] = ['completed', 'failed', 'unknown'];

/** What a due check runs (SlaService.check, wired in src/main.ts). */
export type SlaHandler = (check: SlaCheck) => Promise<unknown>;

/**
 * The `sla` queue: delayed checks, one per waiting period of a ticket (what a check decides is in
 * src/services/sla-service.ts). Job ids are deterministic, `<reportId>-<generation>-<escalations>`,
 * so scheduling the same check twice keeps one job. Failed checks retry with backoff.
 */
export class SlaClock implements SlaSchedulerPort, Service {
  readonly name = 'sla-worker';
  /** The BullMQ queue, for the supervisors' board and tests. */
  readonly queue: Queue<SlaJobData>;
  private worker: Worker<SlaJobData> | null = null;
  private handler: SlaHandler | null = null;

  constructor(private readonly opts: SlaClockOptions) {
    this.queue = new Queue<SlaJobData>(SLA_QUEUE, {
      connection: opts.connection,
      prefix: opts.prefix,
      // A check that cannot read MongoDB is retried for about an hour (1 s doubling: 4,095 s over
      // 13 attempts; it was 31 s over 5): one that gave up would stop its ticket's clock, and
      // nothing restarts the clock of a ticket that still has its job.
      defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 }, attempts: 13, backoff: { type: 'exponential', delay: 1000 } },
    });
    this.queue.on('error', (err) => opts.logger.warn({ err, queue: SLA_QUEUE }, 'sla queue error'));
  }

  async schedule(check: SlaCheck, delayMs: number): Promise<void> {
    await this.queue.add('sla', check, { jobId: checkId(check), delay: delayMs });
  }

  async hurry(check: SlaCheck, slaMs: number): Promise<boolean> {
    const job = await this.queue.getJob(checkId(check));
    // Only a check still waiting for its time: one running or done has nothing left to bring forward.
    if (!job || (await job.getState()) !== 'delayed') return false;
    // Set when the wait began: due `slaMs` after that, unless it was due sooner already.
    const due = job.timestamp + slaMs;
    if (job.timestamp + job.delay <= due) return true;
    await job.changeDelay(Math.max(0, due - Date.now()));
    return true;
  }

  async restart(check: SlaCheck): Promise<boolean> {
    const job = await this.queue.getJob(checkId(check));
    if (job) {
      if (!FINISHED.includes(await job.getState())) return false;
      await job.remove();
    }
    await this.schedule(check, 0);
    return true;
  }

  /** Sets what due checks run; the worker role must call this before `start`. */
  handle(handler: SlaHandler): void {
    this.handler = handler;
  }

  async start(): Promise<void> {
    const connection = this.opts.workerConnection;
    const handler = this.handler;
    if (!connection) throw new Error('SlaClock needs a workerConnection to run its worker');
    if (!handler) throw new Error('SlaClock needs a handler (SlaService.check) to run its worker');
    this.worker = new Worker<SlaJobData>(
      SLA_QUEUE,
      async (job: Job<SlaJobData>) => {
        if (!isPriority(job.data.priority)) throw new Error('bad sla job');
        return handler(job.data);
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
