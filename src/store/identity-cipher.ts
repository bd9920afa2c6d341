import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { RandomPool } from '../lib/crypto-reuse';

export interface DataKey {
  id: string;
  key: Buffer;
}

/** An encrypted value as stored: key id, IV, auth tag and ciphertext (base64). */
export interface Sealed {
  k: string;
  iv: string;
  tag: string;
  ct: string;
}

/**
 * AES-256-GCM for reporter identities at rest. The first key encrypts; every key decrypts, so a
 * key can be rotated by putting a new one first and keeping the old ones until re-encrypted.
 * Lookups use a keyed hash (HMAC-SHA256) of the Telegram user id: one per key, so a record
 * hashed under an old key is still found after rotation.
 */
export class IdentityCipher {
  private readonly byId: Map<string, Buffer>;
  private readonly ivs = new RandomPool();

  constructor(private readonly keys: readonly DataKey[]) {
    if (keys.length === 0) throw new Error('IdentityCipher needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`data key ${k.id} must be 32 bytes`);
    // Sealing uses the first key of an id, opening would use the last: never let them differ.
    const twice = keys.find((k, i) => keys.findIndex((o) => o.id === k.id) !== i);
    if (twice) throw new Error(`data key id ${twice.id} is used more than once`);
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  seal(value: unknown): Sealed {
    const { id, key } = this.keys[0];
    const iv = this.ivs.take(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(id));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { k: id, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  }

  open<T>(sealed: Sealed): T {
    const key = this.byId.get(sealed.k);
    if (!key) throw new Error(`no data key with id ${sealed.k}: it was removed from DATA_KEY while records still use it`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(sealed.k));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const pt = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
    return JSON.parse(pt.toString('utf8')) as T;
  }

  /** Hash under the current key, for new records. */
  lookupHash(value: string | number): string {
    return hmac(this.keys[0].key, value);
  }

  /**
   * A keyed hash for one purpose (rate-limit counters in Redis, log lines), under the current key:
   * unlike `lookupHash` it matches nothing stored in MongoDB, and each purpose gives another value,
   * so neither a Redis copy nor a log can be joined with the database or with each other.
   */
  keyedHash(purpose: string, value: string): string {
    return createHmac('sha256', this.keys[0].key).update(`${purpose}\0${value}`).digest('base64url');
  }

  /** Hashes under every key, for finding records written before a rotation. */
  lookupHashes(value: string | number): string[] {
    return this.keys.map((k) => hmac(k.key, value));
  }
}

function hmac(key: Buffer, value: string | number): string {
  return createHmac('sha256', key).update(`tg:${value}`).digest('base64url');
}
