import { mayHandle, maySeeIdentity, type PolicyActor, type TicketFacts } from '../domain';
import type { AgentDoc } from '../store';

type Viewer = Pick<AgentDoc, '_id' | 'role'>;
type Ticket = Pick<TicketFacts, 'assignee' | 'anonymous'>;

/** The signed-in account as the domain policy sees it. */
export function actorOf(viewer: Viewer): PolicyActor {
  return { id: viewer._id.toString(), role: viewer.role };
}

/** Agents work on the tickets they hold; supervisors and admins oversee every ticket (src/domain/policy.ts). */
export function canOpenTicket(viewer: Viewer, report: Ticket): boolean {
  return mayHandle(actorOf(viewer), report).ok;
}

/** Who the reporter is: for people working the case, never for an anonymous report (policy). */
export function canSeeIdentity(viewer: Viewer, report: Ticket): boolean {
  return maySeeIdentity(actorOf(viewer), report);
}
