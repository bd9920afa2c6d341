import { matchCounty, plainWords } from '../../../src/domain';

describe('plainWords', () => {
  it('reads each text as itself, one after another and again', () => {
    expect(plainWords('Ndiyo!!')).toBe('ndiyo');
    expect(plainWords('Kituo cha  Polisi, Kilimani')).toBe('kituo cha polisi kilimani');
    expect(plainWords('Ndiyo!!')).toBe('ndiyo');
    expect(plainWords('ndiyo')).toBe('ndiyo');
    expect(plainWords('Murang’a  café')).toBe('murang a cafe');
    expect(plainWords(' jana ')).toBe('jana');
  });
});

describe('matchCounty, a county misspelt', () => {
  it('suggests the nearest county for a typo, and none for a long answer', () => {
    expect(matchCounty('Nakru')).toMatchObject({ kind: 'suggest', county: { code: 32 } });
    expect(matchCounty('Elgeyo Marakwett')).toMatchObject({ kind: 'suggest', county: { code: 28 } });
    expect(matchCounty('Kituo cha kupigia kura, Shule ya Msingi Olympic')).toEqual({ kind: 'none' });
    expect(matchCounty('Xyzzy')).toEqual({ kind: 'none' });
  });
});
