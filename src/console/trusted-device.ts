import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { AgentDoc } from '../store';
import { readCookie, setCookie, type CookieOptions } from './cookies';

export const DEVICE_COOKIE = 'ripoti_device';

export interface TrustedDeviceOptions {
  /** A keyed hash (the store's), so only this deployment can mint a device cookie. */
  mac: (value: string) => string;
  /** The console's cookies are Secure (their names then carry `__Host-`). */
  secure: boolean;
  redis: Redis;
  /** rate-limiter-flexible key prefix for a device's failed sign-ins. */
  keyPrefix: string;
  logger: Logger;
  /** Failed sign-ins a device may make per 15 minutes before it is treated as any other browser (default 5). */
  failures?: number;
  /** How long a browser stays known after its last sign-in (default 90 days). */
  days?: number;
  now?: () => Date;
}

/** A device cookie as sent, not yet checked against an account. */
export interface DeviceClaim {
  agentId: string;
  epoch: number;
  /** Epoch seconds when it was made. */
  issued: number;
  nonce: string;
  mac: string;
}

/** Why a browser is treated as any other: not known to this account (or no longer), or out of attempts. */
export type DeviceCheck = { ok: true } | { ok: false; reason: 'unknown' | 'limited' | 'unavailable' };

/**
 * Browsers an account signed in from before (OWASP's "device cookies"). Five wrong passwords from
 * anywhere lock an account, which anyone who knows a username could do to keep an agent out in a
 * surge; a browser the agent signed in from before is not held by that lock. It still needs the
 * password, and its own failures are limited: past them it is any other browser. The cookie names
 * the account and the account's device epoch, which ending its sessions raises (a password reset,
 * "sign out everywhere", a deactivation), and it is known for 90 days from its last sign-in.
 */
export class TrustedDevices {
  private readonly limiter: RateLimiterRedis;
  private readonly days: number;
  private readonly now: () => Date;

  constructor(private readonly opts: TrustedDeviceOptions) {
    this.limiter = new RateLimiterRedis({ storeClient: opts.redis, keyPrefix: opts.keyPrefix, points: opts.failures ?? 5, duration: 15 * 60 });
    this.days = opts.days ?? 90;
    this.now = opts.now ?? (() => new Date());
  }

  /** What the request's device cookie claims, unchecked (`check` decides against the account). */
  read(req: FastifyRequest): DeviceClaim | undefined {
    const [agentId, epoch, issued, nonce, mac] = (readCookie(req, DEVICE_COOKIE, this.opts.secure) ?? '').split('.');
    if (!/^[0-9a-f]{24}$/.test(agentId) || !/^\d{1,9}$/.test(epoch ?? '') || !/^\d{1,12}$/.test(issued ?? '') || !nonce || !mac) return undefined;
    return { agentId, epoch: Number(epoch), issued: Number(issued), nonce, mac };
  }

  /** Is this browser known to `agent` now? Counts one attempt of the device's own when it is. */
  async check(claim: DeviceClaim | undefined, agent: Pick<AgentDoc, '_id' | 'devicesEpoch'>): Promise<DeviceCheck> {
    if (!claim || !this.known(claim, agent)) return { ok: false, reason: 'unknown' };
    try {
      await this.limiter.consume(claim.nonce, 1);
      return { ok: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { ok: false, reason: 'limited' };
      this.opts.logger.warn({ err }, 'sign-in device limit unavailable');
      return { ok: false, reason: 'unavailable' };
    }
  }

  /** After a sign-in: this browser is known for the account (a new id each time). */
  remember(reply: FastifyReply, agent: Pick<AgentDoc, '_id' | 'devicesEpoch'>, base: CookieOptions): void {
    const body = `${agent._id.toString()}.${agent.devicesEpoch ?? 0}.${Math.floor(this.now().getTime() / 1000)}.${randomBytes(16).toString('base64url')}`;
    setCookie(reply, DEVICE_COOKIE, `${body}.${this.opts.mac(body)}`, { ...base, maxAge: this.days * 24 * 3600 });
  }

  giveBack(claim: DeviceClaim): Promise<void> {
    return this.limiter.reward(claim.nonce, 1).then(
      () => undefined,
      () => undefined,
    );
  }

  private known(claim: DeviceClaim, agent: Pick<AgentDoc, '_id' | 'devicesEpoch'>): boolean {
    const body = `${claim.agentId}.${claim.epoch}.${claim.issued}.${claim.nonce}`;
    const want = Buffer.from(this.opts.mac(body));
    const got = Buffer.from(claim.mac);
    if (got.length !== want.length || !timingSafeEqual(got, want)) return false;
    const fresh = this.now().getTime() / 1000 - claim.issued < this.days * 24 * 3600;
    return fresh && claim.agentId === agent._id.toString() && claim.epoch === (agent.devicesEpoch ?? 0);
  }
}
