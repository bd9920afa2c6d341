import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { readCookie, setCookie, type CookieOptions } from './cookies';

export const DEVICE_COOKIE = 'ripoti_device';

export interface TrustedDeviceOptions {
  /** A keyed hash (the store's), so only this deployment can mint a device cookie. */
  mac: (value: string) => string;
  redis: Redis;
  /** rate-limiter-flexible key prefix for a device's failed sign-ins. */
  keyPrefix: string;
  logger: Logger;
  /** Failed sign-ins a device may make per 15 minutes before it is treated as any other browser (default 5). */
  failures?: number;
  /** How long a browser stays known after its last sign-in (default 90 days). */
  days?: number;
}

/** A browser an account signed in from before: `agentId` it is known for, `nonce` its own id. */
export interface KnownDevice {
  agentId: string;
  nonce: string;
}

/**
 * Browsers an account signed in from before (OWASP's "device cookies"). Five wrong passwords from
 * anywhere lock an account, which anyone who knows a username could do to keep an agent out in a
 * surge; a browser the agent signed in from before is not held by that lock. It still needs the
 * password, and its own failures are limited: past them it is any other browser.
 */
export class TrustedDevices {
  private readonly limiter: RateLimiterRedis;
  private readonly days: number;

  constructor(private readonly opts: TrustedDeviceOptions) {
    this.limiter = new RateLimiterRedis({ storeClient: opts.redis, keyPrefix: opts.keyPrefix, points: opts.failures ?? 5, duration: 15 * 60 });
    this.days = opts.days ?? 90;
  }

  /** The device this request's cookie names, if the cookie is one we made. */
  read(req: FastifyRequest): KnownDevice | undefined {
    const [agentId, nonce, mac] = (readCookie(req, DEVICE_COOKIE) ?? '').split('.');
    if (!agentId || !nonce || !mac || !/^[0-9a-f]{24}$/.test(agentId)) return undefined;
    const want = Buffer.from(this.opts.mac(`${agentId}.${nonce}`));
    const got = Buffer.from(mac);
    return got.length === want.length && timingSafeEqual(got, want) ? { agentId, nonce } : undefined;
  }

  /** After a sign-in: this browser is known for the account (a new id each time, so an old cookie copied elsewhere ages out). */
  remember(reply: FastifyReply, agentId: string, base: CookieOptions): void {
    const nonce = randomBytes(16).toString('base64url');
    setCookie(reply, DEVICE_COOKIE, `${agentId}.${nonce}.${this.opts.mac(`${agentId}.${nonce}`)}`, { ...base, maxAge: this.days * 24 * 3600 });
  }

  /** Counts one attempt before the password is checked; false when the device has used up its attempts (or Redis is away). */
  async take(device: KnownDevice): Promise<boolean> {
    try {
      await this.limiter.consume(device.nonce, 1);
      return true;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) this.opts.logger.warn({ err }, 'sign-in device limit unavailable');
      return false;
    }
  }

  giveBack(device: KnownDevice): Promise<void> {
    return this.limiter.reward(device.nonce, 1).then(
      () => undefined,
      () => undefined,
    );
  }
}
