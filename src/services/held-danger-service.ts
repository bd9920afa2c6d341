import { heldDangerStart, heldDangerVerdict, isHeld, type HeldDangerEpisode, type HeldDangerVerdict } from '../domain';
import type { ReportDoc, Store } from '../store';
import type { Logger } from '../logger';
import type { HeldDangerAlertPort, HeldDangerSchedulerPort } from './ports';
import type { SlaService } from './sla-service';

export interface HeldDangerServiceDeps {
  store: Store;
  logger: Logger;
  /** The `sla` queue's delayed held-danger checks. */
  scheduler: HeldDangerSchedulerPort;
  /** The supervisors' group (TELEGRAM_SUPERVISORS_CHAT_ID); none: nobody to tell, so nothing is scheduled. */
  supervisors: HeldDangerAlertPort | null;
  /** Priority 1's SLA time (config SLA_MINUTES): how long a holder has to open a danger message. */
  sla: Pick<SlaService, 'slaMsFor'>;
}

/**
 * Danger written to a ticket an agent holds. The holder sees it arrive on the ticket's page; a
 * holder who is away does not, and nobody else would. So each holding episode (domain
 * `HeldDangerEpisode`) gets one delayed check at priority 1's SLA time: if the same holder still
 * holds the open ticket and has not opened it since, the supervisors' group is told, naming the
 * holder and the reference only. A hand-over gives the new holder an episode of their own.
 */
export class HeldDangerService {
  constructor(private readonly deps: HeldDangerServiceDeps) {}

  /**
   * A reporter's danger message landed on a held ticket at `saidAt`: its episode's check is set
   * (one per episode: a later "help" the holder has not opened yet joins the first one's). True when set.
   */
  async watch(reportId: string, saidAt: Date): Promise<boolean> {
    if (!this.deps.supervisors) return false;
    const report = await this.deps.store.reports.findById(reportId);
    if (!report?.assignee || !isHeld(report)) return false;
    const start = heldDangerStart({ assignee: report.assignee, holderSeen: report.holderSeen }, report.heldDangerAt, saidAt);
    // Kept on the ticket so a hand-over knows the danger its new holder has not opened.
    if (start.getTime() !== report.heldDangerAt?.getTime()) await this.deps.store.reports.markHeldDanger(report._id, start);
    return this.schedule(report, start);
  }

  /** The ticket changed hands: the new holder has not opened its danger, so their own episode starts. True when set. */
  async handedOver(reportId: string): Promise<boolean> {
    if (!this.deps.supervisors) return false;
    const report = await this.deps.store.reports.findById(reportId);
    if (!report?.heldDangerAt) return false;
    return this.schedule(report, report.heldDangerAt);
  }

  /**
   * The job's look, at priority 1's SLA time: the ticket read again, the group told only if the
   * verdict still says so (taken back, closed, handed over or opened since: nothing).
   */
  async check(episode: HeldDangerEpisode): Promise<HeldDangerVerdict> {
    const report = await this.deps.store.reports.findById(episode.reportId);
    if (!report) return { alert: false, reason: 'closed' };
    const verdict = heldDangerVerdict(report, episode, Date.now());
    if (!verdict.alert || !this.deps.supervisors) return verdict;
    await this.deps.supervisors.notifyHeldDanger(episode);
    // The holder is staff; the reporter and their words are never logged.
    this.deps.logger.warn({ reportId: episode.reportId, reference: report.reference, holderId: episode.holderId, outcome: 'held_danger_alert' }, 'holder has not opened a danger message: supervisors told');
    return verdict;
  }

  /** The current holder's episode from `saidAt`, checked at priority 1's SLA time after it (after now for a hand-over). */
  private async schedule(report: ReportDoc, saidAt: Date): Promise<boolean> {
    const holderId = report.assignee?.toString();
    if (!holderId) return false;
    const episode: HeldDangerEpisode = { reportId: report._id.toString(), holderId, saidAt: saidAt.getTime() };
    if (!heldDangerVerdict(report, episode, Date.now()).alert) return false;
    // From the message for the holder who had it then; a new holder's time starts when it reached them.
    const from = Math.max(episode.saidAt, report.assignedAt?.getTime() ?? 0);
    const delay = Math.max(0, from + this.deps.sla.slaMsFor(1) - Date.now());
    await this.deps.scheduler.scheduleHeldDanger(episode, delay);
    return true;
  }
}
