import type { Agency, AgentStatus, RejectReason, Role } from '../domain';
import type { MessageDoc, ReportDoc } from '../store';

/** Who is acting at the console. Roles widen what a person may see and do (src/domain/policy.ts). */
export type ConsoleRole = Role;
export interface AgentRef {
  id: string;
  role: Role;
}

export type TakeResult = { ok: true; report: ReportDoc } | { ok: false; reason: 'empty' | 'limit' };

export type { AgentStatus };

/**
 * Everything an agent does to a ticket, implemented in src/services/ticket-service.ts on top of
 * the store and the queues. Each action is guarded (only the assignee, or a supervisor, may act;
 * only allowed transitions), writes the audit trail, tells the reporter where DESIGN.md says so,
 * and publishes a live event. Returns false/null when the guard refused.
 */
export interface TicketActions {
  /** Oldest waiting ticket of the highest priority; never the same one to two agents. */
  takeNext(agent: AgentRef): Promise<TakeResult>;
  release(reportId: string, agent: AgentRef): Promise<boolean>;
  changeStatus(reportId: string, agent: AgentRef, to: AgentStatus, opts?: { rejectReason?: RejectReason; note?: string }): Promise<boolean>;
  refer(reportId: string, agent: AgentRef, agency: Agency, note?: string): Promise<boolean>;
  /** Stores the message, queues it for delivery through the `replies` queue. */
  reply(reportId: string, agent: AgentRef, text: string): Promise<MessageDoc | null>;
  addNote(reportId: string, agent: AgentRef, text: string): Promise<boolean>;
  recordView(reportId: string, agent: AgentRef): Promise<void>;
}
