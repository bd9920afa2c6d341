import { Memo, RandomPool } from '../../../src/lib/crypto-reuse';
import { rateLimitKeyOf } from '../../../src/lib/rate-limit';
import { IdentityCipher } from '../../../src/store/identity-cipher';

describe('RandomPool', () => {
  it('never hands out the same bytes twice, across blocks, and leaves handed-out IVs as they were', () => {
    const pool = new RandomPool(64); // 5 IVs of 12 bytes per block: many refills below
    const ivs = Array.from({ length: 500 }, () => pool.take(12));
    const copies = ivs.map((iv) => Buffer.from(iv));
    for (let i = 0; i < 500; i++) pool.take(12);
    expect(new Set(ivs.map((iv) => iv.toString('hex'))).size).toBe(500);
    ivs.forEach((iv, i) => expect(iv.equals(copies[i])).toBe(true));
    expect(ivs.every((iv) => iv.length === 12)).toBe(true);
  });

  it('draws a request larger than a block on its own', () => {
    expect(new RandomPool(16).take(40)).toHaveLength(40);
  });
});

describe('Memo', () => {
  it('computes an input once, and forgets the oldest input when full', () => {
    const memo = new Memo(2);
    const computed: string[] = [];
    const hash = (s: string) => {
      computed.push(s);
      return `h(${s})`;
    };
    expect(memo.get('a', hash)).toBe('h(a)');
    expect(memo.get('a', hash)).toBe('h(a)');
    memo.get('b', hash);
    memo.get('c', hash); // 'a' goes
    expect(memo.get('b', hash)).toBe('h(b)');
    expect(memo.get('a', hash)).toBe('h(a)');
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('rateLimitKeyOf (kept per user id)', () => {
  const cipher = new IdentityCipher([{ id: 'k1', key: Buffer.alloc(32, 1) }]);

  it('gives the keyed hash of the lookup hash, the same on the second ask, another per purpose and per user', () => {
    const messages = rateLimitKeyOf(cipher, 'messages');
    const expected = cipher.keyedHash('rate-limit:messages', cipher.lookupHash(42));
    expect(messages(42)).toBe(expected);
    expect(messages(42)).toBe(expected);
    expect(rateLimitKeyOf(cipher, 'reports')(42)).not.toBe(expected);
    expect(messages(43)).not.toBe(expected);
  });
});
