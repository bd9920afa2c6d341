import type { Status } from './status';
import { DAY_MS } from './time-units';

/**
 * How long a case may sit with an agency before its holder is reminded to follow it up. Agencies
 * such as IPOA take weeks; two weeks without a word is when a reporter starts to believe nothing
 * happens, so this is measured from the referral or the last answer staff typed to the reporter.
 */
export const REFERRAL_FOLLOW_UP_DAYS = 14;

/**
 * What counts as staff answering the reporter: a text typed by staff and sent (not the bot's own
 * notices, such as a consent answer's thanks, nor one Telegram refused). The store queries these
 * fields; the console filters loaded messages with `isStaffAnswer`: one definition for both.
 */
export const STAFF_ANSWER = { direction: 'to_reporter', kind: 'text', notDelivery: 'failed' } as const;

export function isStaffAnswer(m: { direction: string; kind: string; delivery?: string | null }): boolean {
  return m.direction === STAFF_ANSWER.direction && m.kind === STAFF_ANSWER.kind && m.delivery !== STAFF_ANSWER.notDelivery;
}

/** How long a referred ticket has been with its agency, and whether it is time to follow it up. */
export interface ReferralAge {
  /** Whole days since the referral. */
  days: number;
  /** Whole days since the reporter last heard from staff (the referral's notice included). */
  silentDays: number;
  followUp: boolean;
}

/**
 * A ticket still with its agency (status `referred`, with the referral's time): its age, and a
 * follow-up once REFERRAL_FOLLOW_UP_DAYS have passed without a message to the reporter. A
 * referral recorded before its time was kept has no age (nothing is guessed).
 */
export function referralAge(
  ticket: { status: Status; referral?: { at?: Date | null } | null },
  lastToReporter: Date | null | undefined,
  now: Date,
): ReferralAge | null {
  const at = ticket.status === 'referred' ? ticket.referral?.at : undefined;
  if (!at) return null;
  const since = lastToReporter && lastToReporter > at ? lastToReporter : at;
  const days = Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
  const silentDays = Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
  return { days, silentDays, followUp: silentDays >= REFERRAL_FOLLOW_UP_DAYS };
}
