import { randomBytes } from 'node:crypto';
import type { Agency, AgentStatus, HandOverRefusal, IdentityAsk, RejectReason, Role, TicketRefusal } from '../domain';
import type { MessageDoc, ReportDoc } from '../store';
import type { TakeResult } from './ticket-desk';

export type { AgentStatus, TakeResult };

/** The consent question's notice; DeliveryService.compose gives it its Yes / No buttons. */
export const CONSENT_NOTICE = 'notices:consentAsk';

/**
 * A consent question's own mark, carried by its buttons (`cs:<reportId>:<agency>:<q>:<y|n>`, 64
 * bytes at most by Telegram's rule): an answer is to the question the reporter read. Random, not
 * a count, so two agents asking at once cannot give two questions one mark.
 */
export function consentQuestionMark(): string {
  return randomBytes(4).toString('hex');
}

export function consentButtonData(reportId: string, agency: string, q: string | undefined, answer: 'y' | 'n'): string {
  return q ? `cs:${reportId}:${agency}:${q}:${answer}` : `cs:${reportId}:${agency}:${answer}`;
}

/**
 * The consent question's Yes and No, each on a row of its own: Yes says what it gives (name and
 * number), too long to show whole in half a row on a narrow phone. One layout for the notice and
 * for the bot's asking again.
 */
export function consentButtons(t: (key: string) => string, data: (answer: 'y' | 'n') => string): { text: string; data: string }[][] {
  return [[{ text: t('notices:consentYes'), data: data('y') }], [{ text: t('notices:consentNo'), data: data('n') }]];
}

/** The words of a stored notice: the consent question names "another agency" by its name when it has one. */
const NAMED_NOTICES: Record<string, string> = {
  [CONSENT_NOTICE]: 'notices:consentAskNamed',
  'notices:referred': 'notices:referredNamed',
  'notices:referralTakenBack': 'notices:referralTakenBackNamed',
};

export function noticeKey(notice: { key: string; vars?: Record<string, string> }): string {
  // "Another agency" by the name the agent gave it.
  return notice.vars?.name ? (NAMED_NOTICES[notice.key] ?? notice.key) : notice.key;
}
/** The one-tap "did we help?" question after a ticket closes; DeliveryService.compose gives it its buttons. */
export const RATING_NOTICE = 'notices:ratingAsk';

export interface ReplyOptions {
  draftKey?: string;
  identityAskConfirmed?: boolean;
}

/** Who is acting at the console. Roles widen what a person may see and do (src/domain/policy.ts). */
export type ConsoleRole = Role;
export interface AgentRef {
  id: string;
  role: Role;
}

/**
 * Why an action was refused; the console shows each in the agent's language
 * (`console:flash.refused_<reason>`).
 * - a policy refusal (src/domain/policy.ts): not_assignee, wrong_status, closed, wrong_role;
 * - not_found: no such ticket;
 * - invalid: a value the console never offers (unknown status, agency or reject reason);
 * - empty / too_long: the text given;
 * - changed: someone else changed the ticket between reading and writing it;
 * - asks_identity: a reply asks an anonymous reporter who they are (AsksIdentity says what).
 */
export type ActionRefusal = TicketRefusal | HandOverRefusal | 'not_found' | 'invalid' | 'empty' | 'too_long' | 'changed' | 'agency_name' | 'asks_identity';
export type Refused = { ok: false; reason: ActionRefusal };
/** A reply to an anonymous reporter that asks who they are (src/domain/identity-ask.ts): sent only when the agent confirms. */
export type AsksIdentity = { ok: false; reason: 'asks_identity'; asks: IdentityAsk };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | Refused;

/**
 * Everything an agent does to a ticket, implemented in src/services/ticket-service.ts on top of
 * the store and the queue ports. Each action is decided by the domain policy (only the holder,
 * or a supervisor, may act; only allowed transitions), enforced again atomically in MongoDB,
 * written to the audit trail; it tells the reporter of status changes (README "Tickets and messages") and publishes a
 * live event. Refusals are typed, never bare false.
 */
/** A look at a ticket this long after the account's last recorded one is a new look, even from an open page. */
export const VIEW_AGAIN_AFTER_MS = 30 * 60_000;

