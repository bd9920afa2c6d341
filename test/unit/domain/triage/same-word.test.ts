import { distance } from 'fastest-levenshtein';
import { sameWord } from '../../../../src/domain/triage/normalize';

describe('sameWord (typo-tolerant word match)', () => {
  it('accepts one typo from 4 letters, two from 8, a longer spelling, and a swap', () => {
    expect(sameWord('kibera', 'kibira')).toBe(true);
    expect(sameWord('kakamega', 'kakamiga')).toBe(true);
    expect(sameWord('kakamega', 'kakamxgx')).toBe(true);
    expect(sameWord('lurambi', 'luarmbi')).toBe(true);
    expect(sameWord('nairobi', 'nairobini')).toBe(true);
    expect(sameWord('mombasa', 'mombaaaaa')).toBe(false);
    expect(sameWord('bar', 'baz')).toBe(false);
  });

  it('gives the answer of the full edit distance for words of any lengths (the length check only skips work)', () => {
    // Words from a small alphabet, so that near misses of every length difference are common.
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const word = () => Array.from({ length: 3 + rnd(9) }, () => 'abn'[rnd(3)]).join('');
    const reference = (a: string, b: string): boolean => {
      if (a === b) return true;
      const min = Math.min(a.length, b.length);
      if (min < 4) return false;
      if (min >= 5 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 2) return true;
      if (a.length === b.length && [...a].some((_, i) => i + 1 < a.length && a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2) === b)) return true;
      return distance(a, b) <= (min >= 8 ? 2 : 1);
    };
    let matches = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = word();
      const b = rnd(2) ? word() : a.slice(0, rnd(a.length + 1)) + 'abn'[rnd(3)].repeat(rnd(4)) + a.slice(rnd(a.length + 1));
      const want = reference(a, b);
      if (sameWord(a, b) !== want) throw new Error(`sameWord(${a}, ${b}) should be ${want}`);
      if (want) matches++;
    }
    expect(matches).toBeGreaterThan(500);
  });
});
