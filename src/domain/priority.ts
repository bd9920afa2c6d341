/**
 * Ticket priority. Lower number = more urgent, matching BullMQ where a lower priority runs first.
 * 1 is kept for "someone is in danger right now" so that nothing else outranks a life at risk.
 */
export const PRIORITIES = [1, 2, 3, 4] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_NAMES: Record<Priority, 'urgent' | 'high' | 'normal' | 'low'> = {
  1: 'urgent',
  2: 'high',
  3: 'normal',
  4: 'low',
};

export function isPriority(n: unknown): n is Priority {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

/** SLA escalation raises a waiting ticket one step, but never to the danger-now level. */
export function escalate(p: Priority): Priority {
  return p > 2 ? ((p - 1) as Priority) : p;
}

/** What a waiting ticket's SLA clock reads from it. */
export interface WaitFacts {
  createdAt: Date;
  /** Set once it was taken: its wait then began when it was queued again. */
  assignedAt?: Date | null;
  queuedAt?: Date | null;
  lastEscalatedAt?: Date | null;
  /** Reopened by its reporter after it was closed: a new wait, as after a release. */
  reopenedByReporterAt?: Date | null;
}

/**
 * Names a waiting period (ms): its last take, or its reporter's reopening when later; 0 for the
 * first wait, which began at submission. A check of another period is stale.
 */
export function waitGeneration(t: Pick<WaitFacts, 'assignedAt' | 'reopenedByReporterAt'>): number {
  return Math.max(t.assignedAt?.getTime() ?? 0, t.reopenedByReporterAt?.getTime() ?? 0);
}

/**
 * When a waiting ticket's current SLA check falls due (ms): its wait began at submission, or when
 * it was queued again after a release, and starts over at each escalation. Past this, with no
 * escalation since, the check did not run.
 */
export function slaCheckDueAt(t: WaitFacts, slaMs: number): number {
  const generation = waitGeneration(t);
  const began = generation ? (t.queuedAt?.getTime() ?? generation) : t.createdAt.getTime();
  return Math.max(began, t.lastEscalatedAt?.getTime() ?? 0) + slaMs;
}

/**
 * When a waiting ticket's wait began, as the console shows it: its reporter's reopening after it
 * was closed (the wait its SLA check counts from, `waitGeneration`), else its sending. Counted from
 * the sending, a ticket reopened a minute ago showed as days old. A ticket released back to the
 * queue keeps its sending: its reporter has waited since then.
 */
export function waitingSince(t: Pick<WaitFacts, 'createdAt' | 'reopenedByReporterAt'>): Date {
  const reopened = t.reopenedByReporterAt;
  return reopened && reopened.getTime() > t.createdAt.getTime() ? reopened : t.createdAt;
}
