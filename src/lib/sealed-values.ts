import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { RandomPool } from './crypto-reuse';
import type { DataKey } from '../store/identity-cipher';

/** Why a sealed value could not be opened; never says anything about its content. */
export type OpenRefusal = 'malformed' | 'unknown_key' | 'tampered';
export type Opened<T> = { ok: true; value: T; keyId: string } | { ok: false; reason: OpenRefusal };

const VERSION = 's1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PART = /^[A-Za-z0-9_-]+$/;

/**
 * Seals values kept outside MongoDB (the bot's session drafts in Redis): AES-256-GCM under the
 * DATA_KEY ring, as one string `s1.<key id>.<iv>.<ciphertext+tag>` (base64url). The first key
 * seals; any key in the ring opens what names its id, so a rotation (README "Upgrading") keeps
 * live drafts readable, and `needsReseal` tells when to write a value again under the new key.
 *
 * Each purpose gets its own AES key, derived from the data key with HKDF, so these values never
 * share a key (or an IV budget: sessions are rewritten on every message) with the identity
 * records. `context` (e.g. the Redis key) is authenticated with the value: a sealed draft copied
 * into another reporter's session does not open there.
 */
export class SealedValues {
  private readonly byId: Map<string, Buffer>;
  private readonly current: string;
  private readonly ivs = new RandomPool();

  constructor(keys: readonly DataKey[], private readonly purpose: string) {
    if (keys.length === 0) throw new Error('SealedValues needs at least one key');
    if (!PART.test(purpose)) throw new Error('purpose must be letters, digits, _ or -');
    this.byId = new Map();
    for (const k of keys) {
      if (k.key.length !== 32) throw new Error(`data key ${k.id} must be 32 bytes`);
      if (this.byId.has(k.id)) throw new Error(`data key id ${k.id} is used more than once`);
      this.byId.set(k.id, Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), `ripoti sealed-values ${purpose}`, 32)));
    }
    this.current = keys[0].id;
  }

  /** True for a string this class produced (of any key); plain JSON written before is not. */
  static isSealed(s: string): boolean {
    return s.startsWith(`${VERSION}.`);
  }

  seal(value: unknown, context = ''): string {
    const key = this.byId.get(this.current)!;
    const iv = this.ivs.take(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(this.aad(this.current, context));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.current, iv.toString('base64url'), ct.toString('base64url')].join('.');
  }

  open<T>(sealed: string, context = ''): Opened<T> {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION || !parts.every((p) => PART.test(p))) return { ok: false, reason: 'malformed' };
    const [, keyId, ivText, ctText] = parts;
    const key = this.byId.get(keyId);
    if (!key) return { ok: false, reason: 'unknown_key' };
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(ctText, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return { ok: false, reason: 'malformed' };
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(this.aad(keyId, context));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      const pt = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
      return { ok: true, value: JSON.parse(pt.toString('utf8')) as T, keyId };
    } catch {
      return { ok: false, reason: 'tampered' };
    }
  }

  /** Sealed under a key other than the current one: write it again after a rotation. */
  needsReseal(sealed: string): boolean {
    return sealed.split('.')[1] !== this.current;
  }

  private aad(keyId: string, context: string): Buffer {
    return Buffer.from(`${VERSION}\0${this.purpose}\0${keyId}\0${context}`);
  }
}
