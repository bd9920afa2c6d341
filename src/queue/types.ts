import type { Redis } from 'ioredis';
import type { Priority } from '../domain';

/** Queue names; BullMQ keys are `<prefix>:<name>:...` so `config.redis.prefix` isolates deployments and tests. */
export const TICKETS_QUEUE = 'tickets';
export const SLA_QUEUE = 'sla';
export const REPLIES_QUEUE = 'replies';

/** Job data is clear text in Redis: ids only, never reporter data or message text. */
export interface TicketJobData {
  reportId: string;
}

export interface SlaJobData {
  reportId: string;
  /** Which waiting period this clock belongs to: the report's last `assignedAt` (ms), 0 before the first take. */
  generation: number;
  /** The report's escalation count when the clock was set; a clock that lost a race is stale. */
  escalations: number;
  priority: Priority;
}

/** A pacing slot booked for one attempt (see ChatPacer): the attempt that booked it sends without booking again. */
export interface PacingSlot {
  at: number;
  attempt: number;
}

export type ReplyJobData =
  | { kind: 'message'; messageId: string; slot?: PacingSlot }
  | { kind: 'supervisors'; reportId: string; escalations: number; slot?: PacingSlot };

/** What every BullMQ object here needs: a connection and the key prefix. */
export interface QueueConnection {
  connection: Redis;
  prefix: string;
}