/**
 * Who held the ticket on the page the action was chosen from (null: nobody). A supervisor's
 * action is refused as `changed` if another agent took or released it since: it was meant for
 * the ticket as they saw it. (An agent's actions always require that they hold it.)
 */
export interface Seen {
  holder: string | null;
}

export interface TicketActions {
  /** Oldest waiting ticket of the highest priority; never the same one to two agents. */
  takeNext(agent: AgentRef): Promise<TakeResult>;
  release(reportId: string, agent: AgentRef, seen?: Seen): Promise<ActionResult>;
  /**
   * A supervisor gives a held ticket to another active account, with the rest of its incident
   * (one agent handles an incident): a referral or an incident cannot go back to the queue, and
   * without this its reporter's replies reached only the old holder. `moved`: tickets moved.
   */
  handOver(reportId: string, by: AgentRef, toAgentId: string, seen?: Seen): Promise<ActionResult<{ moved: number }>>;
  /**
   * Who `by` may hand this ticket to, as `handOver` decides it (none when they may hand over
   * nothing): active accounts other than its holder, with room for it under the per-agent cap.
   */
  handOverTargets(report: ReportDoc, by: AgentRef): Promise<HandOverTargets>;
  changeStatus(reportId: string, agent: AgentRef, to: AgentStatus, opts?: { rejectReason?: RejectReason; note?: string; seen?: Seen }): Promise<ActionResult>;
  /** `otherName`: the agency's name, required when `agency` is OTHER (an agency file addressed to nobody helps no one). */
  refer(reportId: string, agent: AgentRef, agency: Agency, note?: string, otherName?: string, seen?: Seen): Promise<ActionResult>;
  /**
   * Stores the message, queues it for delivery through the `replies` queue. With `draftKey` (the
   * console's draft it was written in), sending it again stores and sends nothing more. To an
   * anonymous reporter, a reply that asks their name, number, ID or home is refused
   * (`asks_identity`) unless `identityAskConfirmed`: the agent has been asked once more.
   */
  reply(reportId: string, agent: AgentRef, text: string, opts?: ReplyOptions): Promise<ActionResult<{ message: MessageDoc }> | AsksIdentity>;
  addNote(reportId: string, agent: AgentRef, text: string): Promise<ActionResult>;
  /**
   * Asks the reporter, through the bot, whether the agency the ticket was referred to may have
   * their phone number (Yes / No buttons). Refused for a ticket not referred (`wrong_status`)
   * or reported anonymously (`anonymous`): an anonymous report never shares identity.
   */
  askConsent(reportId: string, agent: AgentRef): Promise<ActionResult | { ok: false; reason: 'anonymous' }>;
  /**
   * Writes "viewed" to the audit trail (refused like any action for someone not handling it);
   * with `again` (a refresh, a file of the ticket) only when this agent has no view there yet.
   */
  recordView(reportId: string, agent: AgentRef, opts?: { again?: boolean; seesMessages?: boolean }): Promise<ActionResult>;
  /** The holder has seen the ticket as it is now (a live refresh): clears its unread marker, no audit line. */
  markSeen(reportId: string, agent: AgentRef): Promise<void>;
  /**
   * An account was deactivated: the tickets it held go back to the front of the queue, so their
   * reporters do not wait on someone who is gone. What may not be released one by one stays under
   * the account for a supervisor (`kept`): a referral (the agency has the case) and an incident's
   * reports (handed over whole).
   */
  handBack(agentId: string, by: AgentRef): Promise<HandBack>;
}

/**
 * The people a ticket may be handed over to, each with what they hold against the cap (`held`,
 * counted as a take and a hand-over count it: an incident once, a referral not at all), and the cap.
 */
export interface HandOverTargets {
  /** Whether `by` may hand this ticket over at all (a supervisor, a held open ticket), to anyone with room. */
  may: boolean;
  max: number;
  targets: { id: string; name: string; username: string; held: number }[];
}

/** What `handBack` did: tickets put back in the queue, and tickets left under the account. */
export interface HandBack {
  released: number;
  kept: number;
}
