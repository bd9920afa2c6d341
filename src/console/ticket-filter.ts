import { z } from 'zod';
import { STATUSES, REPORT_KINDS, dayFirst, isCategoryCode, readFilterDay, readFilterPriority, type TicketFilter } from '../domain';

/** An account's id as the agent filter's select box sends it. */
const accountId = z.string().regex(/^[0-9a-f]{24}$/i);
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  kind: z.enum(REPORT_KINDS).optional().catch(undefined),
  category: z.string().refine(isCategoryCode).optional().catch(undefined),
  county: z.coerce.number().int().min(1).max(47).optional().catch(undefined),
  priority: z.string().transform(readFilterPriority).optional().catch(undefined),
  agent: accountId.optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  constituency: z.string().trim().max(60).optional().catch(undefined),
  ward: z.string().trim().max(60).optional().catch(undefined),
  station: z.string().trim().max(100).optional().catch(undefined),
  plate: z.string().trim().max(20).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** What the From/To boxes hold after a submit, and which of them could not be read as a day. */
export interface FilterForm {
  filter: TicketFilter;
  boxes: { from: string; to: string };
  unread: ('from' | 'to')[];
}

/**
 * The supervisors' list filters from the query string. A malformed choice is simply dropped; a
 * typed date that is not a day is dropped too but named in `unread`, so the page can say so (an
 * agent who typed it expects the list narrowed), and kept as typed in its box to be corrected.
 */
export function readFilterForm(query: unknown): FilterForm {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  // Empty select boxes arrive as "": treat them as "any".
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  const parsed = filterSchema.parse(cleaned);
  const typed = (k: 'from' | 'to') => (typeof cleaned[k] === 'string' ? (cleaned[k] as string).trim().slice(0, 30) : '');
  const read = { from: readFilterDay(typed('from')), to: readFilterDay(typed('to')) };
  let from = read.from.ok ? read.from.day : undefined;
  let to = read.to.ok ? read.to.day : undefined;
  // A period typed backwards ("from" after "to") is the same period, not an empty list.
  if (from && to && from > to) [from, to] = [to, from];
  const unread = (['from', 'to'] as const).filter((k) => !read[k].ok);
  const box = (k: 'from' | 'to', day: string | undefined) => (read[k].ok ? (day ? dayFirst(day) : '') : typed(k));
  const f = { ...parsed, from, to };
  return {
    filter: { ...f, q: f.q || undefined, constituency: f.constituency || undefined, ward: f.ward || undefined, station: f.station || undefined, plate: f.plate || undefined },
    boxes: { from: box('from', from), to: box('to', to) },
    unread,
  };
}

/** The filters alone (the CSV export): dates that cannot be read are dropped. */
export function parseFilter(query: unknown): TicketFilter {
  return readFilterForm(query).filter;
}
