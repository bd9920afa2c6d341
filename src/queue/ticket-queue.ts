import { Queue } from 'bullmq';
import type { Priority } from '../domain';
import type { ReprioritiseOutcome, TicketClock, TicketJobState, TicketQueuePort } from '../services/ports';
import type { Logger } from '../logger';
import { TICKETS_QUEUE, type QueueConnection, type TicketJobData } from './types';

/** Starts a ticket's SLA clock once its job exists (SlaService, attached in src/main.ts). */
export interface SlaStarter {
  startClock(reportId: string, clock?: TicketClock): Promise<void>;
}

/**
 * The `tickets` queue: one job per waiting ticket, jobId = reportId, so intake, the outbox relay
 * and a release can all "add" without ever creating a second job. BullMQ priority = domain
 * priority (1 = danger now, lower runs first); within a priority jobs are served in the order
 * they were added. A job only means "waiting for an agent": completed jobs are removed, so a
 * released ticket can be added again under the same id.
 */
export class TicketQueue implements TicketQueuePort {
  /** The BullMQ queue, for the supervisors' board and tests; everything else uses the methods. */
  readonly queue: Queue<TicketJobData>;
  private sla: SlaStarter | null = null;

  constructor(private readonly deps: QueueConnection & { logger: Logger }) {
    this.queue = new Queue<TicketJobData>(TICKETS_QUEUE, {
      connection: deps.connection,
      prefix: deps.prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
    });
    this.queue.on('error', (err) => deps.logger.warn({ err, queue: TICKETS_QUEUE }, 'tickets queue error'));
  }

  /** The SLA service needs this queue too (to raise a waiting job's priority), so it is attached after both exist. */
  attachSla(sla: SlaStarter): void {
    this.sla = sla;
  }

  async enqueue(reportId: string, priority: Priority, clock?: TicketClock, opts: { front?: boolean } = {}): Promise<void> {
    // Both at once (one Redis round trip on the reporter's Confirm, not two). Either failing
    // rejects the enqueue, the report stays unqueued and the relay retries both adds; each is
    // idempotent (deterministic job ids), and a clock started for a ticket whose job was not
    // added only checks a report that is still waiting, as the relay's retry would.
    const [job] = await Promise.all([this.queue.add('ticket', { reportId }, { jobId: reportId, priority }), this.sla?.startClock(reportId, clock)]);
    // A job is added behind its priority's line; BullMQ puts one at the front only by changing its
    // priority with `lifo` (fronted ones among themselves by job id: the report's ObjectId, so its age).
    if (opts.front) await job.changePriority({ priority, lifo: true });
  }

  async jobState(reportId: string): Promise<TicketJobState> {
    const state = await this.queue.getJobState(reportId);
    if (state === 'waiting' || state === 'prioritized' || state === 'waiting-children') return 'waiting';
    if (state === 'active' || state === 'delayed') return state;
    return 'gone';
  }

  async remove(reportId: string): Promise<void> {
    await (await this.queue.getJob(reportId))?.remove();
  }

  /**
   * Raises a waiting ticket's job to `priority`. 'not_waiting' when there is nothing waiting to raise
   * (no job: the relay re-adds it from MongoDB at the new priority; or an agent just took it);
   * 'already' when its job holds that priority or a higher one (a raise since the caller looked).
   */
  async reprioritise(reportId: string, priority: Priority): Promise<ReprioritiseOutcome> {
    const job = await this.queue.getJob(reportId);
    if (!job) return 'not_waiting';
    const state = await job.getState();
    if (state !== 'waiting' && state !== 'prioritized') return 'not_waiting';
    // Setting the same priority again would move the ticket to the back of its priority's line; a
    // lower one would undo a raise made since the caller read the report (a reporter's danger).
    if (job.priority <= priority) return 'already';
    // To the front of its new line (among the tickets fronted there, by age): a raised ticket has
    // waited longer than those that came in at that priority, and "take next" serves the oldest
    // of the most urgent, as the Waiting list shows them (docs: DESIGN, the agent's journey).
    await job.changePriority({ priority, lifo: true });
    return 'raised';
  }

  /**
   * The priority each ticket's job holds, null when there is no job: one field of each job's hash
   * (BullMQ keeps it there, and `changePriority` sets it), all asked for at once, so the relay can
   * compare many tickets with MongoDB for a few commands' cost, not a job read each.
   */
  async jobPriorities(reportIds: string[]): Promise<(number | null)[]> {
    const values = await Promise.all(reportIds.map((id) => this.deps.connection.hget(this.queue.toKey(id), 'priority')));
    return values.map((v) => (v === null ? null : Number(v)));
  }

  /** Tickets waiting for an agent (for the queue-depth gauge). */
  async waitingCount(): Promise<number> {
    const c = await this.queue.getJobCounts('wait', 'prioritized');
    return (c.wait ?? 0) + (c.prioritized ?? 0);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

export function createTicketQueue(deps: QueueConnection & { logger: Logger }): TicketQueue {
  return new TicketQueue(deps);
}
