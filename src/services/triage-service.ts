import { Types } from 'mongoose';
import { DEFAULT_LINK_OPTIONS, linkWindow, TriageIndex, type LinkCandidate, type TriageReport } from '../domain/triage';
import type { Logger } from '../logger';
import type { ReportDoc, Store, TriageFields, TriageLinks } from '../store';

/** A report's links and, when there are any, the writes that store them. */
export interface TriagePlan {
  links: LinkCandidate[];
  writes?: TriageLinks;
}

const HOUR_MS = 3600_000;

/**
 * A stored report as the linker sees it: plain values, no identity. A report stored early
 * (someone in danger) has no county or time until it is sent and is not linked before; county 0
 * would match no other report's.
 */
export function triageReportOf(r: TriageFields): TriageReport {
  const plates = r.officers?.vehiclePlates ?? [];
  const polling = r.pollingStation ? [r.pollingStation.name, r.pollingStation.code].filter(Boolean).join(' ') : '';
  return {
    id: r._id.toString(),
    kind: r.kind,
    category: r.category,
    county: r.county ?? 0,
    createdAt: r.createdAt,
    incidentAt: r.incidentAt ?? r.createdAt,
    when: r.when,
    ...(r.place ? { place: r.place } : {}),
    ...(r.description?.text ? { story: r.description.text } : {}),
    ...(plates.length ? { plate: plates.join(' ') } : {}),
    ...(r.officers?.station ? { policeStation: r.officers.station } : {}),
    ...(polling ? { pollingStation: polling } : {}),
  };
}

export interface TriageServiceDeps {
  store: Store;
  logger: Logger;
  /** Reports whose incident ended this long before now leave the process's index (they are read again if needed). */
  keepHours?: number;
}

/**
 * "Possibly the same incident" on intake (issue 16): a new report is linked against the recent
 * reports of its county and the counties bordering it, and each link is stored on both reports
 * with its score and reasons.
 *
 * Where the candidates come from: MongoDB says WHICH reports are in the link window (`linkWindow`:
 * same or neighbouring county, incident time within 48 h), so every bot process sees every other process's
 * reports and nothing depends on warm-up; this process keeps a `TriageIndex` only as a cache of
 * the expensive part, each report's normalised text and vectors, reading from MongoDB only the
 * reports it has not seen or whose `updatedAt` moved since (a report's text can change: /forget
 * blanks the reporter's own name in it). Every write through mongoose moves it; the marks a
 * Confirm writes (queued, triaged, links: no words) do not, so they cause no read. The links are
 * therefore exactly `linkReports(report, <the window in MongoDB>)`: deterministic, whichever
 * process or order. Reasons carry story words: they are stored for the ticket page, never logged.
 */
export class TriageService {
  private readonly index = new TriageIndex();
  /** The `updatedAt` of the stored report each entry of the index was built from. */
  private readonly versions = new Map<string, number | undefined>();
  private readonly keepMs: number;
  private lastPrune = 0;

  constructor(private readonly deps: TriageServiceDeps) {
    this.keepMs = (deps.keepHours ?? DEFAULT_LINK_OPTIONS.windowHours * 2 + 24) * HOUR_MS;
  }

  /**
   * The report's links, found but not written: intake writes them with the queued mark
   * (`ReportRepository.markQueued`), or alone when the report is not queued now (`setMarks`).
   * Never throws (a report stays received whatever happens here): null when linking failed, and
   * the report is left untriaged.
   */
  async planSafely(report: ReportDoc): Promise<TriagePlan | null> {
    try {
      return await this.plan(report);
    } catch (err) {
      this.deps.logger.warn({ err, reportId: report._id.toString(), reference: report.reference }, 'could not link report to similar ones');
      return null;
    }
  }

