import type { Redis } from 'ioredis';
import type { Priority } from '../domain';
import { redisKeys, type RedisKeys } from '../redis-keys';
import { isDangerAlert, isHeldDangerAlert, type SupervisorAlert } from '../services/delivery-service';
import { withScripts, type PacerCommands } from './scripts';

/** A courier's lease: longer than its delay, a wait for the group's turn and its retries (8, about 4 min). */
const COURIER_LEASE_MS = 10 * 60_000;
/** Alerts read for one message at most; the rest go in the next. */
const READ_AT_MOST = 500;
/** Scores: priority first (1 = most urgent), then when raised (ms since 1970 stay below 10^13). */
const PRIORITY_STEP = 1e13;

/**
 * Supervisors' alerts on their way to the group chat, which takes about 20 messages a minute
 * while a surge raises hundreds of tickets a minute. Each alert job adds its alert to one pending
 * set in Redis; one job at a time is the courier (src/queue/lua/claim-courier.lua), which sends
 * everything pending in one message when the group's turn comes. The others end at once. After
 * a send, the next courier is a job added with a delay, so during a surge the group gets one
 * message per delay listing what was raised, and in quiet times each alert goes out as it comes.
 * An alert leaves the set only once a message carried it (or its ticket was taken), so a courier
 * that dies or fails leaves them for the next one: one that gave up hands over at once, and the
 * worker looks every 30 s for alerts left with no courier (its lease ran out). Nothing is lost,
 * at worst said twice.
 */
export class SupervisorAlerts {
  private readonly redis: Redis & PacerCommands;
  private readonly keys: RedisKeys;

  constructor(redis: Redis, prefix: string) {
    this.redis = withScripts(redis);
    this.keys = redisKeys(prefix);
  }

  /** Pending until a message carries it; adding it again keeps its place. */
  async add(alert: SupervisorAlert, priority: Priority, raisedAt: number): Promise<void> {
    await this.redis.zadd(this.keys.alertsPending, 'NX', priority * PRIORITY_STEP + raisedAt, memberOf(alert));
  }

  /**
   * True when job `jobId` is (or stays) the courier. At the moment of sending, `carried` (its
   * message's alerts): a lease that ran out meanwhile is taken back only if all are still pending.
   */
  async claim(jobId: string, carried: SupervisorAlert[] = []): Promise<boolean> {
    const claimed = await this.redis.ripotiClaimCourier(this.keys.alertsCourier, this.keys.alertsPending, jobId, COURIER_LEASE_MS, ...carried.map(memberOf));
    return Number(claimed) === 1;
  }

  async pendingCount(): Promise<number> {
    return this.redis.zcard(this.keys.alertsPending);
  }

  /** The pending alerts, most urgent first, at most READ_AT_MOST. */
  async read(): Promise<SupervisorAlert[]> {
    return (await this.redis.zrange(this.keys.alertsPending, '0', String(READ_AT_MOST - 1))).flatMap(alertOf);
  }

  /** Carried by a message, or their tickets no longer wait. */
  async drop(alerts: SupervisorAlert[]): Promise<void> {
    if (alerts.length) await this.redis.zrem(this.keys.alertsPending, ...alerts.map(memberOf));
  }

  /**
   * The courier's turn ends: true when alerts are still pending and job `nextId` (already added,
   * delayed) carries them; false when the courier is free (nothing pending, or the lease was lost).
   */
  async handOver(jobId: string, nextId: string): Promise<boolean> {
    return Number(await this.redis.ripotiPassCourier(this.keys.alertsCourier, this.keys.alertsPending, jobId, nextId, COURIER_LEASE_MS)) === 1;
  }

  /** Alerts pending and no courier to carry them. */
  async orphaned(): Promise<boolean> {
    const [pending, courier] = await Promise.all([this.redis.zcard(this.keys.alertsPending), this.redis.exists(this.keys.alertsCourier)]);
    return pending > 0 && courier === 0;
  }

  /** A courier with nothing to send lets go; false when alerts came meanwhile (it stays the courier). */
  async release(jobId: string): Promise<boolean> {
    return Number(await this.redis.ripotiPassCourier(this.keys.alertsCourier, this.keys.alertsPending, jobId, '', COURIER_LEASE_MS)) !== 2;
  }
}

/** A reporter's danger raises a ticket once, so its member needs no count: `<reportId>:danger`. */
const DANGER = 'danger';
/** A held ticket's danger: one member per holding episode, `<reportId>:held-<holderId>-<saidAt>`. */
const HELD = 'held-';

function memberOf(a: SupervisorAlert): string {
  if (isHeldDangerAlert(a)) return `${a.reportId}:${HELD}${a.held.holderId}-${a.held.saidAt}`;
  return `${a.reportId}:${isDangerAlert(a) ? DANGER : a.escalations}`;
}

/** The alert a pending member stands for; none for one this code cannot read. */
function alertOf(member: string): SupervisorAlert[] {
  const [reportId, what] = member.split(':');
  if (!reportId || !what) return [];
  if (what === DANGER) return [{ reportId, danger: true }];
  if (!what.startsWith(HELD)) return [{ reportId, escalations: Number(what) }];
  const [holderId, saidAt] = what.slice(HELD.length).split('-');
  return holderId && saidAt ? [{ reportId, held: { holderId, saidAt: Number(saidAt) } }] : [];
}
