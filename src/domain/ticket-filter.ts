import type { REPORT_KINDS } from './categories';
import { PRIORITIES, PRIORITY_NAMES, type Priority } from './priority';
import type { STATUSES } from './status';
import { REFERENCE_ALPHABET } from './reference';

/** What a supervisor's list is narrowed to; the console parses it from the query string. */
export interface TicketFilter {
  status?: (typeof STATUSES)[number];
  kind?: (typeof REPORT_KINDS)[number];
  category?: string;
  county?: number;
  priority?: Priority;
  /** Kenyan calendar days, YYYY-MM-DD, both included. */
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

/** A real calendar day only: "2024-13-45" or "31/02/2026" would become an Invalid Date in the query (a 500). */
function calendarDay(y: string, m: string, d: string): string | undefined {
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day ? day : undefined;
}

/**
 * A From/To box as typed: day first as Kenyans write it (5/12/2026 is 5 December, whatever
 * language the browser speaks), or yyyy-mm-dd (old links and bookmarks). An empty box is no
 * filter; anything else is not a day (`ok: false`), never silently dropped.
 */
export function readFilterDay(input: string): { ok: true; day?: string } | { ok: false } {
  const s = input.trim();
  if (!s) return { ok: true, day: undefined };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const typed = iso ? undefined : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const day = iso ? calendarDay(iso[1], iso[2], iso[3]) : typed ? calendarDay(typed[3], typed[2], typed[1]) : undefined;
  return day ? { ok: true, day } : { ok: false };
}

/** A filter day (yyyy-mm-dd) as its box shows it: "05/12/2026". */
export function dayFirst(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The priority filter's choices, most urgent first, each by the name the address carries
 * ("?priority=urgent": a link pasted to a colleague says what it shows).
 */
export const FILTER_PRIORITIES: readonly { param: string; priority: Priority }[] = PRIORITIES.map((priority) => ({ param: PRIORITY_NAMES[priority], priority }));

/** A priority named in the address, in any case; anything else is no filter. */
export function readFilterPriority(input: string): Priority | undefined {
  const name = input.trim().toLowerCase();
  return FILTER_PRIORITIES.find((p) => p.param === name)?.priority;
}

/** Tickets on one page of the supervisors' list. */
export const PAGE_SIZE = 50;

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
