import { Queue } from 'bullmq';
import type { Types } from 'mongoose';
import { heldDangerEpisodeKey, type HeldDangerEpisode } from '../domain';
import type { DangerAlertPort, DangerAlertRequeuePort, HeldDangerAlertPort, RedeliverOutcome, ReplyPort, SupervisorAlertPort } from '../services/ports';
import type { Logger } from '../logger';
import { REPLIES_QUEUE, type QueueConnection, type ReplyJobData } from './types';

type MessageJobData = Extract<ReplyJobData, { kind: 'message' }>;

export interface ReplyQueueOptions extends QueueConnection {
  logger: Logger;
  /** Delivery attempts before a message is marked failed (exponential backoff between them). */
  attempts?: number;
  backoffMs?: number;
}

/**
 * The `replies` queue: every message to a reporter (agent replies and status notices, stored
 * first in MongoDB) and the supervisors' alerts (escalations, a reporter's danger, and danger a holder left unopened). Jobs carry ids only; the worker
 * resolves text and recipient on the server. jobId = message id, so queuing a message twice
 * (action + outbox relay) delivers it once.
 */
const dangerAlertJobId = (reportId: string) => `sup-${reportId}-danger`;

export class ReplyQueue implements ReplyPort, SupervisorAlertPort, DangerAlertPort, DangerAlertRequeuePort, HeldDangerAlertPort {
  /** The BullMQ queue, for the supervisors' board and tests. */
  readonly queue: Queue<ReplyJobData>;

  constructor(private readonly opts: ReplyQueueOptions) {
    this.queue = new Queue<ReplyJobData>(REPLIES_QUEUE, {
      connection: opts.connection,
      prefix: opts.prefix,
      defaultJobOptions: {
        attempts: opts.attempts ?? 8,
        backoff: { type: 'exponential', delay: opts.backoffMs ?? 2000 },
        // Kept a day so a late duplicate add of the same id stays a no-op; failures kept a week for the board.
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
    this.queue.on('error', (err) => opts.logger.warn({ err, queue: REPLIES_QUEUE }, 'replies queue error'));
  }

  async deliver(messageId: Types.ObjectId | string, sentAs?: number): Promise<void> {
    await this.addMessage(messageId.toString(), sentAs !== undefined ? { sentAs } : {});
  }

  /** `carried`: what a failed job had noted that its successor must know (sent already, its hold said). */
  private async addMessage(id: string, carried: Pick<MessageJobData, 'sentAs' | 'heldForNotice'>): Promise<void> {
    await this.queue.add('message', { kind: 'message', messageId: id, ...carried }, { jobId: id });
  }

  async deliverMany(messageIds: readonly (Types.ObjectId | string)[]): Promise<void> {
    if (!messageIds.length) return;
    await this.queue.addBulk(messageIds.map((m) => ({ name: 'message', data: { kind: 'message', messageId: m.toString() }, opts: { jobId: m.toString() } })));
  }

  async redeliver(messageId: Types.ObjectId | string, opts: { retryFailed: boolean }): Promise<RedeliverOutcome> {
    const id = messageId.toString();
    let carried: Pick<MessageJobData, 'sentAs' | 'heldForNotice'> = {};
    // A failed job keeps its id for a week (for the board), and an add under a taken id does nothing
    // and does not say so (BullMQ issue 3214): the state, one script call, tells what an add would do.
    const state = await this.queue.getJobState(id);
    // Waiting its turn, paced or parked (delayed), or being sent: its job is there, nothing to add.
    if (state !== 'unknown' && state !== 'failed' && state !== 'completed') return 'in_queue';
    if (state === 'failed') {
      if (!opts.retryFailed) return 'gave_up';
      const failed = await this.queue.getJob(id);
      // Sent, but never recorded as sent (MongoDB was away through every attempt): recorded, not sent again.
      // Held behind an owed notice through every attempt: that hold was said already (at info, once per reply).
      if (failed?.data.kind === 'message') {
        const { sentAs, heldForNotice } = failed.data;
        carried = { ...(sentAs !== undefined ? { sentAs } : {}), ...(heldForNotice ? { heldForNotice } : {}) };
      }
      await failed?.remove();
    }
    if (state === 'completed') {
      const done = await this.queue.getJob(id);
      // It sent the message: read pending a moment before its job marked it sent (MongoDB's read and
      // this one are not one moment). A new job would send nothing and still take a rate slot.
      if (done?.returnvalue === 'sent') return 'sent';
      // Kept a day under its id; the message is pending again all the same (the job ran while it was
      // failed, then the reporter unblocked the bot): a new job sends it, or finds it sent (MongoDB decides).
      await done?.remove();
    }
    await this.addMessage(id, carried);
    return 'queued';
  }

  async notifySupervisors(reportId: string, escalations: number): Promise<void> {
    await this.queue.add('supervisors', { kind: 'supervisors', reportId, escalations }, { jobId: `sup-${reportId}-${escalations}` });
  }

  /** One job id per ticket (a reporter's danger raises it once): the relay queuing it again adds nothing. */
  async notifyDangerSaid(reportId: string): Promise<void> {
    await this.queue.add('supervisors', { kind: 'supervisors', reportId, danger: true }, { jobId: dangerAlertJobId(reportId) });
  }

  /**
   * An alert still owed, queued again by the outbox relay: false when its job is still in Redis
   * (waiting for the group's turn, or told and not yet marked). `Queue.add` cannot say so: with an
   * id already taken it adds nothing and returns a job built from its own arguments (BullMQ issue
   * 3214, "works as designed"; only a `duplicated` event on the queue's stream tells), so the job is
   * looked up first. An add between the look and this one is counted as added: a count, nothing sent twice.
   */
  async requeueDangerSaid(reportId: string): Promise<boolean> {
    if ((await this.queue.getJobState(dangerAlertJobId(reportId))) !== 'unknown') return false;
    await this.notifyDangerSaid(reportId);
    return true;
  }

  /** One job id per holding episode: its check retried after a failure tells the group once. */
  async notifyHeldDanger(episode: HeldDangerEpisode): Promise<void> {
    const held = { holderId: episode.holderId, saidAt: episode.saidAt };
    await this.queue.add('supervisors', { kind: 'supervisors', reportId: episode.reportId, held }, { jobId: `sup-held-${heldDangerEpisodeKey(episode)}` });
  }

  async waitingCount(): Promise<number> {
    const c = await this.queue.getJobCounts('wait', 'prioritized', 'delayed');
    return (c.wait ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
