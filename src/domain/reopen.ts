import type { RejectReason, Status } from './status';

/**
 * A report closed this recently may be what a reporter's message is about ("why was it closed?",
 * "nothing was done!"): asked, not assumed, and within it the reporter may ask staff to look at
 * it again once.
 */
export const CLOSED_LATELY_MS = 7 * 24 * 3600_000;

/**
 * Why a reporter may not put their closed ticket back in front of staff:
 * - `not_yours`: someone else's, or no such report (one answer for both: nothing is learnt about others' reports);
 * - `open`: it is open (reopened already by an earlier tap, or never closed): a message simply goes to it;
 * - `already_asked`: the reporter asked once already, staff looked again and closed it again;
 * - `spam`: closed as spam, never help asked for (no rating either: src/domain/rating.ts);
 * - `duplicate`: closed because another report of the same incident is in hand; the closing notice
 *   told them so and to send a new report for anything new. Reopening it would put a second ticket
 *   of one event in the queue, and their words cannot go to the other report instead: it may be
 *   someone else's, and anonymous where theirs is not (or the other way round);
 * - `withdrawn`: the reporter stopped it themselves (/status): a new report is how they start again;
 * - `too_old`: closed more than CLOSED_LATELY_MS ago (or its identity purged by retention).
 */
export type ReopenRefusal = 'not_yours' | 'open' | 'already_asked' | 'spam' | 'duplicate' | 'withdrawn' | 'too_old';
export type ReopenDecision = { ok: true } | { ok: false; reason: ReopenRefusal };

/** What the rule reads of a ticket; `rejectReason`: the one given when it was closed as rejected. */
export interface ReopenFacts {
  status: Status;
  closedAt?: Date | null;
  purgedAt?: Date | null;
  rejectReason?: RejectReason;
  /** When its reporter had it reopened (at most once, ever). */
  reopenedByReporterAt?: Date | null;
}

/**
 * May the reporter who filed this ticket have it reopened (back in the queue, unheld) with a tap
 * under "your report is closed"? Only a ticket staff closed (resolved, or rejected but not as spam
 * or a duplicate), within CLOSED_LATELY_MS of its closing, and once per ticket. This is the one
 * way back from a closed status: staff cannot reopen (`TRANSITIONS`), so a reporter who disagrees
 * is heard without a whole new report. `theirs`: the one asking is the ticket's own reporter.
 */
export function mayReporterReopen(t: ReopenFacts, by: { theirs: boolean; now: Date }): ReopenDecision {
  if (!by.theirs) return { ok: false, reason: 'not_yours' };
  if (t.status !== 'resolved' && t.status !== 'rejected' && t.status !== 'withdrawn') return { ok: false, reason: 'open' };
  if (t.reopenedByReporterAt) return { ok: false, reason: 'already_asked' };
  if (t.status === 'withdrawn') return { ok: false, reason: 'withdrawn' };
  if (t.status === 'rejected' && t.rejectReason === 'spam') return { ok: false, reason: 'spam' };
  if (t.status === 'rejected' && t.rejectReason === 'duplicate') return { ok: false, reason: 'duplicate' };
  if (t.purgedAt || !t.closedAt || by.now.getTime() - t.closedAt.getTime() > CLOSED_LATELY_MS) return { ok: false, reason: 'too_old' };
  return { ok: true };
}
