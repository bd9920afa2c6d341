import { generateReference, parseReference, looksLikeReference, REFERENCE_ALPHABET } from '../../../src/domain';

describe('reference numbers', () => {
  it('look like R-XXXX-XXXX and use no look-alike characters', () => {
    for (let i = 0; i < 500; i++) {
      const ref = generateReference();
      expect(ref).toMatch(/^R-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(ref).not.toMatch(/[01OIL]/);
      expect(parseReference(ref)).toEqual({ ok: true, reference: ref });
    }
  });

  it('accepts what people type: lower case, spaces, no dashes, no R', () => {
    const ref = generateReference();
    const bare = ref.slice(2).replace('-', '');
    expect(parseReference(bare.toLowerCase())).toEqual({ ok: true, reference: ref });
    expect(parseReference(` r ${bare.slice(0, 4)} ${bare.slice(4)} `)).toEqual({ ok: true, reference: ref });
  });

  it('tells every single-character typo apart from an unknown reference', () => {
    const ref = generateReference(() => 5);
    const chars = ref.replace(/[R-]/g, '').split('');
    for (let pos = 0; pos < chars.length; pos++) {
      for (const wrong of REFERENCE_ALPHABET) {
        if (wrong === chars[pos]) continue;
        const typo = [...chars];
        typo[pos] = wrong;
        expect(parseReference(typo.join(''))).toEqual({ ok: false, reason: 'checksum' });
      }
    }
  });

  it('catches swapped neighbouring characters', () => {
    let seeded = 0;
    const ref = generateReference(() => (seeded++ * 7) % 31);
    const chars = ref.replace(/[R-]/g, '').split('');
    for (let pos = 0; pos < chars.length - 1; pos++) {
      if (chars[pos] === chars[pos + 1]) continue;
      const swapped = [...chars];
      [swapped[pos], swapped[pos + 1]] = [swapped[pos + 1], swapped[pos]];
      expect(parseReference(swapped.join('')).ok).toBe(false);
    }
  });

  it('calls input with ambiguous or missing characters malformed', () => {
    expect(parseReference('R-7K3F-9QX')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseReference('R-7K3F-9QO2')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseReference('hello')).toEqual({ ok: false, reason: 'malformed' });
    expect(looksLikeReference('R-7K3F-9QO2')).toBe(true);
    expect(looksLikeReference('what happened')).toBe(false);
  });
});
