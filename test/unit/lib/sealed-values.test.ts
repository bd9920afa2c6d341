import { SealedValues } from '../../../src/lib/sealed-values';
import { IdentityCipher } from '../../../src/store/identity-cipher';

const k = (n: number, id: string) => ({ id, key: Buffer.alloc(32, n) });
/** What a draft holds while a report is written: exactly what must not sit in Redis in clear. */
const draft = { step: 'review', phone: '+254700000001', story: 'Afisa Kiprono alichukua hongo ya 2000', place: 'Eldama Ravine stage', captions: ['the officer'] };
const SESSION_KEY = 'ripoti:sess:abc';

describe('SealedValues', () => {
  it('keeps nothing readable and opens what it sealed', () => {
    const s = new SealedValues([k(1, 'k1')], 'bot-session');
    const sealed = s.seal(draft, SESSION_KEY);
    for (const clear of ['254700000001', 'Kiprono', 'Eldama', 'officer', 'review']) expect(sealed).not.toContain(clear);
    expect(sealed).toMatch(/^s1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(s.open(sealed, SESSION_KEY)).toEqual({ ok: true, value: draft, keyId: 'k1' });
    // A fresh IV each time: the same draft never seals to the same string.
    expect(s.seal(draft, SESSION_KEY)).not.toBe(sealed);
  });

  it('refuses a value changed by one bit, or moved to another session', () => {
    const s = new SealedValues([k(1, 'k1')], 'bot-session');
    const sealed = s.seal(draft, SESSION_KEY);
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3], 'base64url');
    ct[0] ^= 1;
    expect(s.open([...parts.slice(0, 3), ct.toString('base64url')].join('.'), SESSION_KEY)).toEqual({ ok: false, reason: 'tampered' });
    expect(s.open(sealed, 'ripoti:sess:someone-else')).toEqual({ ok: false, reason: 'tampered' });
  });

  it('keeps purposes apart, and apart from the identity records sealed with the same key', () => {
    const sessions = new SealedValues([k(1, 'k1')], 'bot-session');
    const replies = new SealedValues([k(1, 'k1')], 'pending-reply');
    expect(replies.open(sessions.seal(draft, SESSION_KEY), SESSION_KEY)).toEqual({ ok: false, reason: 'tampered' });
    // Same DATA_KEY, but not the same AES key: an identity record's cipher cannot open a draft.
    const sealed = sessions.seal(draft).split('.');
    const raw = Buffer.from(sealed[3], 'base64url');
    const asIdentity = { k: 'k1', iv: Buffer.from(sealed[2], 'base64url').toString('base64'), tag: raw.subarray(raw.length - 16).toString('base64'), ct: raw.subarray(0, raw.length - 16).toString('base64') };
    expect(() => new IdentityCipher([k(1, 'k1')]).open(asIdentity)).toThrow();
  });

  it('opens drafts sealed before a key rotation, seals new ones with the new key, and says which to rewrite', () => {
    const before = new SealedValues([k(1, 'k1')], 'bot-session');
    const old = before.seal(draft, SESSION_KEY);
    const after = new SealedValues([k(2, 'k2'), k(1, 'k1')], 'bot-session');
    expect(after.open(old, SESSION_KEY)).toEqual({ ok: true, value: draft, keyId: 'k1' });
    expect(after.needsReseal(old)).toBe(true);
    const fresh = after.seal(draft, SESSION_KEY);
    expect(fresh.startsWith('s1.k2.')).toBe(true);
    expect(after.needsReseal(fresh)).toBe(false);
    // Once k1 is dropped from DATA_KEY, its drafts are refused by name, not misread.
    expect(new SealedValues([k(2, 'k2')], 'bot-session').open(old, SESSION_KEY)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('refuses malformed input with a typed reason, and tells sealed values from old plain JSON', () => {
    const s = new SealedValues([k(1, 'k1')], 'bot-session');
    for (const bad of ['', '{"step":"review"}', 's1.k1.abc', 's1.k1.!!.abc', 's2.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', 's1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA']) {
      expect(s.open(bad)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(SealedValues.isSealed(s.seal(draft))).toBe(true);
    expect(SealedValues.isSealed(JSON.stringify(draft))).toBe(false);
  });

  it('refuses a key ring with one id twice', () => {
    expect(() => new SealedValues([k(1, 'k1'), k(2, 'k1')], 'bot-session')).toThrow(/k1.*more than once/);
  });
});
