import type { AgentDoc, ReportDoc } from '../store';
import { hasRole } from './session-auth';

type Viewer = Pick<AgentDoc, '_id' | 'role'>;
type Ticket = Pick<ReportDoc, 'assignee' | 'anonymous'>;

/** Agents work on the tickets they hold; supervisors and admins oversee every ticket. */
export function canOpenTicket(viewer: Viewer, report: Ticket): boolean {
  if (hasRole(viewer, 'supervisor')) return true;
  return Boolean(report.assignee && report.assignee.toString() === viewer._id.toString());
}

/**
 * Who the reporter is, only for people working the case, and never for an anonymous report:
 * the reporter chose that, and it binds supervisors and admins too.
 */
export function canSeeIdentity(viewer: Viewer, report: Ticket): boolean {
  return !report.anonymous && canOpenTicket(viewer, report);
}
