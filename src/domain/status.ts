/**
 * A report's life as a ticket. MongoDB holds the status; BullMQ only holds "waiting" work.
 * `received` means waiting in the queue for an agent.
 */
export const STATUSES = [
  'received',
  'assigned',
  'in_progress',
  'waiting_reporter',
  'referred',
  'resolved',
  'rejected',
  'withdrawn',
] as const;
export type Status = (typeof STATUSES)[number];

export const CLOSED_STATUSES: readonly Status[] = ['resolved', 'rejected', 'withdrawn'];

const WORKING: readonly Status[] = ['in_progress', 'waiting_reporter', 'referred', 'resolved', 'rejected'];

/** Allowed transitions. `received` from a working status is a release back to the queue. */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  received: ['assigned', 'withdrawn', 'rejected'],
  assigned: ['received', 'withdrawn', ...WORKING],
  in_progress: ['received', 'withdrawn', ...WORKING.filter((s) => s !== 'in_progress')],
  waiting_reporter: ['received', 'withdrawn', ...WORKING.filter((s) => s !== 'waiting_reporter')],
  referred: ['in_progress', 'waiting_reporter', 'resolved', 'rejected'],
  resolved: [],
  rejected: [],
  withdrawn: [],
};

export function isStatus(s: unknown): s is Status {
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s);
}

export function canTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Whether the reporter may withdraw the report themselves: while it is open and no agency has
 * ever had it (a ticket taken back from an agency stays referred once: the case file may be
 * there, so that is stopped through the staff).
 */
export function mayWithdraw(r: { status: Status; referral?: unknown }): boolean {
  return canTransition(r.status, 'withdrawn') && !r.referral;
}

export function isOpen(s: Status): boolean {
  return !CLOSED_STATUSES.includes(s);
}

/** Statuses from which `to` can be reached: used as the guard in atomic MongoDB updates. */
export function sourcesOf(to: Status): Status[] {
  return STATUSES.filter((s) => TRANSITIONS[s].includes(to));
}

export type RejectReason = 'spam' | 'duplicate';

/**
 * The referral whose agency has the case now: a referred ticket's, or one waiting on its reporter
 * for that agency (set to "waiting for the reporter" straight from `referred`: staff ask what the
 * agency needs, and the reporter was never told otherwise). `lastWaitFrom`: the status the
 * ticket's latest move to `waiting_reporter` came from. Leaving it for another open status takes
 * the case back from the agency, and the reporter is told.
 */
export function referralHolding<R>(report: { status: Status; referral?: R | null }, lastWaitFrom: unknown): R | undefined {
  if (!report.referral) return undefined;
  if (report.status === 'referred') return report.referral;
  return report.status === 'waiting_reporter' && lastWaitFrom === 'referred' ? report.referral : undefined;
}

/** The status a ticket's latest move to `waiting_reporter` came from, read from its history (`referralHolding`'s second argument). */
export function lastWaitFrom(history: readonly { type: string; data?: Record<string, unknown> | null }[]): unknown {
  return history.filter((e) => e.type === 'status_changed' && e.data?.to === 'waiting_reporter').at(-1)?.data?.from;
}
