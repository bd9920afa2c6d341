import { Types, type Model } from 'mongoose';
import { z } from 'zod';
import { STATUSES, REPORT_KINDS, REFERENCE_ALPHABET, isCategoryCode, parsePlate, parseReference } from '../domain';
import type { ReportDoc } from '../store';

/** Supervisor list filters, parsed from the query string; anything malformed is simply dropped. */
export interface TicketFilter {
  status?: (typeof STATUSES)[number];
  kind?: (typeof REPORT_KINDS)[number];
  category?: string;
  county?: number;
  from?: string;
  to?: string;
  agent?: string;
  q?: string;
  /** The details for the agency (issue 15): typed, matched without regard to case. */
  constituency?: string;
  ward?: string;
  station?: string;
  plate?: string;
  page: number;
}

// A real calendar day only: "2024-13-45" or "0000-00-00" passed the pattern alone, became an
// Invalid Date in the MongoDB query and made the list and the CSV export answer 500.
const isCalendarDay = (s: string) => {
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
};
const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDay);
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  kind: z.enum(REPORT_KINDS).optional().catch(undefined),
  category: z.string().refine(isCategoryCode).optional().catch(undefined),
  county: z.coerce.number().int().min(1).max(47).optional().catch(undefined),
  from: dateStr.optional().catch(undefined),
  to: dateStr.optional().catch(undefined),
  agent: z.string().refine((s) => Types.ObjectId.isValid(s)).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  constituency: z.string().trim().max(60).optional().catch(undefined),
  ward: z.string().trim().max(60).optional().catch(undefined),
  station: z.string().trim().max(100).optional().catch(undefined),
  plate: z.string().trim().max(20).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export function parseFilter(query: unknown): TicketFilter {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  // Empty select boxes arrive as "": treat them as "any".
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  const parsed = filterSchema.parse(cleaned);
  // A period typed backwards ("from" after "to") is the same period, not an empty list.
  const f = parsed.from && parsed.to && parsed.from > parsed.to ? { ...parsed, from: parsed.to, to: parsed.from } : parsed;
  return { ...f, q: f.q || undefined, constituency: f.constituency || undefined, ward: f.ward || undefined, station: f.station || undefined, plate: f.plate || undefined };
}

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

/**
 * The start of a reference, in its printed form: "r-7k3f" and "R7K3F" give "R-7K3F", "R-7K3F-9Q"
 * gives "R-7K3F-9Q". Null for anything else, and for a bare word such as "rape" (R and letters
 * only, no separator): that is a search of the stories.
 */
export function referencePrefix(input: string): string | null {
  const m = /^R([\s-]*)([2-9A-Z\s-]{1,12})$/.exec(input.trim().toUpperCase());
  if (!m) return null;
  const body = m[2].replace(/[\s-]/g, '');
  if (body.length < 1 || body.length > 8 || [...body].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  if (!m[1] && !/\d/.test(body)) return null;
  return `R-${body.slice(0, 4)}${body.length > 4 ? `-${body.slice(4)}` : ''}`;
}

export interface Counts {
  byCategory: { key: string; count: number }[];
  byCounty: { key: number; count: number }[];
  byDay: { key: string; count: number }[];
  total: number;
}

export const PAGE_SIZE = 50;

/**
 * Longest a console list, count or search may run in MongoDB before it gives up (`maxTimeMS`):
 * a heavy search must not tie up the database for everyone. The CSV export gets longer.
 */
export const QUERY_MAX_MS = 5000;
export const EXPORT_MAX_MS = 60_000;

/** Read-only ticket queries for the console's lists and counts. Writes go through TicketActions. */
export class TicketQueries {
  constructor(private readonly Report: Model<ReportDoc>) {}

  /** Waiting for an agent: most urgent first, then oldest first (the order "take next" serves). */
  waiting(limit = 200): Promise<ReportDoc[]> {
    return this.Report.find({ status: 'received' }).sort({ priority: 1, createdAt: 1, _id: 1 }).limit(limit).maxTimeMS(QUERY_MAX_MS).lean<ReportDoc[]>().exec();
  }

  countWaiting(): Promise<number> {
    return this.Report.countDocuments({ status: 'received' }).maxTimeMS(QUERY_MAX_MS).exec();
  }

  async list(f: TicketFilter, limit = PAGE_SIZE): Promise<{ items: ReportDoc[]; total: number }> {
    const query = filterToQuery(f);
    const [items, total] = await Promise.all([
      this.Report.find(query)
        .sort({ createdAt: -1, _id: -1 })
        .skip((f.page - 1) * limit)
        .limit(limit)
        .maxTimeMS(QUERY_MAX_MS)
        .lean<ReportDoc[]>()
        .exec(),
      this.Report.countDocuments(query).maxTimeMS(QUERY_MAX_MS).exec(),
    ]);
    return { items, total };
  }

  /** Everything matching, oldest first, for CSV export; a cursor so a big export does not sit in memory. */
  cursor(f: TicketFilter) {
    return this.Report.find(filterToQuery(f)).sort({ createdAt: 1, _id: 1 }).maxTimeMS(EXPORT_MAX_MS).lean<ReportDoc>().cursor();
  }

  async counts(f: TicketFilter): Promise<Counts> {
    const match = filterToQuery(f);
    const group = async <K>(key: unknown) =>
      (await this.Report.aggregate<{ _id: K; count: number }>([{ $match: match }, { $group: { _id: key, count: { $sum: 1 } } }]).option({ maxTimeMS: QUERY_MAX_MS })).map((r) => ({ key: r._id, count: r.count }));
    const [byCategory, byCounty, byDay] = await Promise.all([
      group<string>('$category'),
      group<number>('$county'),
      group<string>({ $dateToString: { format: '%Y-%m-%d', date: '$createdAt', timezone: '+03:00' } }),
    ]);
    byCategory.sort((a, b) => b.count - a.count);
    byCounty.sort((a, b) => b.count - a.count);
    const total = byCategory.reduce((n, r) => n + r.count, 0);
    return { byCategory, byCounty, byDay: total ? dayRun(byDay, chartEnd(f.to, new Date()), DAYS_SHOWN, f.from) : [], total };
  }
}

/** Days in the "By day" chart. */
const DAYS_SHOWN = 14;

/** The calendar day in Kenya (UTC+3, no daylight saving), as the counts group them. */
function nairobiDay(at: Date): string {
  return new Date(at.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
}

/** The chart's last day: the period's end or today, whichever is earlier (days to come have no reports yet). */
export function chartEnd(to: string | undefined, now: Date): string {
  const today = nairobiDay(now);
  return to && to < today ? to : today;
}

/**
 * `n` consecutive days ending at `end` (not before `start`), each with its count, a day without
 * reports as 0: a quiet day is news to a supervisor (a county cut off, the bot down), and leaving
 * it out drew the days either side of it as neighbours.
 */
export function dayRun(counts: readonly { key: string; count: number }[], end: string, n: number, start?: string): { key: string; count: number }[] {
  const byKey = new Map(counts.map((c) => [c.key, c.count]));
  const days: { key: string; count: number }[] = [];
  for (let ms = Date.parse(`${end}T00:00:00Z`); days.length < n; ms -= 86_400_000) {
    const key = new Date(ms).toISOString().slice(0, 10);
    if (start && key < start) break;
    days.push({ key, count: byKey.get(key) ?? 0 });
  }
  return days.reverse();
}
