import type { HeldDangerEpisode, Priority } from '../domain';

/**
 * What the use cases need from the queues, implemented in src/queue (BullMQ). Ids only cross
 * this line: no BullMQ, Redis or store types, so a service never knows how work is queued.
 */

/**
 * What a ticket's SLA clock starts from. The check that fires later reads the report again and
 * does nothing if it changed meanwhile, so a caller's copy a moment old is safe to start from.
 */
export interface TicketClock {
  status: string;
  priority: Priority;
  createdAt: Date;
  assignedAt?: Date | null;
  reopenedByReporterAt?: Date | null;
  escalations: number;
}

/** The `tickets` queue: one job per waiting ticket, its id the report id. */
export interface TicketQueuePort {
  /**
   * Adds the job (adding an id that exists is a no-op) and starts the ticket's SLA clock, from
   * `clock` when the caller has the report at hand (else the report is read).
   */
  /**
   * `front`: at the front of its priority's line, with any other ticket put there, oldest first (a
   * released ticket usually waited longest; an escalation puts a ticket there too; one older that
   * reached this priority later through the relay is then behind them).
   */
  enqueue(reportId: string, priority: Priority, clock?: TicketClock, opts?: { front?: boolean }): Promise<void>;
  /** Where the ticket's job is; `gone` when Redis has no job for it or it finished or failed. */
  jobState(reportId: string): Promise<TicketJobState>;
  /**
   * Drops the ticket's job, waiting, finished or failed (so the same id can be queued again);
   * rejects when a take holds it at this instant.
   */
  remove(reportId: string): Promise<void>;
  /** Tickets waiting for an agent (for the queue-depth gauge). */
  waitingCount(): Promise<number>;
  /**
   * Raises a waiting ticket's job to `priority`, at the front of that line: 'raised'; 'already' when
   * it holds that priority or a higher one (left in its place); 'not_waiting' when no job waits.
   */
  reprioritise(reportId: string, priority: Priority): Promise<ReprioritiseOutcome>;
  /** The priority each ticket's job holds, in the same order (null: no job), read together. */
  jobPriorities(reportIds: string[]): Promise<(number | null)[]>;
}

export type TicketJobState = 'waiting' | 'active' | 'delayed' | 'gone';

/** A waiting ticket popped for one take, held for this caller only until it is settled. */
export interface ClaimedTicket {
  reportId: string;
  /** The job is done: the claim is recorded, or the report no longer waits and is dropped. */
  complete(outcome: 'assigned' | 'skipped'): Promise<void>;
  /** Back to waiting now (the claim could not be recorded) rather than when its lock expires. */
  giveBack(): Promise<void>;
}

/** Hands out waiting tickets in queue order: highest priority first, then first added. */
export interface TicketDispenser {
  /** The next waiting ticket, or null when none waits. Two callers never get the same one. */
  claimNext(): Promise<ClaimedTicket | null>;
}

/** What `TicketQueuePort.reprioritise` did with a waiting ticket's job. */
export type ReprioritiseOutcome = 'raised' | 'already' | 'not_waiting';

/** What `ReplyPort.redeliver` did with a pending message. */
export type RedeliverOutcome = 'queued' | 'in_queue' | 'gave_up' | 'sent';

/** The `replies` queue: every stored message to a reporter goes out through it. */
export interface ReplyPort {
  /** Queues a stored message (jobId = message id: queuing twice delivers once). */
  deliver(messageId: string): Promise<void>;
  /** As `deliver` for each, in one round trip (many reporters answered at once). */
  deliverMany(messageIds: readonly string[]): Promise<void>;
  /**
   * For a message still pending after it was stored (the outbox relay): as `deliver`, and a job
   * that used up its attempts gets a new one when `retryFailed`. Telegram refusing a message marks
   * it failed, so a message still pending with a failed job failed on our side (MongoDB away
   * through every attempt). 'queued': a job was added (none, or a finished one, was there);
   * 'in_queue': its job is still there (waiting, paced or parked, or being sent), nothing added;
   * 'gave_up': its job failed and `retryFailed` was false; 'sent': its job sent it (the message was
   * read pending just before it was marked sent), nothing queued.
   */
  redeliver(messageId: string, opts: { retryFailed: boolean }): Promise<RedeliverOutcome>;
  /** Messages waiting to go out (for the queue-depth gauge). */
  waitingCount(): Promise<number>;
}

/** One SLA check: "is this ticket, in this waiting period, still untaken?" */
export interface SlaCheck {
  reportId: string;
  /** Which waiting period: the report's last `assignedAt` (ms), 0 before the first take. */
  generation: number;
  /** The report's escalation count when the clock was set; a clock that lost a race is stale. */
  escalations: number;
  priority: Priority;
  /** Run again by the relay as lost: never taken for a retry of an escalation already made. */
  restarted?: true;
}

/** Delayed SLA checks (the `sla` queue); scheduling the same check twice keeps one. */
export interface SlaSchedulerPort {
  schedule(check: SlaCheck, delayMs: number): Promise<void>;
  /**
   * Runs the check now unless its job still waits, is delayed (a retry too) or runs; a finished or
   * failed one is dropped first, so its id can be used again. True when it was added.
   */
  restart(check: SlaCheck): Promise<boolean>;
  /** Brings a delayed check forward to `slaMs` after it was set (never later than it was due). False when none waits. */
  hurry(check: SlaCheck, slaMs: number): Promise<boolean>;
}

/** Tells the supervisors' Telegram group about an escalation (through the `replies` queue). */
export interface SupervisorAlertPort {
  notifySupervisors(reportId: string, escalations: number): Promise<void>;
}

/** Tells the supervisors' Telegram group of a waiting ticket put first by its reporter's danger (the same way). */
export interface DangerAlertPort {
  /** Queuing it twice for a ticket tells the group once (one job id per ticket). */
  notifyDangerSaid(reportId: string): Promise<void>;
}

/** The outbox relay's queuing of an alert still owed: whether it added one (false: its job is still there). */
export interface DangerAlertRequeuePort {
  requeueDangerSaid(reportId: string): Promise<boolean>;
}

/** Delayed held-danger checks (on the `sla` queue): one per episode, however often it is watched. */
export interface HeldDangerSchedulerPort {
  scheduleHeldDanger(episode: HeldDangerEpisode, delayMs: number): Promise<void>;
}

/** Tells the supervisors' group that a held ticket's danger went unopened by its holder (the same way). */
export interface HeldDangerAlertPort {
  /** Queuing one episode twice tells the group once (one job id per episode). */
  notifyHeldDanger(episode: HeldDangerEpisode): Promise<void>;
}

/** A reporter's file as the store keeps it: Telegram's ids only (the bytes stay on Telegram). */
export interface EvidenceFileRef {
  kind: string;
  fileId: string;
}

export type EvidenceFileOpened =
  | { ok: true; stream: NodeJS.ReadableStream; size?: number }
  /** `unavailable`: Telegram has no file for it (gone, or over the 20 MB bots may download); `unreachable`: no answer; `refused`: an error status. */
  | { ok: false; reason: 'unavailable' | 'unreachable' | 'refused' };

/** Where reporters' files are read from (Telegram, through the console's server; the token never leaves it). */
export interface EvidenceFilePort {
  open(file: EvidenceFileRef, ctx: { reportId: string; signal: AbortSignal }): Promise<EvidenceFileOpened>;
}
