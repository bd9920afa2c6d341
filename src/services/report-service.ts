import type { Types } from 'mongoose';
import { priorityFor, isCategoryCode, type Priority } from '../domain';
import type { ReportDoc, NewReport, Store } from '../store';
import type { Logger } from '../logger';
import type { TicketQueuePort } from './ports';

/** The part of the tickets queue that intake needs (src/services/ports.ts; implemented in src/queue). */
export type TicketEnqueuer = Pick<TicketQueuePort, 'enqueue'>;

export type SubmitInput = Omit<NewReport, 'idempotencyKey' | 'priority'> & { draftId: string };

export interface SubmitResult {
  report: ReportDoc;
  /** False when this draft was already submitted (double tap, re-delivered update). */
  created: boolean;
  /** False when Redis was unavailable: the outbox relay will queue it; the report is safe. */
  queued: boolean;
}

/**
 * Intake (README "Tickets and messages"): store first (the truth), then queue, then mark queued.
 * The reporter may be told "received" as soon as this resolves: the report is in MongoDB, and
 * if Redis was down the relay queues it later. If MongoDB fails this throws, nothing is stored,
 * and the reporter must be told to try again.
 */
export class ReportService {
  constructor(private readonly deps: { store: Store; tickets: TicketEnqueuer; logger: Logger }) {}

  async submit(input: SubmitInput): Promise<SubmitResult> {
    if (!isCategoryCode(input.category)) throw new Error(`unknown category ${input.category}`);
    const { draftId, ...rest } = input;
    const { report, created } = await this.deps.store.reports.create({
      ...rest,
      idempotencyKey: draftId,
      priority: priorityFor(input.category, input.dangerNow),
    });
    const queued = report.queuedAt ? true : await this.queue(report);
    this.deps.logger.info({ reportId: report._id.toString(), reference: report.reference, created, queued }, 'report submitted');
    return { report, created, queued };
  }

  /** Shared with the outbox relay: enqueue then record it. Never throws on Redis trouble. */
  async queue(report: { _id: Types.ObjectId; priority: Priority }): Promise<boolean> {
    const id = report._id.toString();
    try {
      await this.deps.tickets.enqueue(id, report.priority);
    } catch (err) {
      this.deps.logger.warn({ reportId: id, err }, 'could not queue ticket; the outbox relay will retry');
      return false;
    }
    await this.deps.store.reports.markQueued(report._id);
    return true;
  }
}
