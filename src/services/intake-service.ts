import type { Lang } from '../i18n';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { ReportDoc, ReportMarks, ReporterDoc, ReporterIdentity, Store, UrgentAnswers } from '../store';
import type { DailyReportLimit } from './daily-report-limit';
import type { ReportService, SubmitInput, SubmitResult, UrgentInput } from './report-service';
import type { TriageService } from './triage-service';

export interface IntakeRequest {
  /** Who is reporting, as Telegram tells us; stored encrypted, apart from the report. */
  reporter: Omit<ReporterIdentity, 'phone'>;
  language: Lang;
  /** From the reporter's own shared contact; kept only when the report is not anonymous. */
  phone?: string;
  report: Omit<SubmitInput, 'reporterId' | 'language'>;
}

/** "Someone is in danger now", answered before the story: what the wizard knows so far. */
/** What the reporter of a report stored early has answered so far (`progress`). */
export type UrgentProgress = UrgentAnswers;

export interface UrgentRequest {
  reporter: Omit<ReporterIdentity, 'phone'>;
  language: Lang;
  report: Omit<UrgentInput, 'reporterId' | 'language'>;
}

export type IntakeResult =
  /**
   * `priority`: the stored report's, which never goes down (danger said once keeps priority 1).
   * `sentBefore`: this draft was sent in full before (`SubmitResult`): the reporter may have been told "received".
   */
  | { ok: true; reportId: string; reference: string; created: boolean; priority: number; sentBefore?: true }
  /** `retryAfterSec`: until the next report is accepted (the draft is kept longer than the wait, if the reporter comes back). */
  | { ok: false; reason: 'daily_limit'; limit: number; retryAfterSec?: number }
  | { ok: false; reason: 'store_unavailable' };

export interface IntakeDeps {
  store: Store;
  reports: ReportService;
  logger: Logger;
  /** None: no daily limit (tests that do not need one). */
  dailyLimit?: DailyReportLimit;
  metrics?: Metrics;
  /** Links each new report to recent reports of the same event (issue 16); none: no linking. */
  triage?: TriageService;
}

/**
 * A confirmed report, from whoever the channel says is reporting to a stored, queued ticket:
 * the daily allowance, the reporter record and phone, then `ReportService.submit`, idempotent on
 * the draft id. `ok` means MongoDB has the report, so the reporter may be told "received".
 */
export class IntakeService {
  constructor(private readonly deps: IntakeDeps) {}

  submit(req: IntakeRequest): Promise<IntakeResult> {
    return this.take(req, req.report.draftId, req.report.category, () => this.store(req));
  }

  /**
   * The reporter said someone is in danger: store and queue the report now, before the story
   * (`ReportService.openUrgent`). It counts as the day's report; sending it later does not count
   * again (the draft is already stored). No phone is kept here: it is anonymous until the review.
   */
  urgent(req: UrgentRequest): Promise<IntakeResult> {
    return this.take(req, req.report.draftId, req.report.category, async () => {
      // Anonymous until the review: the record's names are refreshed by a named report only.
      const { reporter } = await this.deps.store.reporters.upsertFromTelegram(req.reporter, req.language);
      return this.deps.reports.openUrgent({ ...req.report, reporterId: reporter._id, language: req.language });
    });
  }

  /**
   * The reporter of a report stored early answered another question: it goes onto the ticket now.
   * Never throws: the draft keeps the answer, and Send writes it whatever happened here.
   */
  async progress(draftId: string, answers: UrgentAnswers): Promise<void> {
    try {
      await this.deps.reports.progressUrgent(draftId, answers);
    } catch (err) {
      this.deps.logger.warn({ err, outcome: 'progress_failed' }, 'could not add an answer to an urgent report being written; Send will');
    }
  }

  /** The reporter cancelled: a report stored early stays as a ticket, marked not finished. Never throws. */
  async abandon(draftId: string): Promise<void> {
    try {
      await this.deps.reports.abandonUrgent(draftId);
    } catch (err) {
      this.deps.logger.warn({ err, outcome: 'abandon_failed' }, 'could not mark an urgent report as cancelled; it stays as being written');
    }
  }

