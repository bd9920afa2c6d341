import { decide, oversees, type Agency, type RejectReason, type TicketAction } from '../domain';
import type { AnswerFacts } from '../store';
import type { ActionRefusal, ActionResult, AgentRef, Seen, TicketActions } from './ticket-actions';

/**
 * Referring or closing every report of an incident at once. Each member goes through the same
 * per-ticket action an agent would click (TicketActions `refer` / `changeStatus`): the policy, the
 * status guard, the history line, the reporter's notice in their language, the rating question,
 * the referral's date. Nothing here writes a ticket itself.
 */

/** Refer every member to one agency, with the internal note (`otherName`: the agency's name for OTHER). */
export interface BatchRefer {
  kind: 'refer';
  agency: Agency;
  note?: string;
  otherName?: string;
}
/** Close every member as one close would: resolved, or rejected (spam, duplicate). */
export interface BatchClose {
  kind: 'close';
  to: 'resolved' | 'rejected';
  rejectReason?: RejectReason;
  note?: string;
}
export type BatchAction = BatchRefer | BatchClose;

/**
 * Why a member was left as it was (`triage:batch_skip_<reason>`): `held_by_other`, someone else
 * holds it; `closed`, closed already (a referral) and `already_closed` (a close); `already_referred`,
 * with an agency already (the same form sent twice lands here); `changed`, changed by someone
 * between the read and the write; `refused`, any other rule (e.g. a status it cannot leave that way).
 */
export type BatchSkipReason = 'held_by_other' | 'closed' | 'already_closed' | 'already_referred' | 'changed' | 'refused';
export interface BatchSkip {
  reference: string;
  reason: BatchSkipReason;
}
/** What a refer or close of all did: of `total` members, `changed` were changed; the rest skipped, by reference and why. */
export interface BatchOutcome {
  total: number;
  changed: number;
  skipped: BatchSkip[];
}
/** Refusals of the form itself, the same for every member (the first member's answer says them). */
export type BatchFormRefusal = 'invalid' | 'too_long' | 'empty' | 'agency_name';
const FORM_REFUSALS: readonly ActionRefusal[] = ['invalid', 'too_long', 'empty', 'agency_name'];
export const isFormRefusal = (r: ActionRefusal): r is BatchFormRefusal => FORM_REFUSALS.includes(r);

/** Members changed together: a bounded number of writes and notices in flight, however large the incident. */
export const BATCH_SIZE = 25;

const policyAction = (a: BatchAction): TicketAction => (a.kind === 'refer' ? 'refer' : 'change_status');

/** The domain's answer for one member as read, before anything is written (the service decides again when it writes). */
export function batchDecision(agent: AgentRef, action: BatchAction, m: AnswerFacts): ActionResult {
  const d = decide(agent, policyAction(action), m, action.kind === 'close' ? action.to : undefined);
  return d.ok ? { ok: true } : { ok: false, reason: d.reason };
}

/** How a refusal reads on the result page, for the member as it was read. */
export function skipReason(action: BatchAction, m: Pick<AnswerFacts, 'status'>, reason: ActionRefusal): BatchSkipReason {
  if (reason === 'not_assignee') return 'held_by_other';
  if (reason === 'changed') return 'changed';
  if (reason === 'closed') return action.kind === 'close' ? 'already_closed' : 'closed';
  if (reason === 'wrong_status' && action.kind === 'refer' && m.status === 'referred') return 'already_referred';
  return 'refused';
}

/** One member's refer or close, through the per-ticket action; a supervisor's only while the holder read still holds it. */
export function runOne(tickets: Pick<TicketActions, 'refer' | 'changeStatus'>, agent: AgentRef, action: BatchAction, m: AnswerFacts): Promise<ActionResult> {
  const id = m._id.toString();
  const seen: Seen | undefined = oversees(agent.role) ? { holder: m.assignee ? m.assignee.toString() : null } : undefined;
  if (action.kind === 'refer') return tickets.refer(id, agent, action.agency, action.note, action.otherName, seen);
  return tickets.changeStatus(id, agent, action.to, { ...(action.rejectReason ? { rejectReason: action.rejectReason } : {}), ...(action.note !== undefined ? { note: action.note } : {}), ...(seen ? { seen } : {}) });
}
