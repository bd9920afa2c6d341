/**
 * Triage: which recent reports are probably about the same incident, and why (issue 16).
 * Pure and deterministic: no I/O, no clock, no randomness; the score of a pair depends on the
 * two reports only, so the order of inputs never changes a result.
 *
 * Wiring a stored report (ReportDoc): { id: _id.toHexString(), kind, category, county, createdAt,
 * incidentAt, when, place, story: description.text }. Plates are found in place and story; the
 * optional plate / station fields are for when the wizard asks for them. A service either keeps a
 * TriageIndex (add on intake, prune daily) or fetches `linkWindow(report)` from MongoDB and calls
 * linkReports. The reasons carry story words: show them to agents, never log them.
 */
import { neighbouringCounties } from '../county-neighbours';
import { featuresOf, type Features } from './features';
import { QueryScorer } from './fast';
import { scorePair } from './score';
import { DEFAULT_LINK_OPTIONS, type LinkCandidate, type LinkOptions, type TriageReport } from './types';

export * from './types';
export { categoryRelation, type CategoryRelation } from './category-relation';
export { POINTS } from './score';
export { canonicalWords, findPlates } from './normalize';

const HOUR_MS = 60 * 60 * 1000;

/** Strongest first; equal scores by id, so the result does not depend on the order of inputs. */
const byScore = (x: LinkCandidate, y: LinkCandidate) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * Recent reports kept in memory, blocked by county and sorted by incident time, so that linking
 * one report reads only the reports of its county and its neighbours within the window (binary
 * search), each with its features computed once when added.
 */
export class TriageIndex {
  private readonly byCounty = new Map<number, Features[]>();
  private readonly byId = new Map<string, Features>();
  private readonly opts: LinkOptions;

  constructor(opts: Partial<LinkOptions> = {}) {
    this.opts = { ...DEFAULT_LINK_OPTIONS, ...opts };
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The report as added, if the index holds it. */
  get(id: string): TriageReport | undefined {
    return this.byId.get(id)?.report;
  }

  /** Adds or replaces (same id) a report. */
  add(report: TriageReport): void {
    this.remove(report.id);
    const f = featuresOf(report);
    this.byId.set(report.id, f);
    const list = this.byCounty.get(report.county) ?? [];
    list.splice(this.lowerBound(list, f.from), 0, f);
    this.byCounty.set(report.county, list);
  }

  remove(id: string): boolean {
    const f = this.byId.get(id);
    if (!f) return false;
    this.byId.delete(id);
    const list = this.byCounty.get(f.report.county) ?? [];
    list.splice(list.indexOf(f), 1);
    return true;
  }

  /** Forgets reports whose incident ended before `before` (call with now - window). Returns how many. */
  prune(before: Date): number {
    const limit = before.getTime();
    const old = [...this.byId.values()].filter((f) => f.to < limit);
    for (const f of old) this.remove(f.report.id);
    return old.length;
  }

  /** Candidates for `report` (never itself), strongest first, at or above the threshold. */
  link(report: TriageReport, opts: Partial<LinkOptions> = {}): LinkCandidate[] {
    const o = { ...this.opts, ...opts };
    const q = this.byId.get(report.id) ?? featuresOf(report);
    // The quick score decides and ranks (it equals the explained score: unit-tested); reasons are
    // built only for the `limit` strongest, not for every pair above the threshold (in a busy
    // county hundreds pass, and explaining one costs a hundred quick scores).
    const scorer = new QueryScorer(q, o.windowHours);
    const passed: { f: Features; score: number }[] = [];
    for (const county of [report.county, ...neighbouringCounties(report.county)]) {
      const list = this.byCounty.get(county) ?? [];
      const [start, end] = this.windowRange(list, q, o.windowHours);
      for (let i = start; i < end; i++) {
        const f = list[i];
        if (f.report.id === report.id) continue;
        const quick = scorer.usable ? scorer.score(f, o.threshold) : (scorePair(q, f, o.windowHours)?.score ?? null);
        if (quick !== null && quick >= o.threshold) passed.push({ f, score: quick });
      }
    }
    passed.sort((x, y) => y.score - x.score || (x.f.report.id < y.f.report.id ? -1 : x.f.report.id > y.f.report.id ? 1 : 0));
    const out: LinkCandidate[] = [];
    for (const { f } of passed.slice(0, o.limit)) {
      const s = scorePair(q, f, o.windowHours);
      if (s && s.score >= o.threshold) out.push({ id: f.report.id, ...s });
    }
    return out.sort(byScore);
  }

  /**
   * `explainPair(held, b)` where `held` is a report this index holds, from the features it keeps
   * (computing a report's features is most of the cost of explaining it); `b`'s are computed only
   * when it is not held. Null when `heldId` is not held, or the pair is out of the window.
   */
  explainHeld(heldId: string, b: TriageReport): LinkCandidate | null {
    const a = this.byId.get(heldId);
    if (!a) return null;
    const s = scorePair(a, this.byId.get(b.id) ?? featuresOf(b), this.opts.windowHours);
    return s && { id: b.id, ...s };
  }

  /**
   * Where in one county's list the reports that can be in `q`'s window lie. Sorted by start: anything
   * starting after q.to + window is out; a day-long interval may start up to a day before
   * q.from - window and still reach it.
   */
  private windowRange(list: Features[], q: Features, windowHours: number): [number, number] {
    const win = windowHours * HOUR_MS;
    const start = this.lowerBound(list, q.from - win - 24 * HOUR_MS);
    let end = start;
    while (end < list.length && list[end].from <= q.to + win) end++;
    return [start, end];
  }

  private lowerBound(list: Features[], from: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].from < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * One-shot form for a service that has already fetched the recent reports of the county (e.g.
 * MongoDB: same county, incidentAt within the window). Same result as TriageIndex.link.
 */
export function linkReports(report: TriageReport, recent: readonly TriageReport[], opts: Partial<LinkOptions> = {}): LinkCandidate[] {
  const index = new TriageIndex(opts);
  for (const r of recent) if (r.id !== report.id) index.add(r);
  return index.link(report);
}

/**
 * Which stored reports can be candidates: the same county or a neighbouring one, `incidentAt` in
 * [from, to]. (A report that gave only the day has incidentAt at the day's start, hence the extra
 * day before.)
 */
export function linkWindow(report: TriageReport, windowHours = DEFAULT_LINK_OPTIONS.windowHours): { counties: number[]; from: Date; to: Date } {
  const win = windowHours * HOUR_MS;
  const t = report.incidentAt.getTime();
  const end = (report.when ?? 'now') === 'now' ? t : t + 24 * HOUR_MS;
  return { counties: [report.county, ...neighbouringCounties(report.county)], from: new Date(t - win - 24 * HOUR_MS), to: new Date(end + win) };
}

/** The score and reasons of one pair whatever the threshold (null: other county or outside the window). */
export function explainPair(a: TriageReport, b: TriageReport, windowHours = DEFAULT_LINK_OPTIONS.windowHours): LinkCandidate | null {
  const s = scorePair(featuresOf(a), featuresOf(b), windowHours);
  return s && { id: b.id, ...s };
}
