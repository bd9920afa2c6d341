import { isOpen, type Status } from './status';

/**
 * A reporter writes that someone is in danger now on a ticket an agent holds. The holder sees it
 * on the ticket's page; one who is away does not, and the supervisors' group (told of danger on
 * waiting tickets) would otherwise never hear of it. These rules decide when the group is told.
 */

/**
 * Past this, a danger message is no longer "now": a ticket handed over (or a check run late) a day
 * after the message would tell the group of danger nobody can still act on at once.
 */
export const HELD_DANGER_CURRENT_MS = 24 * 3600_000;

/**
 * One holding episode: the ticket, the agent holding it, and when the reporter's danger (the first
 * one that holder had not opened) was said. One check and at most one alert per episode.
 */
export interface HeldDangerEpisode {
  reportId: string;
  holderId: string;
  /** ms since 1970: when the danger message was stored. */
  saidAt: number;
}

/** The episode's key: the same episode watched twice keeps one check (job ids, alert ids). */
export function heldDangerEpisodeKey(e: HeldDangerEpisode): string {
  return `${e.reportId}-${e.holderId}-${e.saidAt}`;
}

/** What the verdict reads of a ticket: as the store keeps it. */
export interface HeldTicketFacts {
  status: Status;
  assignee?: { toString(): string } | null;
  /** The holder's last look at the ticket (the console's unread marker). */
  holderSeen?: { agentId: { toString(): string }; at: Date } | null;
}

export type HeldDangerRefusal = 'closed' | 'not_held' | 'other_holder' | 'opened' | 'stale';
export type HeldDangerVerdict = { alert: true } | { alert: false; reason: HeldDangerRefusal };

/** An agent holds it: open and out of the queue (a waiting ticket's danger has its own alert). */
export function isHeld(t: Pick<HeldTicketFacts, 'status' | 'assignee'>): boolean {
  return isOpen(t.status) && t.status !== 'received' && !!t.assignee;
}

/** When `holderId` last opened the ticket, if the marker is theirs (a hand-over clears it). */
export function holderOpenedAt(t: Pick<HeldTicketFacts, 'holderSeen'>, holderId: string): Date | null {
  return t.holderSeen && t.holderSeen.agentId.toString() === holderId ? t.holderSeen.at : null;
}

/**
 * Whether the group is to be told: the same holder still holds the open ticket and has not opened
 * it since the danger was said, and that was under a day ago. Asked when the check is set, when it
 * runs and again when the group's message is written (the holder may have opened it meanwhile).
 */
export function heldDangerVerdict(t: HeldTicketFacts, e: Pick<HeldDangerEpisode, 'holderId' | 'saidAt'>, now: number): HeldDangerVerdict {
  if (!isOpen(t.status)) return { alert: false, reason: 'closed' };
  if (!isHeld(t)) return { alert: false, reason: 'not_held' };
  if (t.assignee?.toString() !== e.holderId) return { alert: false, reason: 'other_holder' };
  const opened = holderOpenedAt(t, e.holderId);
  if (opened && opened.getTime() >= e.saidAt) return { alert: false, reason: 'opened' };
  if (now - e.saidAt > HELD_DANGER_CURRENT_MS) return { alert: false, reason: 'stale' };
  return { alert: true };
}

/**
 * When the episode of a new danger message began: at an earlier danger message on this ticket that
 * the current holder has not opened since (still current), so a reporter writing "help" three times
 * makes one episode and one alert, not three; else at this message.
 */
export function heldDangerStart(t: Pick<HeldTicketFacts, 'holderSeen'> & { assignee: { toString(): string } }, earlier: Date | null | undefined, saidAt: Date): Date {
  if (!earlier || saidAt.getTime() - earlier.getTime() > HELD_DANGER_CURRENT_MS) return saidAt;
  const opened = holderOpenedAt(t, t.assignee.toString());
  return opened && opened >= earlier ? saidAt : earlier;
}