  private async take(req: Pick<IntakeRequest, 'reporter'>, draftId: string, category: string, store: () => Promise<SubmitResult>): Promise<IntakeResult> {
    const { dailyLimit } = this.deps;
    // Counted first, given back below when the draft turns out to be stored already: the store is
    // asked only when the day's allowance is spent (one MongoDB round trip fewer on every Confirm).
    const taken = dailyLimit ? await dailyLimit.take(req.reporter.telegramUserId) : undefined;
    const counted = taken?.ok === true;
    if (dailyLimit && taken && !taken.ok && !(await this.alreadyStored(draftId))) {
      this.deps.metrics?.rateLimited.inc({ limit: 'reports' });
      this.deps.logger.info({ outcome: 'reports_per_day_reached' }, 'report refused by the daily limit; draft kept');
      return { ok: false, reason: 'daily_limit', limit: dailyLimit.perDay, retryAfterSec: taken.retryAfterSec };
    }
    let result: SubmitResult;
    try {
      result = await store();
    } catch (err) {
      if (counted) await dailyLimit?.refund(req.reporter.telegramUserId);
      this.deps.logger.error({ err, outcome: 'submit_failed', category }, 'could not save report; draft kept');
      return { ok: false, reason: 'store_unavailable' };
    }
    const { report, created, sentBefore } = result;
    // A repeated Confirm for the same draft is not a new report: give the day's allowance back.
    if (!created && counted) await dailyLimit?.refund(req.reporter.telegramUserId);
    if (created) this.deps.metrics?.reportsSubmitted.inc({ kind: report.kind, danger: String(report.dangerNow) });
    const reportId = report._id.toString();
    this.deps.logger.info({ reportId, reference: report.reference, category, created, outcome: 'submitted' }, 'report stored');
    return { ok: true, reportId, reference: report.reference, created, priority: report.priority, ...(sentBefore ? { sentBefore } : {}) };
  }

  /**
   * This draft may already be stored (the session was not saved after "received", or the answer
   * was lost): it is not a new report, so it does not count against today's allowance. It still
   * goes through the idempotent submit, which finishes anything left half-done. If MongoDB
   * cannot answer, the submit fails too and the reporter is told to tap again.
   */
  private alreadyStored(draftId: string): Promise<boolean> {
    return this.deps.store.reports.findByIdempotencyKey(draftId).then(
      (r) => r !== null,
      () => false,
    );
  }

  /**
   * An existing record is found as for an anonymous report, and takes a named report's names,
   * language and phone only once that report is stored (`refreshIdentity`): a send that fails
   * keeps nothing it carried on it, so a number sent with no report is not kept when the reporter sends
   * anonymously instead. Written before the ticket is queued, so whoever takes it finds the number.
   * If that write fails, the reporter is told to send again; the report is stored (the outbox relay
   * queues it), and a Send with the number completes it, an anonymous one narrows it. A record a
   * named send makes is made with its details: nothing is left to write after the report.
   */
  private async store(req: IntakeRequest): Promise<SubmitResult> {
    const { store, reports } = this.deps;
    // A record made now takes a named report's number as it is made, in the same round trip (a
    // write after the report cost 0.4 commands per journey, BENCHMARKS.md): it has no named ticket
    // whose number could change as an anonymous report comes in, and should this send fail, an
    // anonymous send drops a number no report carries (`dropUncarriedPhone`).
    const { reporter, created } = await store.reporters.upsertFromTelegram(req.reporter, req.language, req.report.anonymous ? {} : { phone: req.phone });
    // A record this named send made holds its names, language and number already: nothing to write.
    const madeNamed = created && !req.report.anonymous;
    // A report stored early (danger) stays under the record it was stored under.
    const recordOf = async (report: ReportDoc) => (report.reporterId.equals(reporter._id) ? reporter : store.reporters.findById(report.reporterId));
    const named = async (report: ReportDoc) => {
      if (report.anonymous || (madeNamed && report.reporterId.equals(reporter._id))) return;
      const own = await recordOf(report);
      if (own) await store.reporters.refreshIdentity(own, req.reporter, req.language, req.phone);
    };
    const result = await reports.submit({ ...req.report, reporterId: reporter._id, language: req.language }, { meanwhile: (report) => this.link(report), stored: named });
    const own = result.report.anonymous ? await recordOf(result.report) : null;
    if (own) await this.dropUncarriedPhone(own);
    return result;
  }

  /**
   * An anonymous report stored: a number on the record that no named report carries goes
   * (`dropPhoneUnlessCarried`). The report is stored whatever happens here: a failure is logged,
   * and the next anonymous report tries again.
   */
  private async dropUncarriedPhone(reporter: ReporterDoc): Promise<void> {
    const { store, logger } = this.deps;
    try {
      await store.reporters.dropPhoneUnlessCarried(reporter, () => store.reports.hasNamed(reporter._id));
    } catch (err) {
      logger.warn({ err, outcome: 'uncarried_phone_kept' }, 'could not drop a phone no named report carries; the next anonymous report tries again');
    }
  }

  /**
   * Linked before "received" is said (while the ticket is queued), so the ticket's first reader
   * finds its links; a retried Confirm finishes a linking that failed. A failure here never fails
   * the report. A report stored early (danger) has no place or story yet: it is linked when sent.
   */
  private async link(report: ReportDoc): Promise<ReportMarks | undefined> {
    if (!this.deps.triage || report.triagedAt || report.unfinished) return undefined;
    const plan = await this.deps.triage.planSafely(report);
    return plan ? { triagedAt: new Date(), ...(plan.writes ? { links: plan.writes } : {}) } : undefined;
  }
}
