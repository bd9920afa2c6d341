import { priorityFor, isCategoryCode, type Priority } from '../domain';
import type { ReportDoc, NewReport, ReportMarks, Store, UrgentAnswers } from '../store';
import type { Logger } from '../logger';
import { leaveIncident } from './leave-incident';
import type { EventBus } from './events';
import type { TicketQueuePort } from './ports';

type QueuedReport = Pick<ReportDoc, '_id' | 'priority' | 'createdAt' | 'status' | 'assignedAt' | 'escalations'>;
type QueueOptions = { first?: boolean; marks?: Promise<ReportMarks>; front?: boolean };

/** The part of the tickets queue that intake needs (src/services/ports.ts; implemented in src/queue). */
export type TicketEnqueuer = Pick<TicketQueuePort, 'enqueue'>;

export type SubmitInput = Omit<NewReport, 'idempotencyKey' | 'priority'> & { draftId: string };

/** What is known when the reporter says someone is in danger: enough for an agent to act on. */
export type UrgentInput = Pick<NewReport, 'reporterId' | 'language' | 'kind' | 'category'> & { draftId: string };

export interface SubmitResult {
  report: ReportDoc;
  /** False when this draft was already submitted (double tap, re-delivered update). */
  created: boolean;
  /** False when Redis was unavailable: the outbox relay will queue it; the report is safe. */
  queued: boolean;
  /** This draft was sent in full before (a Send re-delivered after a crash, or tapped on a review left by an unsaved session). */
  sentBefore?: true;
}

/**
 * Intake (README "Tickets and messages"): store first (the truth), then queue, then mark queued.
 * The reporter may be told "received" as soon as this resolves: the report is in MongoDB, and
 * if Redis was down the relay queues it later. If MongoDB fails this throws, nothing is stored,
 * and the reporter must be told to try again.
 */
export class ReportService {
  constructor(private readonly deps: { store: Store; tickets: TicketEnqueuer; logger: Logger; events?: Pick<EventBus, 'publish'> }) {}

  /**
   * The sent report. When the reporter had said someone is in danger, the report already exists
   * (`openUrgent`, same draft id): it is completed with these answers, under the same reference
   * and ticket. Idempotent either way: a repeated send finds it done and changes nothing.
   * `stored`: what must be written once the report is stored and before its ticket is queued (a
   * named report's identity: an agent taking it finds its number); if it throws, so does this,
   * and the ticket is not queued (a Send again finishes it; the outbox relay queues it meanwhile).
   */
  async submit(input: SubmitInput, opts: { meanwhile?: (report: ReportDoc) => Promise<ReportMarks | undefined>; stored?: (report: ReportDoc) => Promise<void> } = {}): Promise<SubmitResult> {
    if (!isCategoryCode(input.category)) throw new Error(`unknown category ${input.category}`);
    const { draftId, ...rest } = input;
    const priority = priorityFor(input.category, input.dangerNow);
    const stored = await this.deps.store.reports.create({ ...rest, idempotencyKey: draftId, priority }, { submittedWithQueued: true });
    const { created } = stored;
    // Not a report stored early (someone in danger) that this Send completes.
    const sentBefore = !created && !stored.report.unfinished;
    let report = stored.report;
    if (!created && report.unfinished) report = await this.complete(draftId, { ...rest, priority });
    // After `complete` too: a send with the number that completed it first (another process) is narrowed.
    if (!created && rest.anonymous && !report.anonymous) report = await this.keepAnonymous(report);
    await opts.stored?.(report);
    // `meanwhile` (triage) needs the stored report, not its ticket: its round trips overlap the
    // queueing's instead of following them, on the reporter's wait for "received". What it marks
    // done is written with the queued mark (one write, not two), or alone when there is none.
    const marks = opts.meanwhile ? opts.meanwhile(report).catch(() => undefined) : Promise.resolve(undefined);
    const [queuing, alone] = await Promise.allSettled([report.queuedAt ? ('queued' as const) : this.enqueue(report, { first: !report.assignedAt, marks: marks.then((m) => m ?? {}) }), marks]);
    if (queuing.status === 'rejected') throw queuing.reason;
    const queued = queuing.value === 'queued';
    // Not after a failed mark: MongoDB is failing, and the relay links a report left untriaged.
    const markNow = report.queuedAt || queuing.value === 'redis_down';
    if (markNow && alone.status === 'fulfilled' && alone.value) await this.markAlone(report, alone.value);
    this.deps.logger.info({ reportId: report._id.toString(), reference: report.reference, created, queued }, 'report submitted');
    return { report, created, queued, ...(sentBefore ? { sentBefore } : {}) };
  }

  /**
   * "Someone is in danger now", before anything else is typed: the report is stored at once with
   * what is known (kind, category, danger, priority 1), marked unfinished, and queued like any
   * other, so an agent sees it while the reporter is still writing. Anonymous until the reporter
   * chooses otherwise on the review, as every report is. Idempotent on the draft id.
   */
  async openUrgent(input: UrgentInput): Promise<SubmitResult> {
    if (!isCategoryCode(input.category)) throw new Error(`unknown category ${input.category}`);
    const { draftId, ...rest } = input;
    const { report, created } = await this.deps.store.reports.create(
      {
      ...rest,
      idempotencyKey: draftId,
      description: {},
      dangerNow: true,
      anonymous: true,
      evidence: [],
      unfinished: { state: 'writing', at: new Date() },
      priority: priorityFor(input.category, true),
      },
      { submittedWithQueued: true },
    );
    const queued = report.queuedAt ? true : await this.queue(report, { first: !report.assignedAt });
    if (created) await this.deps.events?.publish({ type: 'queue' });
    this.deps.logger.info({ reportId: report._id.toString(), reference: report.reference, created, queued, outcome: 'urgent_opened' }, 'urgent report stored before the story');
    return { report, created, queued };
  }

