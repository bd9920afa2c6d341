import type { Redis } from 'ioredis';
import { SealedValues, type Opened } from '../lib/sealed-values';
import { redisKeys } from '../redis-keys';
import { withUpdateScripts, type UpdateCommands } from './scripts';

/** How long an idle conversation (an unfinished report) stays in Redis: said in /privacy. */
export const SESSION_TTL_SEC = 24 * 60 * 60;
/** How long the language a reporter chose is kept after their last conversation began (about a year, as their details). */
export const LANGUAGE_TTL_SEC = 365 * 24 * 60 * 60;

/** Seals what is written to Redis (SealedValues under the DATA_KEY ring). */
export interface SessionSealer {
  seal(value: unknown, context: string): string;
  open<T>(sealed: string, context: string): Opened<T>;
  /** Sealed under an older key of the ring: write it again (SealedValues has it). */
  needsReseal?(sealed: string): boolean;
}

/** What the first round trip of an update does besides reading the session. */
export interface UpdateClaim {
  /** The update's de-dup key (redisKeys(prefix).update(id)). */
  updateKey: string;
  /** False for the end of a split paste, which re-handles an update already claimed. */
  claim: boolean;
  claimSec: number;
  /** What the claim holds: 'handling:<owner>' (src/bot/update-owner.ts). */
  claimValue: string;
  /** A claim left by a process that died: taken over only if the update still holds exactly it. */
  takeOver?: string;
  /** Count the update against this per-minute counter. */
  limit?: { key: string; points: number; windowSec: number };
}

/**
 * The outcome of that round trip: a re-delivery (claimed already: `held` is 'done' or the claim of
 * the process handling it), or the session as stored
 * (undefined: none) with `snapshot`, its JSON, to tell later whether it changed (null: write it
 * back regardless: stored before sealing, under an older key, or in an older format).
 */
export type Begun<T> =
  | { claimed: false; held: string }
  | { claimed: true; session: T | undefined; snapshot: string | null; limit?: { consumed: number; msLeft: number }; language?: string };

/** The update's de-dup mark, written with the session at the end: handled, or released for a retry. */
export interface UpdateMark {
  updateKey: string;
  mark: 'done' | 'release' | 'none';
  rememberSec: number;
  /** The reporter's language, kept (for LANGUAGE_TTL_SEC) beyond the session. */
  language?: string;
  /** Keep the session this much longer than its usual time to live (a draft that may be sent only later). */
  keepLongerSec?: number;
}

/**
 * Telegraf sessions in Redis, so a conversation survives a restart (or another instance taking
 * over). A draft holds what the reporter typed (story, place, phone, a reply not yet sent), so
 * it is sealed (AES-256-GCM, bound to its key: a copied value does not open under another
 * reporter's key) and lives only `ttlSec` after the last message: Redis, its dumps and replicas
 * never hold a reporter's words in clear, nor for long.
 */
export class RedisSessionStore<T> {
  private readonly redis: Redis & UpdateCommands;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly sealer: SessionSealer,
    private readonly ttlSec: number = SESSION_TTL_SEC,
    /** Turns what was stored (any older format) into T; undefined starts afresh. */
    private readonly read: (stored: unknown) => T | undefined = (stored) => stored as T,
  ) {
    this.redis = withUpdateScripts(redis);
  }

  key(name: string): string {
    return redisKeys(this.prefix).session(name);
  }

  async get(name: string): Promise<T | undefined> {
    const key = this.key(name);
    return this.decode(key, await this.redis.get(key)).value;
  }

  /**
   * One round trip at the start of an update (src/bot/lua/begin-update.lua): claim the update,
   * count it against the limit, read the session and the language kept beyond it.
   */
  async begin(name: string, c: UpdateClaim): Promise<Begun<T>> {
    const key = this.key(name);
    // Without a limit the script leaves the counter alone; any key under the prefix (one slot) will do.
    const limitKey = c.limit?.key ?? c.updateKey;
    const r = await this.redis.ripotiBeginUpdate(c.updateKey, limitKey, key, redisKeys(this.prefix).language(name), c.claim ? '1' : '0', c.claimSec, c.limit?.points ?? 0, c.limit?.windowSec ?? 0, c.claimValue, c.takeOver ?? '');
    if (r[0] === 0) return { claimed: false, held: r[1] };
    const { value, snapshot } = this.decode(key, r[3]);
    return { claimed: true, session: value, snapshot, ...(c.limit ? { limit: { consumed: r[1], msLeft: r[2] } } : {}), ...(r[4] ? { language: r[4] } : {}) };
  }

  /** Writes the session (renewing its time to live), with the update's mark in the same round trip. */
  async set(name: string, value: T, mark?: UpdateMark): Promise<void> {
    const key = this.key(name);
    await this.finish(name, this.sealer.seal(value, key), mark);
  }

  /** The session did not change: only renew its time to live, with the update's mark. */
  async touch(name: string, mark?: UpdateMark): Promise<void> {
    await this.finish(name, '', mark);
  }

  private async finish(name: string, sealed: string, mark: UpdateMark | undefined): Promise<void> {
    const key = this.key(name);
    // Without a mark the script's second key is not touched; the session's own key stands in.
    const ttlSec = this.ttlSec + (mark?.keepLongerSec ?? 0);
    await this.redis.ripotiFinishUpdate(key, mark?.updateKey ?? key, redisKeys(this.prefix).language(name), sealed, ttlSec, mark?.mark ?? 'none', mark?.rememberSec ?? 0, mark?.language ?? '', LANGUAGE_TTL_SEC);
  }

  private decode(key: string, raw: string | null): { value: T | undefined; snapshot: string | null } {
    if (raw === null) return { value: undefined, snapshot: null };
    try {
      if (!SealedValues.isSealed(raw)) return { value: this.read(JSON.parse(raw)), snapshot: null }; // written before sealing; sealed on the next write
      const opened = this.sealer.open<unknown>(raw, key);
      // A value that does not open (a key no longer in the ring, tampering) must not lock the
      // reporter out: start afresh.
      if (!opened.ok) return { value: undefined, snapshot: null };
      const value = this.read(opened.value);
      // A migration returns a new object; a value under an older key is sealed again.
      const current = value === opened.value && !this.sealer.needsReseal?.(raw);
      return { value, snapshot: current ? JSON.stringify(value) : null };
    } catch {
      // A corrupt session must not lock the reporter out either.
      return { value: undefined, snapshot: null };
    }
  }

  async delete(name: string): Promise<void> {
    await this.redis.del(this.key(name));
  }
}
