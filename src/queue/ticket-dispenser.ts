import { randomUUID } from 'node:crypto';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ClaimedTicket, TicketDispenser } from '../services/ports';
import type { Logger } from '../logger';
import { TICKETS_QUEUE, type TicketJobData } from './types';

export interface BullTicketDispenserOptions {
  /** Connection for the manual-fetch worker (maxRetriesPerRequest null). */
  connection: Redis;
  prefix: string;
  logger: Logger;
}

/**
 * The `tickets` queue's manual fetch (BullMQ `getNextJob`): it atomically moves the next job
 * (highest priority, then first added) to active for this call only, so two callers can never
 * pop the same job. What a claim means is decided in src/services/ticket-desk.ts.
 */
export class BullTicketDispenser implements TicketDispenser {
  private readonly worker: Worker<TicketJobData>;

  constructor(opts: BullTicketDispenserOptions) {
    // No processor and no autorun: this worker only serves getNextJob calls.
    this.worker = new Worker<TicketJobData>(TICKETS_QUEUE, null, { connection: opts.connection, prefix: opts.prefix, autorun: false });
    this.worker.on('error', (err) => opts.logger.warn({ err, queue: TICKETS_QUEUE }, 'ticket dispenser error'));
  }

  async claimNext(): Promise<ClaimedTicket | null> {
    const token = randomUUID();
    const job: Job<TicketJobData> | undefined = await this.worker.getNextJob(token, { block: false });
    if (!job) return null;
    return {
      reportId: job.data.reportId,
      complete: async (outcome) => {
        await job.moveToCompleted(outcome, token, false);
      },
      giveBack: async () => {
        await job.moveToWait(token);
      },
    };
  }

  async close(): Promise<void> {
    await this.worker.close();
  }
}

/**
 * Creates the dispenser on first use: only the console takes tickets, and the dispenser holds a
 * blocking Redis connection the other roles should not open.
 */
export function lazyDispenser(create: () => BullTicketDispenser): TicketDispenser & { close(): Promise<void> } {
  let made: BullTicketDispenser | null = null;
  return {
    claimNext: () => (made ??= create()).claimNext(),
    close: async () => made?.close(),
  };
}
