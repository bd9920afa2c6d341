import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Service } from '../lifecycle';
import type { Logger } from '../logger';
import { TICKETS_QUEUE, type TicketJobData } from './types';

export interface TicketStallGuardOptions {
  /** Blocking connection (maxRetriesPerRequest null). */
  connection: Redis;
  prefix: string;
  logger: Logger;
  /** Stalled-job check interval and lock expiry on `tickets` (BullMQ defaults 30 s). */
  stalledIntervalMs?: number;
}

/**
 * BullMQ's stalled-job check on `tickets`, whose only other worker (the dispenser) fetches
 * manually and never runs that check itself: a job popped by a console that died before
 * completing it goes back to waiting once its lock expires. Worker role only.
 */
export class TicketStallGuard implements Service {
  readonly name = 'tickets-stall-guard';
  private worker: Worker<TicketJobData> | null = null;

  constructor(private readonly opts: TicketStallGuardOptions) {}

  async start(): Promise<void> {
    const stalledInterval = this.opts.stalledIntervalMs ?? 30_000;
    this.worker = new Worker<TicketJobData>(TICKETS_QUEUE, null, {
      connection: this.opts.connection,
      prefix: this.opts.prefix,
      autorun: false,
      stalledInterval,
      lockDuration: stalledInterval,
      // A stalled ticket goes back to waiting however often it happens; failing it would strand it.
      maxStalledCount: Number.MAX_SAFE_INTEGER,
    });
    this.worker.on('error', (err) => this.opts.logger.warn({ err }, 'tickets stall guard error'));
    await this.worker.startStalledCheckTimer();
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }
}
