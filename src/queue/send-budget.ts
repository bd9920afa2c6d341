import type { Redis } from 'ioredis';
import { CHAT_BURST, CHAT_INTERVAL_MS, SEND_LANES, type SendBudget, type SendGrant, type SendRequest } from '../lib/send-budget';
import { redisKeys, type RedisKeys } from '../redis-keys';
import { withScripts, type PacerCommands } from './scripts';

export interface RedisSendBudgetOptions {
  /** Messages per second overall (Telegram: about 30; up to 1,000 with paid broadcasts). */
  perSecond: number;
  /** Minimum gap between two messages to one chat once its burst is spent (default 1,000 ms). */
  chatIntervalMs?: number;
  /** Messages one chat may take back to back (default 3, as Telegram tolerates). */
  chatBurst?: number;
  /**
   * How many of a lane's longest waiting callers may take a free slot (default 3): they are asked
   * back before it is due, so one that comes back late does not leave it unused.
   */
  slack?: number;
}

/**
 * How long a waiter stays in line after the time it was told to ask again (a slow event loop).
 * While it stays, no less urgent lane sends; so this is also how long a waiter whose process died
 * holds the lanes below it. One that comes back later asks with its old `since` and gets its place back.
 */
const GRACE_US = 2_000_000;

/**
 * The shared outgoing budget (port: src/lib/send-budget.ts) in Redis: src/queue/lua/take-send.lua
 * decides who sends, flood-wait.lua whom a 429 holds (the chat, or everyone). Every process (bot
 * and worker roles, any host) asks the same keys, so together they stay within Telegram's limits.
 */
export class RedisSendBudget implements SendBudget {
  private readonly redis: Redis & PacerCommands;
  private readonly keys: RedisKeys;
  private readonly intervalUs: number;
  private readonly chatIntervalUs: number;
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly slack: number;

  constructor(redis: Redis, prefix: string, opts: RedisSendBudgetOptions) {
    this.redis = withScripts(redis);
    this.keys = redisKeys(prefix);
    this.intervalUs = Math.max(1, Math.floor(1_000_000 / opts.perSecond));
    this.chatIntervalUs = (opts.chatIntervalMs ?? CHAT_INTERVAL_MS) * 1000;
    this.burst = opts.chatBurst ?? CHAT_BURST;
    this.perSecond = Math.max(1, Math.floor(opts.perSecond));
    this.slack = Math.max(1, opts.slack ?? 3);
  }

  async take(req: SendRequest): Promise<SendGrant> {
    const k = this.keys;
    const lane = SEND_LANES.indexOf(req.lane);
    const [waitMs, etaMs, since, grantedUs] = await this.redis.ripotiTakeSend(
      k.budgetNext, k.budgetPause, k.budgetAlive, k.budgetLane(0), k.budgetLane(1), k.budgetLane(2), k.budgetLane(3),
      k.budgetChat(req.chat ?? '-'), k.budgetRecent,
      req.id, lane, String(req.since), this.intervalUs, req.chat ? this.chatIntervalUs : 0, this.burst, GRACE_US, this.perSecond, this.slack,
    );
    const grant: SendGrant = { waitMs: Number(waitMs), etaMs: Number(etaMs), since: Number(since) };
    if (Number(grantedUs) > 0) grant.grantedAt = Number(grantedUs) / 1000;
    return grant;
  }

  async pause(ms: number, chat?: string): Promise<'chat' | 'all'> {
    const k = this.keys;
    // The same rule as the replies worker's (flood-wait.lua); no worker keys from here.
    const [scope] = await this.redis.ripotiFloodWait(k.floodChat, k.budgetPause, k.budgetChat(chat ?? '-'), k.chatSent('-'), k.chatPace('-'), chat ?? '', Math.ceil(ms), this.chatIntervalUs, this.burst, 0, 0);
    return scope;
  }

  async leave(req: Pick<SendRequest, 'id' | 'lane'>): Promise<void> {
    const k = this.keys;
    await this.redis.multi().zrem(k.budgetLane(SEND_LANES.indexOf(req.lane)), req.id).zrem(k.budgetAlive, req.id).exec();
  }

  /** Marks `chat` as told that its answers wait; true only the first time within `ttlSec`. */
  async tellOnce(chat: string, ttlSec: number): Promise<boolean> {
    return (await this.redis.set(this.keys.budgetTold(chat), '1', 'EX', ttlSec, 'NX')) === 'OK';
  }
}
