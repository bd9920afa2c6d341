import { IdentityCipher } from '../../../src/store/identity-cipher';

const k = (n: number, id: string) => ({ id, key: Buffer.alloc(32, n) });

describe('IdentityCipher', () => {
  const who = { telegramUserId: 424242, chatId: 424242, firstName: 'Wanjiku', phone: '+254700000001' };

  it('stores nothing readable and opens what it sealed', () => {
    const c = new IdentityCipher([k(1, 'k1')]);
    const sealed = c.seal(who);
    expect(JSON.stringify(sealed)).not.toContain('Wanjiku');
    expect(JSON.stringify(sealed)).not.toContain('254700000001');
    expect(c.open(sealed)).toEqual(who);
  });

  it('detects tampering', () => {
    const c = new IdentityCipher([k(1, 'k1')]);
    const sealed = c.seal(who);
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] ^= 1;
    expect(() => c.open({ ...sealed, ct: ct.toString('base64') })).toThrow();
  });

  it('reads old records after a key rotation and seals new ones with the new key', () => {
    const before = new IdentityCipher([k(1, 'k1')]);
    const old = before.seal(who);
    const after = new IdentityCipher([k(2, 'k2'), k(1, 'k1')]);
    expect(after.open(old)).toEqual(who);
    expect(after.seal(who).k).toBe('k2');
    expect(after.lookupHashes(424242)).toContain(before.lookupHash(424242));
    expect(after.lookupHash(424242)).not.toBe(before.lookupHash(424242));
  });

  it('says which key is missing when one was removed too early', () => {
    const old = new IdentityCipher([k(1, 'k1')]).seal(who);
    expect(() => new IdentityCipher([k(2, 'k2')]).open(old)).toThrow(/no data key with id k1/);
  });

  it('refuses a key ring with one id twice, since sealing and opening would pick different keys', () => {
    expect(() => new IdentityCipher([k(2, 'k2'), k(3, 'k2'), k(1, 'k1')])).toThrow(/k2.*more than once/);
  });

  it('gives a separate keyed hash per purpose, matching no lookup hash and needing the key', () => {
    const c = new IdentityCipher([k(1, 'k1')]);
    const lookup = c.lookupHash(424242);
    const msg = c.keyedHash('rate-limit:messages', lookup);
    expect(c.keyedHash('rate-limit:messages', lookup)).toBe(msg);
    expect(c.keyedHash('rate-limit:reports', lookup)).not.toBe(msg);
    expect(msg).not.toBe(lookup);
    expect(new IdentityCipher([k(2, 'k1')]).keyedHash('rate-limit:messages', lookup)).not.toBe(msg);
  });
});
