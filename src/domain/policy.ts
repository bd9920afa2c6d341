import { canTransition, isOpen, type Status } from './status';

/**
 * Who may do what to which ticket, in one place. Services enforce it, console routes use it to
 * refuse early and templates to decide which forms to show, so the three can never disagree.
 * Pure: it sees only the facts it is given.
 */

/** Console roles, each widening the one before: agent < supervisor < admin. */
export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Readonly<Record<Role, number>> = { agent: 1, supervisor: 2, admin: 3 };

export function isRole(s: unknown): s is Role {
  return typeof s === 'string' && (ROLES as readonly string[]).includes(s);
}

/** True when `role` is `min` or above it. */
export function hasRole(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

/** Supervisors and admins oversee every ticket. */
export function oversees(role: Role): boolean {
  return hasRole(role, 'supervisor');
}

export const TICKET_ACTIONS = ['view', 'reply', 'note', 'change_status', 'refer', 'release', 'take'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Statuses an agent sets by hand; `assigned` and `received` come only from take and release. */
export const AGENT_STATUSES = ['in_progress', 'waiting_reporter', 'resolved', 'rejected'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export function isAgentStatus(s: unknown): s is AgentStatus {
  return typeof s === 'string' && (AGENT_STATUSES as readonly string[]).includes(s);
}

/** Why the policy refused an action on a ticket; each one is shown to the agent in their language. */
/**
 * `reporter_forgotten`: the reporter asked us to delete their details (/forget): nobody is left to
 * write to, so a reply is refused rather than stored to fail.
 */
export type TicketRefusal = 'wrong_role' | 'not_assignee' | 'wrong_status' | 'closed' | 'in_incident' | 'reporter_forgotten';
/**
 * Why a ticket cannot be handed over: `not_held` (waiting: it is taken, not handed), `same_holder`,
 * `target_inactive` (no such active account), `limit` (the person has no room for it under the cap).
 */
export type HandOverRefusal = 'wrong_role' | 'closed' | 'not_held' | 'same_holder' | 'target_inactive' | 'limit';
/** Every refusal the policy gives, the per-agent limit included. */
export type PolicyRefusal = TicketRefusal | 'limit' | HandOverRefusal;
export type Decision<R extends PolicyRefusal = TicketRefusal> = { ok: true } | { ok: false; reason: R };

/** The person acting: an id and a role. */
export interface PolicyActor {
  id: string;
  role: Role;
}

/** What the policy needs to know about a ticket. */
export interface TicketFacts {
  status: Status;
  /** The holder's id, or null/undefined while nobody holds it. */
  assignee?: { toString(): string } | null;
  anonymous?: boolean;
  /** Set while the ticket is part of an incident (src/domain/incident-policy.ts). */
  incident?: { id: { toString(): string } } | null;
  /** When its reporter asked us to delete their details (/forget): they can no longer be written to. */
  reporterForgottenAt?: Date | null;
}

const OK = { ok: true } as const;
const refuse = <R extends PolicyRefusal>(reason: R): Decision<R> => ({ ok: false, reason });

/** Agents work on the tickets they hold; supervisors and admins on any. */
export function mayHandle(actor: PolicyActor, ticket: Pick<TicketFacts, 'assignee'>): Decision {
  if (oversees(actor.role)) return OK;
  return ticket.assignee != null && ticket.assignee.toString() === actor.id ? OK : refuse('not_assignee');
}

/** The status each action moves a ticket to, where it moves one (checked against TRANSITIONS). */
const TARGET: Partial<Record<TicketAction, Status>> = { refer: 'referred', release: 'received', take: 'assigned' };

/**
 * May `actor` do `action` to `ticket`? `to` is the status asked for by `change_status`.
 * - view, note: whoever handles the ticket, in any status (notes on closed cases are allowed);
 * - reply: whoever handles it, while it is open and its reporter has not asked to be forgotten;
 * - change_status, refer, release: whoever handles it, when the transition table allows it (never
 *   to waiting for a reporter who asked to be forgotten);
 * - take: any signed-in role, only a waiting ticket (nobody holds it yet).
 */
export function decide(actor: PolicyActor, action: TicketAction, ticket: TicketFacts, to?: AgentStatus): Decision {
  if (!isRole(actor.role)) return refuse('wrong_role');
  if (action === 'take') return canTransition(ticket.status, 'assigned') ? OK : refuse('wrong_status');
  const handles = mayHandle(actor, ticket);
  if (!handles.ok || action === 'view' || action === 'note') return handles;
  if (action === 'reply') return !isOpen(ticket.status) ? refuse('closed') : ticket.reporterForgottenAt ? refuse('reporter_forgotten') : OK;
  // One agent handles an incident: a member goes back to the queue only once split from it.
  if (action === 'release' && ticket.incident) return refuse('in_incident');
  const target = action === 'change_status' ? to : TARGET[action];
  if (!target || (action === 'change_status' && !isAgentStatus(target))) return refuse('wrong_status');
  // Waiting for someone nobody can write to any more: its notice could never be delivered.
  if (target === 'waiting_reporter' && ticket.reporterForgottenAt && isOpen(ticket.status)) return refuse('reporter_forgotten');
  if (canTransition(ticket.status, target)) return OK;
  return isOpen(ticket.status) ? refuse('wrong_status') : refuse('closed');
}

/**
 * What a hand-over does to the receiver's load: `held`, what they hold against the cap now
 * (`heldWork` of their tickets, as a take counts it); `adds`, the `heldWork` of what is handed (a
 * ticket or an incident 1, a referral 0); `max`, the per-agent cap.
 */
export interface HandOverLoad {
  held: number;
  adds: number;
  max: number;
}

/**
 * May `actor` hand a held ticket (with its incident, which one agent handles) over to `target`?
 * Supervisors and admins only: at shift end or after a deactivation, a referral or an incident
 * cannot be released to the queue, and its reporter's replies would reach only the old holder.
 * With the receiver's `load`, the cap holds as it does for a take: nobody is handed more work than
 * they could have taken (a referral, which the cap does not count, goes to anyone).
 */
export function decideHandOver(actor: PolicyActor, ticket: Pick<TicketFacts, 'status' | 'assignee'>, target: { id: string; active: boolean } | null, load?: HandOverLoad): Decision<HandOverRefusal> {
  if (!isRole(actor.role) || !oversees(actor.role)) return refuse('wrong_role');
  if (!isOpen(ticket.status)) return refuse('closed');
  if (ticket.assignee == null || ticket.status === 'received') return refuse('not_held');
  if (!target || !target.active) return refuse('target_inactive');
  if (ticket.assignee.toString() === target.id) return refuse('same_holder');
  return load && load.adds > 0 && load.held + load.adds > load.max ? refuse('limit') : OK;
}

/**
 * How much an agent holds against the cap: an incident's reports count once (one piece of work,
 * never released one by one), and a referred ticket not at all: it waits on an agency for weeks,
 * and counting it left an agent with a few referrals unable to take anything.
 */
export function heldWork(tickets: readonly { id: { toString(): string }; status: TicketFacts['status']; incident?: TicketFacts['incident'] }[]): number {
  const working = tickets.filter((t) => t.status !== 'referred');
  return new Set(working.map((t) => (t.incident ? `i:${t.incident.id.toString()}` : `r:${t.id.toString()}`))).size;
}

/** An agent holds at most `max` open tickets; supervisors too when they take from the queue. */
export function mayTakeAnother(held: number, max: number): Decision<'limit'> {
  return held < max ? OK : refuse('limit');
}

/**
 * Who the reporter is, only for people working the case, and never for an anonymous report: the
 * reporter chose that, and it binds supervisors and admins too.
 */
export function maySeeIdentity(actor: PolicyActor, ticket: Pick<TicketFacts, 'assignee' | 'anonymous'>): boolean {
  return !ticket.anonymous && mayHandle(actor, ticket).ok;
}

/**
 * The language staff messages about a report go out in, and are shown to staff in: the one the
 * reporter reads now (their record's, which any later /lugha changes), else the report's. An
 * anonymous report keeps its own: the record's language is the same on all of a reporter's
 * tickets, so a switch shown on an anonymous one beside their named ones would pair them.
 */
export function readingLanguage<L extends string>(report: { anonymous?: boolean; language: L }, reporterLanguage: L | undefined): L {
  return report.anonymous ? report.language : (reporterLanguage ?? report.language);
}

/** Agents take tickets in queue order; only supervisors and admins open a waiting one directly. */
export function mayOpenWaiting(role: Role): boolean {
  return oversees(role);
}

/** Console areas, by the least role that may enter them (the queue and tickets, all tickets, the job board, accounts). */
export const AREA_ROLE = { queue: 'agent', supervision: 'supervisor', board: 'supervisor', accounts: 'admin' } as const satisfies Record<string, Role>;
export type ConsoleArea = keyof typeof AREA_ROLE;

export function mayEnter(role: Role, area: ConsoleArea): boolean {
  return hasRole(role, AREA_ROLE[area]);
}

/** Which ticket actions to offer `actor` right now (templates show only these forms). */
export function offeredActions(actor: PolicyActor, ticket: TicketFacts): Record<Exclude<TicketAction, 'take' | 'change_status'>, boolean> & { statuses: AgentStatus[] } {
  const may = (a: TicketAction) => decide(actor, a, ticket).ok;
  return {
    view: may('view'),
    reply: may('reply'),
    note: may('note'),
    refer: may('refer'),
    release: may('release'),
    statuses: AGENT_STATUSES.filter((s) => decide(actor, 'change_status', ticket, s).ok),
  };
}
