import { DAY_MS, ratingSummary, type RatingRow, type TicketFilter } from '../domain';
import { QUERY_MAX_MS, type RatingRepository } from '../store';

/** Kenyan calendar days (UTC+3) as UTC instants, as the list's own date filter reads them. */
const EAT_MS = 3 * 3600_000;
const dayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - EAT_MS);

/** "Did we help?" per category, for answers given in the page's date range. Only counts: no report, no reporter. */
export async function ratingResults(ratings: RatingRepository, f: TicketFilter): Promise<{ rows: RatingRow[]; total: RatingRow }> {
  const range = { from: f.from ? dayStart(f.from) : undefined, to: f.to ? new Date(dayStart(f.to).getTime() + DAY_MS) : undefined };
  return ratingSummary(await ratings.counts(range, QUERY_MAX_MS));
}

/** Quick periods for the map: today, the last 7 and 30 days (Kenyan days, today included). */
export function quickPeriods(now = new Date()): { key: 'today' | 'week' | 'month'; from: string; to: string }[] {
  const today = new Date(now.getTime() + EAT_MS).toISOString().slice(0, 10);
  const back = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
  return [
    { key: 'today', from: today, to: today },
    { key: 'week', from: back(6), to: today },
    { key: 'month', from: back(29), to: today },
  ];
}
