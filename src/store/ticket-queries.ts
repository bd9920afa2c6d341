import { Types, type Model } from 'mongoose';
import { chartEnd, dayRun, PAGE_SIZE, parsePlate, parseReference, referencePrefix, type TicketFilter } from '../domain';
import type { ReportDoc } from './models';

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Kenyan calendar days (UTC+3) as UTC instants. */
const EAT_MS = 3 * 3600_000;
const dayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - EAT_MS);

export function filterToQuery(f: TicketFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (f.status) q.status = f.status;
  if (f.kind) q.kind = f.kind;
  if (f.category) q.category = f.category;
  if (f.county) q.county = f.county;
  if (f.priority) q.priority = f.priority;
  if (f.agent) q.assignee = new Types.ObjectId(f.agent);
  if (f.from || f.to) {
    const range: Record<string, Date> = {};
    if (f.from) range.$gte = dayStart(f.from);
    if (f.to) range.$lt = new Date(dayStart(f.to).getTime() + 24 * 3600_000);
    q.createdAt = range;
  }
  detailsToQuery(f, q);
  if (f.q) {
    const ref = parseReference(f.q);
    const prefix = referencePrefix(f.q);
    // A reference typed in full finds that ticket; its beginning ("R-7K3F") finds the references
    // starting so (an anchored, case-sensitive regex: MongoDB walks the reference index rather
    // than every report); anything else searches the story (regex-escaped: user input), bounded
    // by QUERY_MAX_MS. The place, and texts the reporter forwarded and who sent them, are searched
    // too ("Thika Road"; a channel's post, its name).
    if (ref.ok) q.reference = ref.reference;
    else if (prefix) q.reference = { $regex: `^${escapeRegex(prefix)}` };
    else q.$or = ['description.text', 'place', 'passedOn.text', 'passedOn.from'].map((field) => ({ [field]: contains(f.q!) }));
  }
  return q;
}

const contains = (s: string) => ({ $regex: escapeRegex(s), $options: 'i' });

/** Constituency, ward, police station and plate; a plate typed loosely ("kda123a") is matched in its stored form. */
function detailsToQuery(f: TicketFilter, q: Record<string, unknown>): void {
  if (f.constituency) q['constituency.name'] = contains(f.constituency);
  if (f.ward) q['ward.name'] = contains(f.ward);
  if (f.station) q['officers.station'] = contains(f.station);
  if (f.plate) {
    const plate = parsePlate(f.plate);
    q['officers.vehiclePlates'] = plate.ok ? plate.plate : contains(f.plate);
  }
}

export interface Counts {
  byCategory: { key: string; count: number }[];
  byCounty: { key: number; count: number }[];
  byDay: { key: string; count: number }[];
  total: number;
}

/**
 * Longest a console list, count or search may run in MongoDB before it gives up (`maxTimeMS`):
 * a heavy search must not tie up the database for everyone. The CSV export gets longer.
 */
export const QUERY_MAX_MS = 5000;
export const EXPORT_MAX_MS = 60_000;

/** A waiting ticket as the queue lists it: no story, no identity, each link only as its id. */
export type WaitingRow = Pick<ReportDoc, '_id' | 'reference' | 'priority' | 'category' | 'kind' | 'county' | 'status' | 'createdAt' | 'escalations' | 'unfinished' | 'reopenedByReporterAt'> & {
  similar?: { reportId: Types.ObjectId }[];
};
const WAITING_PROJECTION = { reference: 1, priority: 1, category: 1, kind: 1, county: 1, status: 1, createdAt: 1, escalations: 1, unfinished: 1, reopenedByReporterAt: 1, 'similar.reportId': 1 };

/** Read-only ticket queries for the console's lists, counts and map. Writes go through TicketActions. */
export class TicketQueries {
  constructor(private readonly Report: Model<ReportDoc>) {}

  /**
   * Waiting for an agent: most urgent first, then oldest first (the order "take next" serves).
   * Only what the queue shows (each link as its id, for the "N similar" count): every agent's
   * console reads this again at each new report, and whole reports (stories, each of up to 20
   * links with its reasons) made 320 waiting surge reports 2.1 MB a read.
   */
  waiting(limit = 200): Promise<WaitingRow[]> {
    return this.Report.find({ status: 'received' }, WAITING_PROJECTION).sort({ priority: 1, createdAt: 1, _id: 1 }).limit(limit).maxTimeMS(QUERY_MAX_MS).lean<WaitingRow[]>().exec();
  }

  countWaiting(): Promise<number> {
    return this.Report.countDocuments({ status: 'received' }).maxTimeMS(QUERY_MAX_MS).exec();
  }

  /** One page of the list, newest first, without its total (a page that has the charts' sum needs no count of its own). */
  page(f: TicketFilter, limit = PAGE_SIZE): Promise<ReportDoc[]> {
    return this.Report.find(filterToQuery(f))
      .sort({ createdAt: -1, _id: -1 })
      .skip((f.page - 1) * limit)
      .limit(limit)
      .maxTimeMS(QUERY_MAX_MS)
      .lean<ReportDoc[]>()
      .exec();
  }

  /** Everything matching, oldest first, for CSV export; a cursor so a big export does not sit in memory. */
  cursor(f: TicketFilter) {
    return this.Report.find(filterToQuery(f)).sort({ createdAt: 1, _id: 1 }).maxTimeMS(EXPORT_MAX_MS).lean<ReportDoc>().cursor();
  }

  /**
   * The charts' figures. `perCounty`: the map's per-county rows (`perCounty`), when the page has
   * them: the county chart is those rows (only the chosen county's when one is), not a second pass
   * over the same reports.
   */
  async counts(f: TicketFilter, perCounty?: Promise<{ key: number; count: number }[]>): Promise<Counts> {
    const match = filterToQuery(f);
    const group = async <K>(key: unknown) =>
      (await this.Report.aggregate<{ _id: K; count: number }>([{ $match: match }, { $group: { _id: key, count: { $sum: 1 } } }]).option({ maxTimeMS: QUERY_MAX_MS })).map((r) => ({ key: r._id, count: r.count }));
    const [byCategory, byCounty, byDay] = await Promise.all([
      group<string>('$category'),
      perCounty ? perCounty.then((rows) => (f.county ? rows.filter((r) => r.key === f.county) : [...rows])) : group<number>('$county'),
      group<string>({ $dateToString: { format: '%Y-%m-%d', date: '$createdAt', timezone: '+03:00' } }),
    ]);
    // Ties by code: MongoDB groups in no set order, and a top 10 cut through ties changed per load.
    byCategory.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    byCounty.sort((a, b) => b.count - a.count || a.key - b.key);
    const total = byCategory.reduce((n, r) => n + r.count, 0);
    return { byCategory, byCounty, byDay: total ? dayRun(byDay, chartEnd(f.to, new Date()), DAYS_SHOWN, f.from) : [], total };
  }

  /**
   * Reports per county for the map: the filters except the county itself, so every county keeps
   * its count while one is chosen (the chosen one is marked, not the only one shaded).
   */
  async perCounty(f: TicketFilter): Promise<{ key: number; count: number }[]> {
    const match = filterToQuery({ ...f, county: undefined, page: 1 });
    const rows = await this.Report.aggregate<{ _id: number; count: number }>([{ $match: match }, { $group: { _id: '$county', count: { $sum: 1 } } }]).option({ maxTimeMS: QUERY_MAX_MS });
    return rows.map((r) => ({ key: r._id, count: r.count }));
  }
}

/** Days in the "By day" chart. */
const DAYS_SHOWN = 14;
