import { areNeighbours, COUNTIES, neighbouringCounties } from '../../../src/domain';

describe('neighbouring counties', () => {
  it('every county has neighbours, each a county, never itself, and bordering is both ways', () => {
    for (const { code } of COUNTIES) {
      const list = neighbouringCounties(code);
      expect([code, list.length > 0]).toEqual([code, true]);
      for (const n of list) {
        expect([code, n, COUNTIES.some((c) => c.code === n), n !== code]).toEqual([code, n, true, true]);
        expect([code, n, neighbouringCounties(n).includes(code)]).toEqual([code, n, true]);
      }
    }
  });

  it('knows the borders that run through towns', () => {
    const named = (name: string) => COUNTIES.find((c) => c.name.startsWith(name))!.code;
    expect(neighbouringCounties(named('Nairobi')).map((c) => COUNTIES[c - 1].name)).toEqual(['Machakos', 'Kiambu', 'Kajiado']);
    expect(areNeighbours(named('Mombasa'), named('Kilifi'))).toBe(true);
    expect(areNeighbours(named('Kisumu'), named('Vihiga'))).toBe(true);
    expect(areNeighbours(named('Nairobi'), named('Mombasa'))).toBe(false);
    expect(areNeighbours(named('Nairobi'), named('Nairobi'))).toBe(false);
    expect(neighbouringCounties(0)).toEqual([]);
  });
});
