/**
 * A report stored the moment its reporter said someone is in danger, before they finished it
 * (issue 14). Agents see how it stands: still being written, or not finished (the reporter
 * cancelled, or has said nothing for a while: the bot cannot tell silence from slow typing, so
 * after `WRITING_QUIET_MS` it stops promising that more is coming).
 */
export const WRITING_QUIET_MS = 30 * 60_000;

export type UnfinishedView = { state: 'writing'; since: Date } | { state: 'not_finished'; since: Date; cancelled: boolean };

export function unfinishedView(u: { state: 'writing' | 'cancelled'; at: Date | string; lastAt?: Date | string } | null | undefined, now: Date): UnfinishedView | null {
  if (!u) return null;
  const since = new Date(u.at);
  if (u.state === 'cancelled') return { state: 'not_finished', since, cancelled: true };
  // Quiet since their latest answer, not since the alert: someone still answering is still writing.
  const last = Math.max(since.getTime(), u.lastAt ? new Date(u.lastAt).getTime() : 0);
  if (now.getTime() - last >= WRITING_QUIET_MS) return { state: 'not_finished', since, cancelled: false };
  return { state: 'writing', since };
}