  /**
   * The reporter of a report stored early answered another question (`ReportRepository.progress`):
   * the ticket page shows it at once. Nothing when it is no longer being written.
   */
  async progressUrgent(draftId: string, answers: UrgentAnswers): Promise<void> {
    const id = await this.deps.store.reports.progress(draftId, answers);
    if (id) await this.deps.events?.publish({ type: 'ticket', reportId: id.toString(), what: 'status' });
  }

  /** The reporter cancelled a report stored early: the ticket stays (an agent can still reach them), marked not finished. */
  async abandonUrgent(draftId: string): Promise<ReportDoc | null> {
    const left = await this.deps.store.reports.abandon(draftId);
    if (left) {
      await this.deps.events?.publish({ type: 'ticket', reportId: left._id.toString(), what: 'status' });
      await this.deps.events?.publish({ type: 'queue' });
      this.deps.logger.info({ reportId: left._id.toString(), reference: left.reference, outcome: 'urgent_abandoned' }, 'urgent report cancelled before it was sent; ticket kept');
    }
    return left;
  }

  /**
   * A send that failed once the report was stored (a write-concern timeout), sent again
   * anonymously: a report only ever becomes more anonymous, whoever holds it. Its other answers
   * stay as first stored (a second send cannot change a stored report).
   */
  private async keepAnonymous(report: ReportDoc): Promise<ReportDoc> {
    const narrowed = await this.deps.store.reports.makeAnonymous(report._id);
    if (!narrowed) return report;
    await this.deps.events?.publish({ type: 'ticket', reportId: report._id.toString(), what: 'status' });
    this.deps.logger.info({ reportId: report._id.toString(), reference: report.reference, outcome: 'made_anonymous' }, 'report sent again anonymously: identity withheld');
    return narrowed;
  }

  private async complete(draftId: string, answers: Omit<SubmitInput, 'draftId'> & { priority: Priority }): Promise<ReportDoc> {
    // The reporter record stays the one the urgent report was stored under.
    const { reporterId: _same, ...rest } = answers;
    // Closed meanwhile, the rest would sit on a ticket nobody reads: queued again (below, in submit).
    const reopened = await this.deps.store.reports.reopenUnfinished(draftId);
    if (reopened) this.deps.logger.info({ reportId: reopened._id.toString(), reference: reopened.reference, from: reopened.status, outcome: 'reopened' }, 'closed urgent ticket reopened: the reporter sent the rest');
    // Back in the queue it is no longer the incident holder's: whoever takes it next reads it alone.
    if (reopened?.incident) await leaveIncident(this.deps, reopened, reopened.incident.id, { kind: 'system' }, { reopened: true });
    const done = await this.deps.store.reports.complete(draftId, rest);
    if (done) {
      // The queue's row (county) and the ticket page both show the new details.
      await this.deps.events?.publish({ type: 'ticket', reportId: done._id.toString(), what: 'status' });
      await this.deps.events?.publish({ type: 'queue' });
      return done;
    }
    // Completed by a concurrent send of the same draft: that one is the report.
    const again = await this.deps.store.reports.findByIdempotencyKey(draftId);
    if (!again) throw new Error('report vanished while being completed');
    return again;
  }

  /**
   * Shared with the outbox relay: enqueue then record it. Never throws on Redis trouble.
   * `first`: the report was never queued (just stored, or stored and then not queued): its
   * "submitted" history entry is written with the first "queued" one (`markQueued`), or alone
   * when Redis fails, so the history is whole whatever happens next.
   */
  async queue(report: QueuedReport, opts: QueueOptions = {}): Promise<boolean> {
    return (await this.enqueue(report, opts)) === 'queued';
  }

  /**
   * `queue`, saying why not: Redis refused the job (`redis_down`), or the job was added and only
   * its mark failed (`unmarked`: MongoDB; logged here, and the outbox relay writes it next pass).
   */
  async enqueue(report: QueuedReport, opts: QueueOptions): Promise<'queued' | 'redis_down' | 'unmarked'> {
    const id = report._id.toString();
    try {
      // The SLA clock starts from this copy: no read back on the reporter's Confirm.
      await this.deps.tickets.enqueue(id, report.priority, report, opts.front ? { front: true } : {});
    } catch (err) {
      this.deps.logger.warn({ reportId: id, err }, 'could not queue ticket; the outbox relay will retry');
      if (opts.first) await this.deps.store.reports.addSubmitted(report);
      return 'redis_down';
    }
    let linked: Awaited<ReturnType<Store['reports']['markQueued']>>;
    try {
      linked = await this.deps.store.reports.markQueued(report._id, opts.first ? report : undefined, opts.marks);
    } catch (err) {
      // Stored (a majority acknowledged it) and queued: only the mark failed, which the outbox relay
      // writes (queuedAt is still unset). Telling the reporter to send again would invite changes
      // that a second send cannot make to a report already stored.
      this.deps.logger.warn({ reportId: id, err }, 'could not mark ticket queued; the outbox relay will');
      return 'unmarked';
    }
    // Queued either way; triage's links that rode with the mark failed: left untriaged, linked later by the outbox relay.
    if (!linked.ok) this.deps.logger.warn({ err: linked.err, reportId: id }, 'could not link report to similar ones');
    return 'queued';
  }

  /** Marks without a queued mark to ride on; like the work they record, they never fail the report. */
  private async markAlone(report: ReportDoc, marks: ReportMarks): Promise<void> {
    try {
      await this.deps.store.reports.setMarks(report._id, marks);
    } catch (err) {
      this.deps.logger.warn({ err, reportId: report._id.toString() }, 'could not record what was done on the report');
    }
  }
}
