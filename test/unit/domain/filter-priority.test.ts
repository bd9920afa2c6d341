import { FILTER_PRIORITIES, readFilterPriority } from '../../../src/domain';

/**
 * All tickets narrowed to one priority: a supervisor in a surge looks at the urgent ones first.
 * The address names it ("?priority=urgent"), so a link read aloud or pasted says what it shows.
 */
describe('the priority filter', () => {
  it('offers every priority, most urgent first, by name', () => {
    expect(FILTER_PRIORITIES).toEqual([
      { param: 'urgent', priority: 1 },
      { param: 'high', priority: 2 },
      { param: 'normal', priority: 3 },
      { param: 'low', priority: 4 },
    ]);
  });

  it('reads the name in the address, in any case', () => {
    expect(readFilterPriority('urgent')).toBe(1);
    expect(readFilterPriority(' High ')).toBe(2);
    expect(readFilterPriority('normal')).toBe(3);
    expect(readFilterPriority('low')).toBe(4);
  });

  it('reads anything else as no filter', () => {
    for (const bad of ['', '1', '0', '5', 'dharura', 'urgentx', 'constructor', '__proto__']) expect(readFilterPriority(bad)).toBeUndefined();
  });
});
