import { isOpen, type Status } from './status';
import { isRole, mayHandle, oversees, type PolicyActor } from './policy';

/**
 * Incidents (issue 16): several reports of one event, joined so that one agent handles them and
 * can answer every reporter at once. Each report keeps its own reference, status and reporter;
 * the incident is only a shared id and a shared holder. Pure: it sees only the facts given.
 *
 * The holder rule: the incident is handled by the agent holding the ticket it was joined from
 * (the "lead"); a supervisor joining from a waiting ticket becomes its holder. Joining assigns
 * every member to that agent, so the queue never hands a member to someone else, and an agent
 * can only pull in tickets nobody else holds (a supervisor may move them).
 */

/** Why joining, splitting or answering an incident was refused; shown as `console:flash.refused_<reason>`. */
export type IncidentRefusal =
  | 'wrong_role'
  /** The actor neither oversees nor holds the ticket acted from. */
  | 'not_assignee'
  /** A closed ticket is not joined, nor answered. */
  | 'closed'
  /** Another agent holds the ticket to join: only a supervisor may move it. */
  | 'held_by_other'
  /** The ticket to join already belongs to another incident: split it from that one first. */
  | 'in_other_incident'
  | 'same_ticket'
  /** An agent joins only reports linked to the ticket they work from: no pulling any waiting report by its id. */
  | 'not_linked'
  /**
   * An agent ticked a waiting report where someone is in danger (priority 1): the queue gives it
   * first to a free agent, who opens it; joined with the rest it would be taken, its reporter told
   * so, and wait among the incident's hundreds for the one agent answering them all. A supervisor
   * may still hand it to the incident's holder on purpose.
   */
  | 'in_danger'
  /** Split or answer-all on a ticket that is in no incident. */
  | 'not_in_incident';

export type IncidentDecision = { ok: true } | { ok: false; reason: IncidentRefusal };

/** What the incident rules need to know about a ticket. */
export interface IncidentTicketFacts {
  id: string;
  status: Status;
  /** 1: someone in danger (src/domain/priority.ts). */
  priority?: number;
  assignee?: { toString(): string } | null;
  /** The incident the ticket belongs to, if any. */
  incidentId?: string | null;
  /** Ids of the reports linked to this one ("possibly the same incident"); absent: none. */
  links?: readonly string[];
  /**
   * The incident one of its own links points into (looked up by the service): in a surge a new
   * report links to a few of the incident's thousand reports, rarely to the one an agent works from.
   */
  linksIntoIncident?: string | null;
}

const OK = { ok: true } as const;
const refuse = (reason: IncidentRefusal): IncidentDecision => ({ ok: false, reason });
const holderOf = (t: Pick<IncidentTicketFacts, 'assignee'>) => (t.assignee == null ? null : t.assignee.toString());

/** Who handles the incident once `actor` joins from `lead`: the lead's holder, else the actor (a supervisor). */
export function incidentHolder(actor: PolicyActor, lead: Pick<IncidentTicketFacts, 'assignee'>): string {
  return holderOf(lead) ?? actor.id;
}

/** May `actor`, working on `lead`, join `member` into the lead's incident (one is made if the lead has none)? */
export function decideJoin(actor: PolicyActor, lead: IncidentTicketFacts, member: IncidentTicketFacts): IncidentDecision {
  if (!isRole(actor.role)) return refuse('wrong_role');
  if (!mayHandle(actor, lead).ok) return refuse('not_assignee');
  if (lead.id === member.id) return refuse('same_ticket');
  if (!isOpen(lead.status) || !isOpen(member.status)) return refuse('closed');
  if (member.incidentId && member.incidentId !== lead.incidentId) return refuse('in_other_incident');
  if (member.status === 'received' && member.priority === 1 && !oversees(actor.role)) return refuse('in_danger');
  const holder = incidentHolder(actor, lead);
  const memberHolder = holderOf(member);
  if (memberHolder !== null && memberHolder !== holder && !oversees(actor.role)) return refuse('held_by_other');
  // Otherwise an agent could take any waiting report (skipping the queue's order and their limit) by posting its id.
  const sameIncident = (id: string | null | undefined) => id != null && id === lead.incidentId;
  const linked = (lead.links ?? []).includes(member.id) || sameIncident(member.incidentId) || sameIncident(member.linksIntoIncident);
  if (!linked && !oversees(actor.role)) return refuse('not_linked');
  return OK;
}

/** May `actor` take `ticket` out of its incident? The incident's holder or a supervisor, any status. */
export function decideSplit(actor: PolicyActor, ticket: IncidentTicketFacts): IncidentDecision {
  if (!isRole(actor.role)) return refuse('wrong_role');
  if (!mayHandle(actor, ticket).ok) return refuse('not_assignee');
  return ticket.incidentId ? OK : refuse('not_in_incident');
}

/**
 * May `actor` answer every reporter of the incident `lead` belongs to? The same people who may
 * reply on the lead; each member is then checked on its own with `decideReplyToMember`.
 */
export function decideReplyAll(actor: PolicyActor, lead: IncidentTicketFacts): IncidentDecision {
  if (!isRole(actor.role)) return refuse('wrong_role');
  if (!lead.incidentId) return refuse('not_in_incident');
  if (!mayHandle(actor, lead).ok) return refuse('not_assignee');
  return isOpen(lead.status) ? OK : refuse('closed');
}

/** One member of an answer-all: open, and handled by the actor (a member closed since is skipped, not an error). */
export function decideReplyToMember(actor: PolicyActor, member: IncidentTicketFacts): IncidentDecision {
  if (!mayHandle(actor, member).ok) return refuse('not_assignee');
  return isOpen(member.status) ? OK : refuse('closed');
}

/**
 * May `actor` refer or close every report of the incident `lead` belongs to at once? Whoever
 * handles the lead, whatever the lead's own status (closed alone first, it left the rest open).
 * Each member is then decided on its own by the ticket policy (src/domain/policy.ts `decide`),
 * exactly as one refer or close of it would be.
 */
export function decideIncidentBatch(actor: PolicyActor, lead: IncidentTicketFacts): IncidentDecision {
  if (!isRole(actor.role)) return refuse('wrong_role');
  if (!lead.incidentId) return refuse('not_in_incident');
  return mayHandle(actor, lead).ok ? OK : refuse('not_assignee');
}

/** Which incident forms to offer `actor` on `ticket` (the ticket page shows only these). */
export function offeredIncidentActions(actor: PolicyActor, ticket: IncidentTicketFacts): { join: boolean; split: boolean; replyAll: boolean; batch: boolean } {
  return {
    join: isRole(actor.role) && mayHandle(actor, ticket).ok && isOpen(ticket.status),
    split: decideSplit(actor, ticket).ok,
    replyAll: decideReplyAll(actor, ticket).ok,
    batch: decideIncidentBatch(actor, ticket).ok,
  };
}
