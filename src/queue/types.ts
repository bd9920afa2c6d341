import type { Lang } from '../i18n';
import type { Redis } from 'ioredis';
import type { HeldDangerEpisode } from '../domain';
import type { SlaCheck } from '../services/ports';

/** Queue names; BullMQ keys are `<prefix>:<name>:...` so `config.redis.prefix` isolates deployments and tests. */
export const TICKETS_QUEUE = 'tickets';
export const SLA_QUEUE = 'sla';
export const REPLIES_QUEUE = 'replies';

/** Job data is clear text in Redis: ids only, never reporter data or message text. */
export interface TicketJobData {
  reportId: string;
}

/** A delayed SLA check (src/services/ports.ts `SlaCheck`), or (job name `held-danger`) a held ticket's danger check: ids and a time only. */
export type SlaJobData = SlaCheck | HeldDangerEpisode;

/** A pacing slot booked for one attempt (see ChatPacer): the attempt that booked it sends without booking again. */
export interface PacingSlot {
  at: number;
  attempt: number;
}

export type ReplyJobData =
  /** `sentAs`: Telegram accepted it as this message id but recording that failed; a retry only records it. */
  /** `behind`: how many times it waited for an earlier message to the same report (each wait twice as long). */
  /** `heldForNotice`: it was held behind a notice owed first (said in the logs once, at that first hold; a job the relay queues again after spent attempts keeps it). */
  | { kind: 'message'; messageId: string; slot?: PacingSlot; sentAs?: number; sentIn?: Lang; behind?: number; heldForNotice?: true }
  /**
   * An alert for the supervisors' group; without a report, the next courier (src/queue/supervisor-alerts.ts).
   * `danger`: the reporter wrote that someone is in danger now (no escalation count). `held`: on a
   * ticket that holder has not opened since (src/services/held-danger-service.ts).
   */
  | { kind: 'supervisors'; reportId?: string; escalations?: number; danger?: true; held?: { holderId: string; saidAt: number }; slot?: PacingSlot };

/** What every BullMQ object here needs: a connection and the key prefix. */
export interface QueueConnection {
  connection: Redis;
  prefix: string;
}
