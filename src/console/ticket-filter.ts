import { z } from 'zod';
import { STATUSES, REPORT_KINDS, isCategoryCode, type TicketFilter } from '../domain';

// A real calendar day only: "2024-13-45" or "0000-00-00" passed the pattern alone, became an
// Invalid Date in the MongoDB query and made the list and the CSV export answer 500.
const isCalendarDay = (s: string) => {
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
};
const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDay);
/** An account's id as the agent filter's select box sends it. */
const accountId = z.string().regex(/^[0-9a-f]{24}$/i);
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  kind: z.enum(REPORT_KINDS).optional().catch(undefined),
  category: z.string().refine(isCategoryCode).optional().catch(undefined),
  county: z.coerce.number().int().min(1).max(47).optional().catch(undefined),
  from: dateStr.optional().catch(undefined),
  to: dateStr.optional().catch(undefined),
  agent: accountId.optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  constituency: z.string().trim().max(60).optional().catch(undefined),
  ward: z.string().trim().max(60).optional().catch(undefined),
  station: z.string().trim().max(100).optional().catch(undefined),
  plate: z.string().trim().max(20).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** The supervisors' list filters from the query string; anything malformed is simply dropped. */
export function parseFilter(query: unknown): TicketFilter {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  // Empty select boxes arrive as "": treat them as "any".
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  const parsed = filterSchema.parse(cleaned);
  // A period typed backwards ("from" after "to") is the same period, not an empty list.
  const f = parsed.from && parsed.to && parsed.from > parsed.to ? { ...parsed, from: parsed.to, to: parsed.from } : parsed;
  return { ...f, q: f.q || undefined, constituency: f.constituency || undefined, ward: f.ward || undefined, station: f.station || undefined, plate: f.plate || undefined };
}
