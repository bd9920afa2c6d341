import type { Status, RejectReason } from './status';

/**
 * After a ticket is closed the reporter may say, with one tap, whether Ripoti helped. One answer
 * per report; the answer is kept without anything that names the reporter, so results can be
 * shown to supervisors for anonymous reports too.
 */
export const RATINGS = ['helped', 'not_helped'] as const;
export type Rating = (typeof RATINGS)[number];

export function isRating(s: unknown): s is Rating {
  return typeof s === 'string' && (RATINGS as readonly string[]).includes(s);
}

/**
 * A report closed as spam was never help asked for; every other close asks, once per report:
 * `askedBefore`, a ticket reopened (its reporter asked staff to look again, or sent the rest of a
 * report stored early) and closed again is not asked a second time. Only the first answer is kept
 * anyway, and the first question's buttons answer again once it is closed.
 */
export function shouldAskRating(to: Status, rejectReason?: RejectReason, askedBefore = false): boolean {
  if (askedBefore) return false;
  if (to === 'resolved') return true;
  return to === 'rejected' && rejectReason !== 'spam';
}

/** Only a closed ticket can be rated (the question is sent when it closes). */
export function mayRate(status: Status): { ok: true } | { ok: false; reason: 'not_closed' } {
  return status === 'resolved' || status === 'rejected' ? { ok: true } : { ok: false, reason: 'not_closed' };
}

export interface RatingRow {
  category: string;
  count: number;
  helped: number;
  /** Share that said it helped, 0-100, rounded. */
  helpedShare: number;
}

/** Per-category results from counts per (category, rating); busiest category first, then by code. */
export function ratingSummary(groups: readonly { category: string; rating: Rating; count: number }[]): { rows: RatingRow[]; total: RatingRow } {
  const by = new Map<string, { count: number; helped: number }>();
  for (const g of groups) {
    const row = by.get(g.category) ?? { count: 0, helped: 0 };
    row.count += g.count;
    if (g.rating === 'helped') row.helped += g.count;
    by.set(g.category, row);
  }
  const share = (helped: number, count: number) => (count ? Math.round((helped / count) * 100) : 0);
  const rows = [...by].map(([category, r]) => ({ category, ...r, helpedShare: share(r.helped, r.count) })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  const count = rows.reduce((n, r) => n + r.count, 0);
  const helped = rows.reduce((n, r) => n + r.helped, 0);
  return { rows, total: { category: '', count, helped, helpedShare: share(helped, count) } };
}
