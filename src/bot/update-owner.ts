import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Service } from '../lifecycle';
import type { Logger } from '../logger';
import { redisKeys } from '../redis-keys';

/** How long a process's presence lasts without a renewal: how long its claims outlive a crash. */
const PRESENCE_MS = 6000;
const CONNECT_WAIT_MS = 10_000;

/**
 * This bot process, as the owner of the updates it is handling. Its claim on an update
 * (src/bot/lua/begin-update.lua) names it, and a key renewed every two seconds says it is alive.
 * Why: a process that dies mid-update leaves its claim behind, and Telegram delivers the update
 * again (the webhook was not answered; polling did not move its offset). Without an owner the
 * re-delivery looked like a duplicate for the claim's whole life and was dropped: the reporter's
 * message was lost. Now it is handled once the owner's presence has expired.
 */
export class UpdateOwner implements Service {
  readonly name = 'update-owner';
  readonly id = randomBytes(8).toString('hex');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly presenceMs = PRESENCE_MS,
  ) {}

  /** What this process writes into an update's key while it handles the update. */
  get claim(): string {
    return `handling:${this.id}`;
  }

  async start(): Promise<void> {
    // The bot's connection queues nothing while it connects (enableOfflineQueue false), and this
    // is the first thing the bot role asks of it: wait for it rather than fail the start.
    await connected(this.redis, CONNECT_WAIT_MS);
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((err: unknown) => this.logger.warn({ err }, 'could not renew this process\'s presence'));
    }, Math.floor(this.presenceMs / 3));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.redis.del(this.key(this.id)).catch(() => undefined);
  }

  /** The process named in `claim` when it is another process's claim of an update being handled ('handling:<owner>'), else undefined. */
  other(claim: string): string | undefined {
    const owner = /^handling:([0-9a-f]+)$/.exec(claim)?.[1];
    return owner && owner !== this.id ? owner : undefined;
  }

  /** Is the process `owner` alive (its presence renewed within the last few seconds)? */
  async alive(owner: string): Promise<boolean> {
    return (await this.redis.exists(this.key(owner))) === 1;
  }

  private async beat(): Promise<void> {
    await this.redis.set(this.key(this.id), '1', 'PX', this.presenceMs);
  }

  private key(owner: string): string {
    return redisKeys(this.prefix).updateOwner(owner);
  }
}

/** Resolves once `redis` is ready; rejects after `timeoutMs`. */
function connected(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      if (err) reject(err);
      else resolve();
    };
    const onReady = () => done();
    const timer = setTimeout(() => done(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
    redis.once('ready', onReady);
  });
}
