import { mayWithdraw, otherAgencyName, type Agency, type Status } from '../domain';
import type { Lang } from '../i18n';
import type { Logger } from '../logger';
import type { ReportDoc, Store } from '../store';

/** What a reporter may know about one of their own reports. */
export interface ReportStatus {
  reportId: string;
  reference: string;
  category: string;
  status: Status;
  createdAt: Date;
  /** The reporter may withdraw it themselves (src/domain/status.ts, mayWithdraw). */
  withdrawable: boolean;
  /** Waiting for the reporter, who has written since staff last did: the answer is with them. */
  answered?: boolean;
  /** A referred report: the agency that has it (the name typed for "another agency"), as its referral notice said. */
  referredTo?: { agency: Agency; name?: string };
}

export type StatusLookup = { ok: true; report: ReportStatus } | { ok: false; reason: 'not_found' };

/** A reporter's own affairs outside a report in progress: their language, and the status of what they filed. */
export class ReporterService {
  constructor(private readonly deps: { store: Store; logger: Logger }) {}

  /** Kept on the reporter record too, so agents' messages and notices reach them in it; nobody to update before a first report. */
  setLanguage(telegramUserId: number, language: Lang): Promise<void> {
    return this.deps.store.reporters.setLanguageOf(telegramUserId, language);
  }

  /** Open reports of this reporter, newest first. */
  async openReports(telegramUserId: number): Promise<ReportStatus[]> {
    const reporter = await this.deps.store.reporters.findByTelegramUser(telegramUserId);
    const open = reporter ? await this.deps.store.reports.findOpenByReporter(reporter._id) : [];
    return open.map(summary);
  }

  /**
   * One report by its reference, only for the reporter who filed it. Anyone else gets exactly the
   * "not found" an unknown reference gets, so nobody learns that a reference exists.
   */
  async status(telegramUserId: number, reference: string): Promise<StatusLookup> {
    const report = await this.deps.store.reports.findByReference(reference);
    const reporter = report ? await this.deps.store.reporters.findByTelegramUser(telegramUserId) : null;
    if (!report || !reporter || !report.reporterId.equals(reporter._id)) {
      this.deps.logger.info({ outcome: 'status_not_found' }, 'status lookup');
      return { ok: false, reason: 'not_found' };
    }
    this.deps.logger.info({ reportId: report._id.toString(), reference: report.reference, outcome: 'status_shown' }, 'status lookup');
    const answered = report.status === 'waiting_reporter' && (await this.deps.store.messages.reporterWroteLast(report._id));
    return { ok: true, report: { ...summary(report), ...(answered ? { answered } : {}) } };
  }
}

function summary(r: ReportDoc): ReportStatus {
  const agency = r.status === 'referred' ? r.referral?.agency : undefined;
  const name = otherAgencyName(agency, r.referral);
  const referredTo = agency ? { referredTo: { agency, ...(name ? { name } : {}) } } : {};
  return { reportId: r._id.toString(), reference: r.reference, category: r.category, status: r.status, createdAt: new Date(r.createdAt), withdrawable: mayWithdraw(r), ...referredTo };
}