  /** Links the report, stores the links both ways and marks it triaged (a triage run by itself). */
  async link(report: ReportDoc): Promise<LinkCandidate[]> {
    const { links, writes } = await this.plan(report);
    await this.deps.store.reports.setMarks(report._id, { triagedAt: new Date(), ...(writes ? { links: writes } : {}) });
    return links;
  }

  /**
   * The report's links and what the store writes for them (`TriageLinks`): each on both reports,
   * the other ticket's page explaining it from its own side ("its place" is then this one's), and
   * a `linked` entry in each history. The store writes both idempotently (a link is pushed once;
   * an entry's id comes from the two reports), so a triage retried after a failure completes it.
   */
  private async plan(report: ReportDoc): Promise<TriagePlan> {
    const q = triageReportOf(report);
    await this.sync(q, report.updatedAt);
    const links = this.index.link(q);
    // Found, not yet written: a failed write is logged where it happens ("could not link").
    this.deps.logger.info({ reportId: report._id.toString(), reference: report.reference, links: links.length, outcome: 'links_found' }, 'similar reports found for report');
    if (!links.length) return { links };
    const at = new Date();
    const others = links.map((l) => new Types.ObjectId(l.id));
    // From the features the index holds (sync added the new report too): not computed again.
    const back = links.map((l) => this.index.explainHeld(l.id, q) ?? l);
    const similar = [
      ...links.map((l, i) => ({ id: report._id, link: { reportId: others[i], score: l.score, reasons: l.reasons, at } })),
      ...back.map((b, i) => ({ id: others[i], link: { reportId: report._id, score: b.score, reasons: b.reasons, at } })),
    ];
    // A link the report already holds has its pair of history entries (they are written before
    // the links): from this report's earlier try, or from the other report's triage if it came
    // later. Its links are pushed again (a no-op, or the back link a failed try left out); its
    // entries are not, which would be a second pair under other ids.
    const known = new Set((report.similar ?? []).map((l) => l.reportId.toString()));
    const entries = links.flatMap((l, i) => (known.has(l.id) ? [] : [{ reportId: others[i], score: l.score, backScore: back[i].score }]));
    return { links, writes: { similar, entries } };
  }

  /**
   * Makes the index hold exactly what MongoDB holds in the report's window: reads the reports not
   * seen yet, and again those changed since they were read (a /forget blanks the reporter's name in
   * their stories and places: a link must not quote the old words).
   */
  private async sync(q: TriageReport, version: Date | undefined): Promise<void> {
    this.prune();
    const win = linkWindow(q);
    const rows = await this.deps.store.incidents.versionsInWindow(win.counties, win.from, win.to);
    // The report being linked is in the window too: it is known already, not read back.
    const stale: Types.ObjectId[] = [];
    for (const { _id, updatedAt } of rows) {
      const id = _id.toString();
      if (id !== q.id && !this.holds(id, updatedAt)) stale.push(_id);
    }
    for (const r of await this.deps.store.incidents.triageFields(stale)) this.hold(triageReportOf(r), r.updatedAt);
    this.hold(q, version);
  }

  /** The index holds the report as it was at `updatedAt`. */
  private holds(id: string, updatedAt: Date | undefined): boolean {
    return this.index.has(id) && this.versions.get(id) === updatedAt?.getTime();
  }

  /**
   * Adds (or replaces) a report in the index, with the `updatedAt` of the text it was built from.
   * Most changes are not to what the linker reads (a link written, a ticket taken): its features,
   * most of a read's cost, are then kept.
   */
  private hold(r: TriageReport, version: Date | undefined): void {
    const held = this.index.get(r.id);
    if (!held || JSON.stringify(held) !== JSON.stringify(r)) this.index.add(r);
    this.versions.set(r.id, version?.getTime());
  }

  private prune(): void {
    const now = Date.now();
    if (now - this.lastPrune < HOUR_MS) return;
    this.lastPrune = now;
    this.index.prune(new Date(now - this.keepMs));
    for (const id of this.versions.keys()) if (!this.index.has(id)) this.versions.delete(id);
  }
}
