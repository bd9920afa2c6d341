/**
 * Live updates for the console (server-sent events): "the queue changed", "ticket X has a new
 * message". Carried over Redis pub/sub so that bot, worker and console processes can be separate.
 * Events carry ids only, never message text.
 */
export type LiveEvent =
  | { type: 'queue' }
  /**
   * `consent`: the reporter answered "may <agency> have your name?" (the agency card shows the answer).
   * `reach`: whether the reporter can be reached changed (they asked to be forgotten); the page redraws its head.
   */
  | { type: 'ticket'; reportId: string; what: 'message' | 'status' | 'note' | 'delivery' | 'escalated' | 'consent' | 'reach' }
  | { type: 'escalated'; reportId: string; priority: number }
  /** An agent's access changed (signed out, sessions revoked, deactivated): their open streams are checked. */
  | { type: 'access'; agentId: string };

/**
 * Why events were missed: the subscription was lost and holds again (Redis went away), or a
 * publish failed (in any process; on a Cluster, a PUBLISH sent to a node that had just died).
 */
export type MissedWhy = 'resubscribed' | 'unpublished';

/**
 * Where services say what changed and the console listens: Redis pub/sub in production
 * (src/queue/live-events.ts), so that bot, worker and console processes can be separate.
 */
export interface EventBus {
  /** Never fails the caller: live updates are a convenience; when one cannot be published, the consoles are told they missed one. */
  publish(event: LiveEvent): Promise<void>;
  /**
   * Calls `handler` for every event from now on; the function returned stops it. `onMissed` is
   * called when the subscription holds again after it was lost (Redis went away), and when a
   * publish failed: events never came, so whoever shows them must re-read.
   */
  subscribe(handler: (e: LiveEvent) => void, onMissed?: (why: MissedWhy) => void): Promise<() => void>;
}
