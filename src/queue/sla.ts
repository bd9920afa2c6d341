import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { HELD_DANGER_CURRENT_MS, heldDangerEpisodeKey, isPriority, type HeldDangerEpisode } from '../domain';
import type { HeldDangerSchedulerPort, SlaCheck, SlaSchedulerPort } from '../services/ports';
import type { Service } from '../lifecycle';
import type { Logger } from '../logger';
import { SLA_QUEUE, type QueueConnection, type SlaJobData } from './types';

export interface SlaClockOptions extends QueueConnection {
  logger: Logger;
  /** Blocking connection for the worker (maxRetriesPerRequest null); only the worker role needs it. */
  workerConnection?: Redis;
  concurrency?: number;
  /** How often the worker drops finished checks past their keep (default hourly). */
  sweepEveryMs?: number;
}

/** One job per check: scheduling the same check twice keeps one. */
const checkId = (check: SlaCheck) => `${check.reportId}-${check.generation}-${check.escalations}`;
/** States of a job that will not run again by itself ('unknown': removed as it was read). */
const FINISHED: readonly string[] = ['completed', 'failed', 'unknown'];

/** What a due check runs (SlaService.check, wired in src/main.ts). */
export type SlaHandler = (check: SlaCheck) => Promise<unknown>;
/** What a due held-danger check runs (HeldDangerService.check, wired in src/main.ts). */
export type HeldDangerHandler = (episode: HeldDangerEpisode) => Promise<unknown>;

/** The job name of a held ticket's danger check, beside the `sla` checks on the same queue. */
export const HELD_DANGER_JOB = 'held-danger';
/**
 * A finished held-danger check is kept this long, so watching the same episode again (another
 * danger message, a retried update, a hand-over back) finds its id taken and adds nothing. No
 * longer: a day after the reporter wrote, the episode is stale and a watch schedules nothing, so
 * its id guards nothing, and the job (which report, and when its reporter wrote of danger) need
 * not stay. It finishes after the message, so a day from then covers it.
 */
const HELD_DANGER_KEEP_MS = HELD_DANGER_CURRENT_MS;
/** Failed checks stay a week for the board. */
const FAILED_KEEP_MS = 7 * 24 * 3600_000;

const isEpisode = (d: SlaJobData): d is HeldDangerEpisode => typeof (d as HeldDangerEpisode).holderId === 'string' && typeof (d as HeldDangerEpisode).saidAt === 'number';
const isSlaCheck = (d: SlaJobData): d is SlaCheck => isPriority((d as SlaCheck).priority);

/**
 * The `sla` queue: delayed checks, one per waiting period of a ticket (what a check decides is in
 * src/services/sla-service.ts). Job ids are deterministic, `<reportId>-<generation>-<escalations>`,
 * so scheduling the same check twice keeps one job. Failed checks retry with backoff. The same
 * queue carries held tickets' danger checks (`held-danger` jobs, src/services/held-danger-service.ts):
 * a delayed look, like an SLA check, with no worker or queue of its own to run.
 */
export class SlaClock implements SlaSchedulerPort, HeldDangerSchedulerPort, Service {
  readonly name = 'sla-worker';
  /** The BullMQ queue, for the supervisors' board and tests. */
  readonly queue: Queue<SlaJobData>;
  private worker: Worker<SlaJobData> | null = null;
  private handler: SlaHandler | null = null;
  private heldHandler: HeldDangerHandler | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly opts: SlaClockOptions) {
    this.queue = new Queue<SlaJobData>(SLA_QUEUE, {
      connection: opts.connection,
      prefix: opts.prefix,
      // A check that cannot read MongoDB is retried for about an hour (1 s doubling: 4,095 s over
      // 13 attempts; it was 31 s over 5): one that gave up would stop its ticket's clock, and
      // nothing restarts the clock of a ticket that still has its job.
      defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: FAILED_KEEP_MS / 1000 }, attempts: 13, backoff: { type: 'exponential', delay: 1000 } },
    });
    this.queue.on('error', (err) => opts.logger.warn({ err, queue: SLA_QUEUE }, 'sla queue error'));
  }

  async schedule(check: SlaCheck, delayMs: number): Promise<void> {
    await this.queue.add('sla', check, { jobId: checkId(check), delay: delayMs });
  }

  /** One job per episode (`held-<episode>`), kept a day once done: a repeated watch adds nothing. */
  async scheduleHeldDanger(episode: HeldDangerEpisode, delayMs: number): Promise<void> {
    const data: HeldDangerEpisode = { reportId: episode.reportId, holderId: episode.holderId, saidAt: episode.saidAt };
    await this.queue.add(HELD_DANGER_JOB, data, { jobId: `held-${heldDangerEpisodeKey(episode)}`, delay: delayMs, removeOnComplete: { age: HELD_DANGER_KEEP_MS / 1000 } });
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

  /** Sets what due held-danger checks run (read when one runs: without it, the job fails and is retried). */
  handleHeldDanger(handler: HeldDangerHandler): void {
    this.heldHandler = handler;
  }

  /** A due job: a held-danger check by its name, else an SLA check. */
  private run(job: Job<SlaJobData>, handler: SlaHandler): Promise<unknown> {
    if (job.name === HELD_DANGER_JOB) {
      if (!isEpisode(job.data) || !this.heldHandler) throw new Error('bad held-danger job, or no handler for it');
      return this.heldHandler(job.data);
    }
    if (!isSlaCheck(job.data)) throw new Error('bad sla job');
    return handler(job.data);
  }

  async start(): Promise<void> {
    const connection = this.opts.workerConnection;
    const handler = this.handler;
    if (!connection) throw new Error('SlaClock needs a workerConnection to run its worker');
    if (!handler) throw new Error('SlaClock needs a handler (SlaService.check) to run its worker');
    this.worker = new Worker<SlaJobData>(
      SLA_QUEUE,
      async (job: Job<SlaJobData>) => this.run(job, handler),
      { connection, prefix: this.opts.prefix, concurrency: this.opts.concurrency ?? 5 },
    );
    this.worker.on('error', (err) => this.opts.logger.warn({ err, queue: SLA_QUEUE }, 'sla worker error'));
    this.worker.on('failed', (job, err) => this.opts.logger.error({ reportId: job?.data.reportId, job: job?.name, err }, 'sla check failed'));
    await this.worker.waitUntilReady();
    this.sweeper = setInterval(() => {
      this.sweep().catch((err: unknown) => this.opts.logger.warn({ err, queue: SLA_QUEUE }, 'could not drop finished checks; the next sweep tries again'));
    }, this.opts.sweepEveryMs ?? 3600_000);
    this.sweeper.unref();
  }

  /**
   * Drops finished checks past their keep. BullMQ trims by age only as another job with the same
   * keep finishes (an SLA check removes only itself), so the last held-danger checks before a quiet
   * spell would otherwise stay for good. Only held-danger checks are kept once completed.
   */
  async sweep(): Promise<void> {
    await this.queue.clean(HELD_DANGER_KEEP_MS, 1000, 'completed');
    await this.queue.clean(FAILED_KEEP_MS, 1000, 'failed');
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    // close() lets an in-flight check finish.
    await this.worker?.close();
    this.worker = null;
  }

  async close(): Promise<void> {
    await this.stop();
    await this.queue.close();
  }
}
